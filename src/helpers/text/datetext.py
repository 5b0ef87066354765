"""Dates as a reader sees them, in either language, from the ``date.*`` labels of labels.csv.

``month(d, "en")`` → "July 2016", ``month(d, "zh")`` → "2016年7月"; ``day`` → "25 April 2017" /
"2017年4月25日"; ``period`` keeps the precision the article gives: a ten-day period (旬,
"late February" / "2月下旬"), a month or a day. Charts and prose (:mod:`helpers.text.facts`) share them.
"""
from __future__ import annotations

import calendar
from typing import Any

from ..curate import labels

__all__ = ["month", "month_end", "day", "year", "period", "xun"]


def _text(key: str, language: str, parts: dict[str, str]) -> str:
    # plain formatting, not prose.render: prose's own date facts are made with these functions
    return labels.raw(key, language).format_map(parts)


def _parts(d: Any) -> dict[str, str]:
    return {"day": str(d.day), "month": str(d.month), "year": str(d.year),
            "month_name": calendar.month_name[d.month]}


def xun(day_of_month: int) -> int:
    """The ten-day period of a day: 1 (days 1-10), 2 (11-20) or 3 (21 to the month's end)."""
    return 1 if day_of_month <= 10 else 2 if day_of_month <= 20 else 3


def month(d: Any, language: str, with_year: bool = True) -> str:
    """'July 2016' / '2016年7月' (or 'July' / '7月'); ``d`` is a date or a Timestamp."""
    return _text("date.month" if with_year else "date.month_no_year", language, _parts(d))


def month_end(d: Any, language: str) -> str:
    """The end of ``d``'s month, as an article's 月底 gives it (``date.month_end``)."""
    return _text("date.month_end", language, {"month": month(d, language)})


def day(d: Any, language: str) -> str:
    """'25 April 2017' / '2017年4月25日'."""
    return _text("date.day", language, _parts(d))


def year(d: Any, language: str) -> str:
    """'2016' / '2016年'."""
    return _text("date.year", language, _parts(d))


def period(d: Any, precision: str, language: str, with_year: bool = False) -> str:
    """The period a date is known to: 'late February' / '2月下旬' (旬), or the month, or the day."""
    if precision == "xun":
        return _text(f"date.xun.{xun(d.day)}", language, {"month": month(d, language, with_year)})
    if precision == "month":
        return month(d, language, with_year)
    if precision == "day":
        return day(d, language)
    return year(d, language)
