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
    assert prose.render("{funnel_transfer_rate}", "en") == f"{derived['funnel_transfer_rate']:.1f}"
    assert prose.render("{funnel_transfer_rate}", "en") == "6.8"


def test_unknown_id_is_an_error_naming_it():
    with pytest.raises(KeyError, match="no_such_figure"):
        prose.render("{no_such_figure}", "en")


def test_typed_numbers_are_found_outside_placeholders():
    assert prose.typed_numbers("Of {city_problem_leads} leads, 28 were transferred") == ["28"]
    assert prose.typed_numbers("{funnel_transfer_rate:.1f} per hundred") == []
