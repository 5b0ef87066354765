"""Audit that no number of the article is left out of the tidy tables.

Every quantity ``helpers.parse.extract.find_figures`` finds in the article is either *in the tables* (a figure whose
quote contains it with the same value, or a date whose expression it overlaps) or *left out* with a reason in
``data/curated/left_out.csv`` (page furniture, an ordinal, an enumeration, a name). Anything else is *unexplained*.
Each count also gets a ``proposed_label``: the noun phrase the extractor says it counts (its ``counted``
column, e.g. 问题线索 for 移交问题线索409条), a starting point for the label of a new curated quote.
"""
from __future__ import annotations

import pandas as pd

from ..curate.left_out import CATEGORIES, LEFT_OUT, LEFT_OUT_COLUMNS, left_out
from ..source.article import Article, load_article
from ..parse.extract import find_figures
from .tables import build_figures, build_timeline

def _within(start: int, end: int, spans: pd.DataFrame) -> pd.DataFrame:
    return spans[(spans["start"] <= start) & (end <= spans["end"])]


def _overlapping(start: int, end: int, spans: pd.DataFrame) -> pd.DataFrame:
    return spans[(spans["start"] < end) & (start < spans["end"])]


def audit(found: pd.DataFrame, figures: pd.DataFrame, timeline: pd.DataFrame, excluded: pd.DataFrame) -> pd.DataFrame:
    """Classify each extracted quantity as ``in_tables``, ``left_out`` or ``unexplained``."""
    dates = timeline.rename(columns={"start": "quote_start", "end": "quote_end",
                                     "expr_start": "start", "expr_end": "end"})
    statuses, covered_by, reasons = [], [], []
    for row in found.itertuples():
        figure = _within(row.start, row.end, figures)
        figure = figure[figure["value"] == row.value]
        date = _overlapping(row.start, row.end, dates) if row.kind == "date" else dates.iloc[0:0]
        skip = excluded[(excluded["start"] <= row.start) & (row.end <= excluded["end"])]
        if not figure.empty:
            statuses.append("in_tables"), covered_by.append(f"figures:{figure['figure_id'].iloc[0]}"), reasons.append("")
        elif not date.empty:
            statuses.append("in_tables"), covered_by.append(f"timeline:{date['date_id'].iloc[0]}"), reasons.append("")
        elif not skip.empty:
            statuses.append("left_out"), covered_by.append(f"left_out:{skip['category'].iloc[0]}")
            reasons.append(skip["reason"].iloc[0])
        else:
            statuses.append("unexplained"), covered_by.append(""), reasons.append("")
    result = found.copy()
    result["status"], result["covered_by"], result["reason"] = statuses, covered_by, reasons
    result["proposed_label"] = [proposed_label(r.kind, r.unit, getattr(r, "counted", "")) for r in found.itertuples()]
    return result


def proposed_label(kind: str, unit: str, counted: str) -> str:
    """A label proposed for a count from what it counts: 问题线索 (条), 巡察组 (个); 村 for 30村 (the noun
    is the unit); empty for other kinds and for counts that name no noun (处分39人)."""
    if kind != "count" or not counted:
        return ""
    return counted if counted == unit or not unit else f"{counted} ({unit})"


def audit_article(article: Article | None = None) -> pd.DataFrame:
    """Run the extractor on the archived article and audit every quantity it finds."""
    article = article or load_article()
    found = find_figures(article.text, published=article.published.date())
    return audit(found, build_figures(article), build_timeline(article), left_out(article))


def unused_left_out(article: Article | None = None) -> list[str]:
    """Left-out entries that no extracted quantity needs (stale curation)."""
    article = article or load_article()
    result = audit_article(article)
    used = result.loc[result["status"] == "left_out", ["start", "end"]]
    excluded = left_out(article)
    return [r.quote for r in excluded.itertuples()
            if _overlapping(r.start, r.end, used).empty]
