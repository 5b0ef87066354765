"""The accounting identities the article implies, one test each."""
from __future__ import annotations

from datetime import date

import pandas as pd


def test_2016_routine_plus_special_is_seven_units(value) -> None:
    assert value("units_2016_routine") + value("units_2016_special") == value("units_2016_total") == 7


def test_2016_named_units_match_the_counts(built) -> None:
    units = built["units_2016"]
    assert len(units) == 7
    assert (units["inspection_type"] == "routine").sum() == 2
    assert (units["inspection_type"] == "special").sum() == 5


def test_2017_rounds_sum_to_the_planned_units(value) -> None:
    assert value("plan_2017_round_1_units") + value("plan_2017_round_2_units") == 9 + 13 == 22


def test_2017_routine_plus_special_is_22_units(value) -> None:
    assert value("plan_2017_routine_units") + value("plan_2017_special_units") == 19 + 3 == 22


def test_2017_rounds_equal_types(value) -> None:
    rounds = value("plan_2017_round_1_units") + value("plan_2017_round_2_units")
    types = value("plan_2017_routine_units") + value("plan_2017_special_units")
    assert rounds == types


def test_2017_plan_has_as_many_rounds_as_it_says(built, value) -> None:
    schedule = built["schedule_2017"]
    assert (schedule["grouping"] == "round").sum() == value("plan_2017_rounds") == 2


def test_2017_follow_up_revisits_the_2016_units(value) -> None:
    assert value("plan_2017_follow_up_units") == value("units_2016_total") == 7


def test_funnel_never_grows(built) -> None:
    funnel = built["funnel"].set_index("stage")
    main = built["funnel"].query("branch == 'main'").sort_values("stage_order")["value"].tolist()
    assert main == [409, 28, 19, 8]
    assert all(later <= earlier for earlier, later in zip(main, main[1:]))
    assert funnel.loc["shuanggui", "value"] <= funnel.loc["case_filings", "value"]


def test_funnel_percentages(built) -> None:
    funnel = built["funnel"].set_index("stage")
    assert round(funnel.loc["transfers", "pct_of_previous"], 1) == 6.8
    assert round(funnel.loc["case_filings", "pct_of_previous"], 1) == 67.9
    assert round(funnel.loc["sanctions", "pct_of_previous"], 1) == 42.1
    assert round(funnel.loc["sanctions", "pct_of_first"], 1) == 2.0
    assert funnel["unit_changes"].tolist() == [False, True, False, True, True]


def test_wuli_people_add_up_to_18(value) -> None:
    assert value("wuli_town_cadres") + value("wuli_other_cadres") + value("wuli_relatives") == 11 + 3 + 4 == 18


def test_wuli_person_times_fit_the_people_and_trips(value) -> None:
    """Each of 18 people went at least once and at most on all 3 trips: 18 <= 33 <= 54."""
    people = value("wuli_town_cadres") + value("wuli_other_cadres") + value("wuli_relatives")
    assert people <= value("wuli_person_times") <= people * value("wuli_trips")


def test_yanxia_ten_recipients(value) -> None:
    assert value("yanxia_false_concentrated") + value("yanxia_deaths_concealed") == 10


def test_parts_do_not_exceed_the_city_totals(value) -> None:
    assert value("xianan_problem_leads") <= value("city_problem_leads")
    assert value("xianan_general_problems") <= value("city_general_problems")
    assert value("social_assistance_leads") <= value("city_problem_leads")
    assert value("units_2016_total") <= value("city_units_inspected")


def test_xianan_people_dealt_with_fit_the_leads(value) -> None:
    assert value("xianan_held_accountable") + value("xianan_put_on_file") <= value("xianan_problem_leads")


def test_2017_pace_against_the_five_year_scope(value) -> None:
    assert value("plan_2017_routine_units") * value("plan_span_years") >= value("plan_routine_scope_units")
    assert value("plan_2017_special_units") <= value("plan_special_scope_county_units")


def test_groups_stationed_fit_the_first_2017_round(value) -> None:
    assert value("groups_stationed") <= value("plan_2017_round_1_units")


def test_timeline_is_in_order(built) -> None:
    tl = built["timeline"].set_index("date_id")
    order = ["inspections_began", "offices_complete", "first_round_complete", "round_1_2017", "round_2_2017"]
    starts = [tl.loc[d, "start_earliest"] for d in order]
    assert starts == sorted(starts)
    assert tl.loc["round_1_2017", "end_latest"] < tl.loc["round_2_2017", "start_earliest"]
    assert tl.loc["round_1_2017", "start_latest"] < tl.loc["publication", "start_earliest"] < tl.loc["round_1_2017", "end_earliest"]


