"""Dates, periods and durations a reader sees, formatted from the tidy tables for :func:`helpers.text.prose.render`.

Each value is read from the article's ``tidy/timeline.csv``, its ``schedule_<year>.csv`` or the article's metadata
and formatted in the reader's language, keeping the precision the article gives (a month, a
ten-day period 旬, a day). Years are returned as text so they never gain a thousands separator.
"""
from __future__ import annotations

import calendar
import json
from datetime import date
from functools import lru_cache

from ..base import paths
from ..tidy.tidyset import TABLE_NAMES
from . import datetext

__all__ = ["facts"]

def _point(first: date, last: date, precision: str, language: str) -> str:
    """One end of an interval at the article's precision; in English a ten-day period also gives
    its days, as house style asks: "late February (21-28 Feb)"."""
    text = datetext.period(first, precision, language, with_year=precision != "xun")
    if precision == "xun" and language == "en":
        text += f" ({first.day}-{last.day} {calendar.month_abbr[first.month]})"
    return text


@lru_cache(maxsize=2)
def _facts(language: str) -> tuple[tuple[str, float | str], ...]:
    from ..tidy.load import load_table

    out: dict[str, float | str] = {}
    timeline = load_table("timeline").set_index("date_id")
    for date_id, row in timeline.iterrows():
        s0, s1 = pd_date(row["start_earliest"]), pd_date(row["start_latest"])
        e0, e1 = pd_date(row["end_earliest"]), pd_date(row["end_latest"])
        out[f"date_{date_id}"] = _point(s0, s1, row["start_precision"], language)
        out[f"end_{date_id}"] = _point(e0, e1, row["end_precision"], language)
        if str(row["expression"]).endswith("底"):  # 1月底: the end of the month, as the article says
            out[f"date_{date_id}"] = datetext.month_end(s0, language)
        out[f"year_{date_id}"] = str(s0.year)
        out[f"tquote_{date_id}"] = str(row["quote"])
        out[f"endyear_{date_id}"] = str(e0.year)
    schedules = [load_table(n) for n in TABLE_NAMES if n.startswith("schedule_")]
    for entry_id, row in (r for s in schedules for r in s.set_index("entry_id").iterrows()):
        if row["grouping"] == "round":
            out[f"{entry_id}_min_days"] = float(row["min_days"])
            out[f"{entry_id}_max_days"] = float(row["max_days"])
    for figure_id, quote in zip(*(load_table("figures")[c] for c in ("figure_id", "quote"))):
        out[f"quote_{figure_id}"] = str(quote)
    meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
    published = date.fromisoformat(meta["published"][:10])
    out["published"] = _point(published, published, "day", language)
    out["published_iso"] = published.isoformat()
    out["year_last"] = str(published.year - 1)  # 去年 and 今年, counted from the publication date
    out["year_this"] = str(published.year)
    out["sha256"] = meta["sha256"]
    for key in ("title", "title_en", "outlet", "outlet_en", "byline", "byline_en"):
        out[key] = str(meta[key])
    # the article's folders as a user types them (the notebooks name their inputs)
    out.update(raw_dir=paths.RAW_REL, curated_dir=paths.CURATED_REL, tidy_dir=paths.TIDY_REL,
               datapackage_path=paths.DATAPACKAGE_REL)
    return tuple(out.items())


def pd_date(value: object) -> date:
    """A table cell (``date``, ``Timestamp`` or ISO text) as a :class:`datetime.date`."""
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    return date.fromisoformat(str(value)[:10])


def facts(language: str) -> dict[str, float | str]:
    """Every date, period and duration by name (``date_round_1_2017``, ``round_1_min_days`` …)."""
    return dict(_facts(language))
