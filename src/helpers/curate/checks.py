"""Value checks on curated rows that the data dictionary's types cannot express: a period is a real ISO 8601
date or interval, and a formula's constants are the ones ``data/curated/README.md`` allows."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..base.errors import DataError
from .curation import EDIT_FIX

__all__ = ["FORMULA_CONSTANTS", "check_period", "check_constants"]

#: The only numbers a formula may hold (data/curated/README.md): the per-100 base and days per month.
FORMULA_CONSTANTS = ("100", "30")
_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def _valid_part(text: str) -> bool:
    match = _PART.fullmatch(text)
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def check_period(row: dict[str, str], path: Path) -> None:
    """``row["period"]`` is empty, a date (2016, 2016-07, 2017-04-25) or an interval of two (2016-07/2017-01)."""
    period = row.get("period", "")
    parts = period.split("/")
    if not period or (len(parts) <= 2 and all(_valid_part(p) for p in parts) and parts == sorted(parts)):
        return
    raise DataError(path, f"{row.get('_entry', 'row')}, column period", f"{period!r} is not a valid ISO 8601 date "
                    "or interval (YYYY, YYYY-MM, YYYY-MM-DD, or start/end in order)", EDIT_FIX)


def check_constants(row: dict[str, str], path: Path) -> None:
    """``row["formula"]`` holds no number but :data:`FORMULA_CONSTANTS` (every other number comes from the article)."""
    for number in _NUMBER.findall(row.get("formula", "")):
        if number not in FORMULA_CONSTANTS:
            raise DataError(path, f"{row.get('_entry', 'row')}, column formula", f"the constant {number} is not "
                            f"allowed (only {' and '.join(FORMULA_CONSTANTS)}; see data/curated/README.md)",
                            "use a figure id for a number the article states, then run `make data`")
