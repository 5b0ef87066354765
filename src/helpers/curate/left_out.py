"""The numbers of the article deliberately left out of the tidy tables (``data/curated/left_out.csv``),
each located in the article; :mod:`helpers.tidy.coverage` audits the rest against them."""
from __future__ import annotations

import pandas as pd

from ..base import paths
from ..base.errors import DataError
from ..parse.locate import locate_within
from ..source.article import Article
from . import curation

__all__ = ["LEFT_OUT", "LEFT_OUT_COLUMNS", "CATEGORIES", "left_out"]

LEFT_OUT = paths.CURATED / "left_out.csv"
LEFT_OUT_COLUMNS = ["quote", "text", "category", "reason"]
CATEGORIES = {"page_furniture", "ordinal", "enumeration", "name", "not_a_quantity", "restated"}


def left_out(article: Article) -> pd.DataFrame:
    """The curated list of numbers deliberately left out, each located in the article."""
    rows = []
    for r in curation.read_curated(LEFT_OUT, LEFT_OUT_COLUMNS, "quote"):
        _, _, start, end = locate_within(article.text, r["quote"], r["text"], LEFT_OUT, r["_entry"])
        if r["category"] not in CATEGORIES:
            raise DataError(LEFT_OUT, r["_entry"], f"unknown category {r['category']!r}",
                            f"use one of {', '.join(sorted(CATEGORIES))}")
        rows.append({**{k: r[k] for k in LEFT_OUT_COLUMNS}, "start": start, "end": end})
    return pd.DataFrame(rows, columns=[*LEFT_OUT_COLUMNS, "start", "end"])
