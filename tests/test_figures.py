"""figures.csv: every statistic of the body, traced to its quote, value parsed from the quote."""
from __future__ import annotations

import csv

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


@pytest.mark.parametrize("figure_id, expected, unit", [
    ("city_units_inspected", 34, "家"), ("city_general_problems", 394, "个"),
    ("city_problem_leads", 409, "条"), ("city_leads_transferred", 28, "件"), ("city_cases_filed", 19, "件"),
    ("city_shuanggui", 2, "人"), ("city_sanctioned", 8, "人"), ("city_recommendations", 295, "条"),
    ("plan_routine_scope_units", 94, "家"), ("plan_special_scope_county_units", 22, "家"),
    ("plan_special_scope_townships", 1, "家"), ("plan_span_years", 5, "年"),
    ("training_sessions", 2, "次"), ("units_2016_total", 7, "家"), ("units_2016_routine", 2, "家"),
    ("units_2016_special", 5, "家"), ("duration_routine_months", 1.5, "月"), ("duration_special_days", 20, "天"),
    ("social_assistance_leads", 59, "条"), ("plan_2017_rounds", 2, "轮"), ("plan_2017_routine_units", 19, "家"),
    ("plan_2017_special_units", 3, "家"), ("plan_2017_follow_up_units", 7, "家"),
    ("plan_2017_round_1_units", 9, "家"), ("plan_2017_round_2_units", 13, "家"), ("groups_stationed", 3, "个"),
    ("wuli_trips", 3, "起"), ("wuli_person_times", 33, "人次"), ("wuli_town_cadres", 11, "人"),
    ("wuli_other_cadres", 3, "人"), ("wuli_relatives", 4, "人"), ("xianan_general_problems", 55, "个"),
    ("xianan_problem_leads", 52, "条"), ("xianan_held_accountable", 5, "名"), ("xianan_put_on_file", 2, "名"),
    ("yanxia_false_concentrated", 5, "名"), ("yanxia_deaths_concealed", 5, "名"), ("yanxia_funds_obtained", 25969, "元"),
])
def test_article_values(figures: pd.DataFrame, figure_id: str, expected: float, unit: str) -> None:
    row = figures.set_index("figure_id").loc[figure_id]
    assert (row["value"], row["unit"]) == (expected, unit)


def test_every_statistic_has_one_row(figures: pd.DataFrame) -> None:
    assert len(figures) == 38
    assert figures["figure_id"].is_unique


def test_units_are_never_mixed_within_a_figure_id_family(figures: pd.DataFrame) -> None:
    """Leads are 条, transfers and filings 件, sanctions 人: the units stay attached."""
    by_role = figures.set_index("role")
    assert by_role.loc["funnel:leads", "unit"] == "条"
    assert by_role.loc["funnel:transfers", "unit"] == by_role.loc["funnel:case_filings", "unit"] == "件"
    assert by_role.loc["funnel:sanctions", "unit"] == by_role.loc["funnel:shuanggui", "unit"] == "人"
