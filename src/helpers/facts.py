"""Dates, periods and durations a reader sees, formatted from the tidy tables for :func:`helpers.prose.render`.

Each value is read from ``data/tidy/timeline.csv``, ``schedule_2017.csv`` or the article's metadata
and formatted in the reader's language, keeping the precision the article gives (a month, a
ten-day period 旬, a day). Years are returned as text so they never gain a thousands separator.
"""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

__all__ = ["facts"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_XUN_EN = {1: "early", 2: "mid-", 3: "late"}
_XUN_ZH = {1: "上旬", 2: "中旬", 3: "下旬"}


def _xun(day: int) -> int:
    return 1 if day <= 10 else 2 if day <= 20 else 3


def _point(first: date, last: date, precision: str, language: str) -> str:
    """One end of an interval at the article's precision."""
    month_en = _MONTHS[first.month - 1]
    if precision == "day":
        return (f"{first.day} {month_en} {first.year}" if language == "en"
                else f"{first.year}年{first.month}月{first.day}日")
    if precision == "xun":
        x = _xun(first.day)
        if language == "zh":
            return f"{first.month}月{_XUN_ZH[x]}"
        word = _XUN_EN[x]
        return f"{word}{'' if word.endswith('-') else ' '}{month_en} ({first.day}-{last.day} {month_en[:3]})"
    if precision == "month":
        return f"{month_en} {first.year}" if language == "en" else f"{first.year}年{first.month}月"
    return str(first.year) if language == "en" else f"{first.year}年"


@lru_cache(maxsize=2)
def _facts(language: str) -> tuple[tuple[str, float | str], ...]:
    from . import paths
    from .load import load_table

    out: dict[str, float | str] = {}
    timeline = load_table("timeline").set_index("date_id")
    for date_id, row in timeline.iterrows():
        s0, s1 = pd_date(row["start_earliest"]), pd_date(row["start_latest"])
        e0, e1 = pd_date(row["end_earliest"]), pd_date(row["end_latest"])
        out[f"date_{date_id}"] = _point(s0, s1, row["start_precision"], language)
        out[f"end_{date_id}"] = _point(e0, e1, row["end_precision"], language)
        if str(row["expression"]).endswith("底"):  # 1月底: the end of the month, as the article says
            out[f"date_{date_id}"] = (f"the end of {_MONTHS[s0.month - 1]} {s0.year}" if language == "en"
                                      else f"{s0.year}年{s0.month}月底")
        out[f"year_{date_id}"] = str(s0.year)
        out[f"tquote_{date_id}"] = str(row["quote"])
        out[f"endyear_{date_id}"] = str(e0.year)
    for entry_id, row in load_table("schedule_2017").set_index("entry_id").iterrows():
        if row["grouping"] == "round":
            out[f"{entry_id}_min_days"] = float(row["min_days"])
            out[f"{entry_id}_max_days"] = float(row["max_days"])
    for figure_id, quote in zip(*(load_table("figures")[c] for c in ("figure_id", "quote"))):
        out[f"quote_{figure_id}"] = str(quote)
    meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
    published = date.fromisoformat(meta["published"][:10])
    out["published"] = _point(published, published, "day", language)
    out["published_iso"] = published.isoformat()
    out["year_last"] = out["year_inspections_began"]
    out["year_this"] = out["year_publication"]
    out["sha256"] = meta["sha256"]
    for key in ("title", "title_en", "outlet", "outlet_en", "byline", "byline_en"):
        out[key] = str(meta[key])
    return tuple(out.items())


def pd_date(value: object) -> date:
    """A table cell (``date``, ``Timestamp`` or ISO text) as a :class:`datetime.date`."""
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    return date.fromisoformat(str(value)[:10])


def facts(language: str) -> dict[str, float | str]:
    """Every date, period and duration by name (``date_round_1_2017``, ``round_1_min_days`` …)."""
    return dict(_facts(language))
