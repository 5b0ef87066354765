"""Check the tidy tables before anything reads them: the report build calls :func:`check_fresh` first.

When the stamp matches the files on disk the tables are those a fresh build made from these inputs (hashes
only, no pandas); otherwise it builds them afresh in memory and names the first table, row and column that
differ. The build's modules are imported on that slow path only: importing pandas costs the report
command about half a second it does not need when nothing changed.
"""
from __future__ import annotations

from ..base import paths
from .tidyset import TABLE_NAMES, _stamp, input_hashes, stamp_matches

__all__ = ["check_fresh", "HAND_EDIT_FIX"]

HAND_EDIT_FIX = (f"the table changed after `make data` built it: restore it with `git checkout -- {paths.TIDY_REL}/` "
                 f"(values come from the article: change {paths.CURATED_REL}/ and run `make data` instead)")


def check_fresh() -> None:
    """Raise one DataError (table, row, column, fix) unless ``data/tidy/`` equals a fresh build from the article.

    Nothing is written. Fast (hashes only) when the stamp vouches for the tables.
    """
    if stamp_matches(TABLE_NAMES):
        return
    from .schema import STALE_FIX, check_matches_committed
    from .tables import build_checked

    inputs_unchanged = _stamp(paths.TIDY).get("inputs") == input_hashes()
    check_matches_committed(build_checked(), fix=HAND_EDIT_FIX if inputs_unchanged else STALE_FIX)
