"""The binding of reader-facing numbers to the tidy tables (helpers.text.prose)."""
from __future__ import annotations

import pytest

from helpers.text import prose
from helpers.tidy.load import load_table


def test_render_takes_values_from_the_tables():
    figures = load_table("figures").set_index("figure_id")["value"]
    leads = int(figures["city_problem_leads"])
    assert prose.render("{city_problem_leads} leads", "en") == f"{leads:,} leads"


def test_thousands_separator_in_english_only():
    assert prose.render("{yanxia_funds_obtained}", "en") == "25,969"
    assert prose.render("{yanxia_funds_obtained}", "zh") == "25969"


def test_rates_round_to_one_decimal():
    derived = load_table("derived").set_index("derived_id")["value"]
    mark = prose.computed_mark("en")
    assert prose.render("{funnel_transfer_rate}", "en") == f"{derived['funnel_transfer_rate']:.1f}{mark}"
    assert prose.render("{funnel_transfer_rate}", "en") == "6.8" + mark


def test_halves_round_up():
    """45 days / 20 days = 2.25: a reader rounding by hand writes 2.3 (Python's format gives 2.2)."""
    derived = load_table("derived").set_index("derived_id")["value"]
    assert derived["duration_routine_to_special_ratio"] == 2.25  # the article's 1.5 months x 30 / 20 days
    assert prose.format_number(2.25, "en") == "2.3"
    assert prose.format_number(0.05, "en") == "0.1"
    assert prose.format_number(1180.5, "en", ",.0f") == "1,181"
    assert prose.render("{duration_routine_to_special_ratio}", "zh") == "2.3" + prose.computed_mark("zh")
    assert "halves up" in prose.rounding_rule("en") and "四舍五入" in prose.rounding_rule("zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_computed_numbers_carry_the_one_mark(lang):
    """Every derived value renders with the mark of labels.csv; a figure the article states does not."""
    from helpers.curate import labels

    mark = labels.load()["mark.computed"][lang]
    assert mark and mark == labels.load()["mark.computed"]["en"]  # one mark, both editions
    assert prose.computed_note(lang).startswith(mark)
    for did in load_table("derived")["derived_id"]:
        assert prose.render("{" + did + "}", lang).endswith(mark), did
    for fid in load_table("figures")["figure_id"]:
        assert mark not in prose.render("{" + fid + "}", lang), fid
    assert prose.render("{n}", lang, {"n": prose.Computed(3)}) == "3" + mark
    assert prose.render("{round_1_min_days}", lang).endswith(mark)  # a span of days from the dates


def test_unknown_id_is_an_error_naming_it():
    with pytest.raises(KeyError, match="no_such_figure"):
        prose.render("{no_such_figure}", "en")


def test_typed_numbers_are_found_outside_placeholders():
    assert prose.typed_numbers("Of {city_problem_leads} leads, 28 were transferred") == ["28"]
    assert prose.typed_numbers("{funnel_transfer_rate:.1f} per hundred") == []
