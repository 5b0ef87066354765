"""figures.csv: every statistic of the body, traced to its quote, value parsed from the quote."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from helpers.base import paths
from helpers.parse.values import value_from_quote


def test_every_row_quote_is_at_its_offsets(figures: pd.DataFrame, article) -> None:
    for row in figures.itertuples():
        assert article.text[row.start:row.end] == row.quote, row.figure_id
        assert article.text.count(row.quote) == 1, row.figure_id


def test_every_value_is_parsed_from_its_quote(figures: pd.DataFrame) -> None:
    for row in figures.itertuples():
        assert value_from_quote(row.quote, row.unit, "figures.csv", row.figure_id) == row.value


def test_curation_holds_no_values() -> None:
    with paths.QUOTES.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert "value" not in header and "start" not in header


EXPECTED = json.loads((paths.ARTICLE_DIR / "expected.json").read_text(encoding="utf-8"))["figures"]


@pytest.mark.parametrize("figure_id, expected, unit", [(k, *v) for k, v in EXPECTED.items()])
def test_article_values(figures: pd.DataFrame, figure_id: str, expected: float, unit: str) -> None:
    row = figures.set_index("figure_id").loc[figure_id]
    assert (row["value"], row["unit"]) == (expected, unit)


def test_every_statistic_has_one_row(figures: pd.DataFrame) -> None:
    assert len(figures) == len(EXPECTED)
    assert figures["figure_id"].is_unique


def test_units_are_never_mixed_within_a_figure_id_family(figures: pd.DataFrame) -> None:
    """Leads are 条, transfers and filings 件, sanctions 人: the units stay attached."""
    by_role = figures.set_index("role")
    assert by_role.loc["funnel:leads", "unit"] == "条"
    assert by_role.loc["funnel:transfers", "unit"] == by_role.loc["funnel:case_filings", "unit"] == "件"
    assert by_role.loc["funnel:sanctions", "unit"] == by_role.loc["funnel:shuanggui", "unit"] == "人"
