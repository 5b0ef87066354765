"""Pages the build made for a notebook that no longer exists are removed, not left stale in ``reports/``.

The build owns what its state (``<out>/.build/doit.json``) records: :func:`prune_stale` removes the pages
(``.html``, ``.pdf``) and executed notebooks recorded for an output that is no longer planned, and forgets
those steps. Files the build never recorded are left alone, and so are figures (committed files: a removed
notebook's figures go with the commit that removes it).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .fileio import write_text_atomic

__all__ = ["prune_stale"]

PAGES = (".html", ".pdf", ".ipynb")


def prune_stale(out: Path, planned: Iterable[str], langs: Iterable[str]) -> list[Path]:
    """Remove the recorded pages of outputs of ``langs`` that are not ``planned`` (e.g. ``en/05-old``)."""
    state_file = Path(out) / ".build" / "doit.json"
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    planned, prefixes = set(planned), tuple(f"{lang}/" for lang in langs)
    stale = [t for t in state if t.split("|")[0].startswith(prefixes) and t.split("|")[0] not in planned]
    removed = []
    root = Path(out).resolve()
    for task in stale:
        outs = (state[task].get("_values_:") or {}).get("outs") or {}
        for name in outs:
            path = Path(name)
            if path.suffix in PAGES and root in path.resolve().parents and path.is_file():
                path.unlink()
                removed.append(path)
        del state[task]
    if stale:
        write_text_atomic(state_file, json.dumps(state))
    return removed