def test_schedule_intervals_keep_the_xun_precision(built) -> None:
    s = built["schedule_2017"].set_index("entry_id")
    assert (s.loc["round_1", "start_earliest"], s.loc["round_1", "start_latest"]) == (date(2017, 2, 21), date(2017, 2, 28))
    assert (s.loc["round_1", "end_earliest"], s.loc["round_1", "end_latest"]) == (date(2017, 6, 21), date(2017, 6, 30))
    assert (s.loc["round_2", "start_earliest"], s.loc["round_2", "start_latest"]) == (date(2017, 7, 1), date(2017, 7, 10))
    assert (s.loc["round_2", "end_earliest"], s.loc["round_2", "end_latest"]) == (date(2017, 12, 21), date(2017, 12, 31))
    assert (s.loc["round_1", "min_days"], s.loc["round_1", "max_days"]) == (114, 130)


def test_derived_values(built) -> None:
    d = built["derived"].set_index("derived_id")["value"]
    assert d["units_2016_sum"] == 7 and d["plan_2017_type_sum"] == d["plan_2017_round_sum"] == 22
    assert d["county_level_units_inferred"] == 27
    assert d["wuli_people_total"] == 18
    assert d["yanxia_fraud_months"] == 22
    assert round(d["yanxia_funds_per_month"]) == 1180
    assert d["plan_routine_pace_per_year"] == 18.8
    assert round(d["plan_years_to_cover_routine_scope"], 2) == 4.95
    assert round(d["leads_per_unit"], 2) == 12.03


def test_derived_formulas_only_use_known_ids_and_plain_constants(built) -> None:
    known = set(built["figures"]["figure_id"]) | set(built["derived"]["derived_id"]) | set(built["timeline"]["date_id"])
    for row in built["derived"].itertuples():
        assert set(row.inputs.split()) <= known, row.derived_id
        numbers = [t for t in row.formula.replace("(", " ").replace(")", " ").split() if t[0].isdigit()]
        assert set(numbers) <= {"100", "30"}, row.derived_id


def test_identity_table_shown_in_the_notebook_all_hold(figures) -> None:
    from helpers.text.identities import check_identities

    for language in ("en", "zh"):
        table = check_identities(figures, language)
        assert len(table) == 13 and table["holds"].all(), table.loc[~table["holds"], "identity_id"].tolist()


def test_stated_identities_are_apart_from_assumptions(figures) -> None:
    from helpers.text.identities import check_identities

    table = check_identities(figures, "en").set_index("identity_id")
    assumed = set(table.index[table["kind"] == "assumption"])
    assert assumed == {"xianan_within_city", "social_assistance_within_city", "city_units_within_total",
                       "pace_covers_scope"}
    assert all(table.loc[i, "statement"].startswith("if ") for i in assumed)
    zh = check_identities(figures, "zh").set_index("identity_id")
    assert all(zh.loc[i, "statement"].startswith("若") for i in assumed)
    assert zh.loc["units_2016", "statement"] == "2016年市级巡察常规2家 + 专项5家 = 7家"
    assert table.loc["rounds_2017", "statement"].startswith("9 + 13 units in the two rounds of 2017 = 22† = 19 routine + 3 special")


def test_identity_statements_type_no_number() -> None:
    from helpers.text import prose
    from helpers.text.identities import IDENTITIES

    for ident in IDENTITIES:
        assert prose.typed_numbers(ident.en) == prose.typed_numbers(ident.zh) == [], ident.identity_id


def test_identity_table_catches_a_broken_figure(figures) -> None:
    from helpers.text.identities import check_identities

    broken = figures.copy()
    broken.loc[broken["figure_id"] == "units_2016_special", "value"] = 6
    broken.loc[broken["figure_id"] == "wuli_relatives", "value"] = 5
    table = check_identities(broken).set_index("identity_id")
    assert not table.loc["units_2016", "holds"]
    assert not table.loc["wuli_people", "holds"]
    assert table.drop(["units_2016", "wuli_people"])["holds"].all()


def test_each_check_names_its_kind_in_the_readers_language(figures) -> None:
    """The kind of each check (kit labels kind.stated / kind.assumption) in both languages."""
    from helpers.text.identities import check_identities

    words = {"en": {"stated": "the article states", "assumption": "rests on an assumption"},
             "zh": {"stated": "原文所述", "assumption": "基于假设"}}
    for lang, kinds in words.items():
        checks = check_identities(figures, lang)
        assert set(checks["kind"]) == set(kinds)
        assert (checks["kind_label"] == checks["kind"].map(kinds)).all()
