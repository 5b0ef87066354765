"""The checks the article's numbers pass, split into what the article states and what rests on an assumption.

``STATED``: arithmetic the article's own numbers must satisfy (2 + 5 = 7 units in 2016; 9 + 13 = 22
= 19 + 3 in 2017; 11 + 3 + 4 = 18 people; the funnel never grows). ``ASSUMED``: relations the
analysis relies on but the article does not say (Xian'an's 52 leads among the city's 409; the
59 social-assistance leads among the 409; the city's own 7 units among the 34; 19 a year for five
years covering the 94-unit scope). Statements are templates of :mod:`helpers.text.prose`, so the
numbers shown come from the tables.
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..tidy.formulas import evaluate
from ..tidy.load import load_table
from .prose import render

__all__ = ["Identity", "IDENTITIES", "STATED", "ASSUMED", "KIND_LABELS", "check_identities"]


class Identity(NamedTuple):
    identity_id: str
    kind: str  # "stated" or "assumption"
    en: str
    zh: str
    left: str
    relation: str
    right: str


STATED: list[Identity] = [
    Identity("units_2016", "stated",
             "{units_2016_routine} routine + {units_2016_special} special = {units_2016_total} units inspected by the city in {year_last}",
             "{year_last}年市级巡察常规{units_2016_routine}家 + 专项{units_2016_special}家 = {units_2016_total}家",
             "units_2016_routine + units_2016_special", "==", "units_2016_total"),
    Identity("rounds_2017", "stated",
             "{plan_2017_round_1_units} + {plan_2017_round_2_units} units in the two rounds of {year_this} = {plan_2017_round_sum} = {plan_2017_routine_units} routine + {plan_2017_special_units} special",
             "{year_this}年两轮{plan_2017_round_1_units}家 + {plan_2017_round_2_units}家 = {plan_2017_round_sum}家 = 常规{plan_2017_routine_units}家 + 专项{plan_2017_special_units}家",
             "plan_2017_round_1_units + plan_2017_round_2_units", "==", "plan_2017_routine_units + plan_2017_special_units"),
    Identity("follow_up_2017", "stated",
             "the {plan_2017_follow_up_units} follow-up units are the {units_2016_total} units of {year_last}",
             "“回头看”{plan_2017_follow_up_units}家即{year_last}年巡察的{units_2016_total}家",
             "plan_2017_follow_up_units", "==", "units_2016_total"),
    Identity("funnel_transfers", "stated",
             "leads transferred ({city_leads_transferred}) do not exceed problem leads ({city_problem_leads})",
             "移交问题线索（{city_leads_transferred}件）不多于问题线索（{city_problem_leads}条）",
             "city_leads_transferred", "<=", "city_problem_leads"),
    Identity("funnel_filings", "stated",
             "cases filed ({city_cases_filed}) do not exceed leads transferred ({city_leads_transferred})",
             "立案（{city_cases_filed}件）不多于移交（{city_leads_transferred}件）",
             "city_cases_filed", "<=", "city_leads_transferred"),
    Identity("funnel_sanctions", "stated",
             "people sanctioned ({city_sanctioned}) do not exceed cases filed ({city_cases_filed})",
             "受党政纪处分（{city_sanctioned}人）不多于立案（{city_cases_filed}件）",
             "city_sanctioned", "<=", "city_cases_filed"),
    Identity("funnel_shuanggui", "stated",
             "people under shuanggui ({city_shuanggui}) do not exceed cases filed ({city_cases_filed})",
             "采取“两规”措施（{city_shuanggui}人）不多于立案（{city_cases_filed}件）",
             "city_shuanggui", "<=", "city_cases_filed"),
    Identity("wuli_people", "stated",
             "{wuli_town_cadres} + {wuli_other_cadres} + {wuli_relatives} = {wuli_people_total} people on the Wuli town trips",
             "五里镇{wuli_town_cadres}人 + {wuli_other_cadres}人 + {wuli_relatives}人 = {wuli_people_total}人",
             "wuli_town_cadres + wuli_other_cadres + wuli_relatives", "==", "wuli_people_total"),
    Identity("wuli_person_times", "stated",
             "{wuli_person_times} person-times lie between {wuli_people_total} people going once each and {wuli_people_total} people going on all {wuli_trips} trips",
             "{wuli_person_times}人次，介于{wuli_people_total}人各去一次与{wuli_people_total}人{wuli_trips}次全去之间",
             "wuli_person_times", "between", "(wuli_town_cadres + wuli_other_cadres + wuli_relatives) * 1 | (wuli_town_cadres + wuli_other_cadres + wuli_relatives) * wuli_trips"),
]

ASSUMED: list[Identity] = [
    Identity("city_units_within_total", "assumption",
             "if the city's own {units_2016_total} units are among the {city_units_inspected}, the counties inspected {county_level_units_inferred}",
             "若市级巡察的{units_2016_total}家包含在{city_units_inspected}家之内，则县级巡察了{county_level_units_inferred}家",
             "units_2016_total", "<=", "city_units_inspected"),
    Identity("xianan_within_city", "assumption",
             "if Xian'an's {xianan_problem_leads} leads are among the city's {city_problem_leads}, that is {xianan_share_of_city_leads} per 100 of the city's leads",
             "若咸安区的{xianan_problem_leads}条线索包含在全市{city_problem_leads}条之内，则每百条中有{xianan_share_of_city_leads}条出自咸安区",
             "xianan_problem_leads", "<=", "city_problem_leads"),
    Identity("social_assistance_within_city", "assumption",
             "if the {social_assistance_leads} social-assistance leads are among the {city_problem_leads}, that is {social_assistance_share_of_leads} per 100 of the city's leads",
             "若社会救助资金专项巡察的{social_assistance_leads}条线索包含在{city_problem_leads}条之内，则每百条中有{social_assistance_share_of_leads}条涉及社会救助资金",
             "social_assistance_leads", "<=", "city_problem_leads"),
    Identity("pace_covers_scope", "assumption",
             "if {plan_2017_routine_units} units a year are inspected for {plan_span_years} years, all different and all within the scope, they cover the {plan_routine_scope_units} routine-scope units",
             "若每年常规巡察{plan_2017_routine_units}家、连续{plan_span_years}年且不重复，则可覆盖常规巡察范围内的{plan_routine_scope_units}家",
             "plan_2017_routine_units * plan_span_years", ">=", "plan_routine_scope_units"),
]

IDENTITIES: list[Identity] = STATED + ASSUMED

KIND_LABELS = {"stated": ("the article states", "原文所述"), "assumption": ("rests on an assumption", "基于假设")}

_RELATIONS = {"==": lambda a, b: a == b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def _holds(identity: Identity, values: dict[str, float]) -> tuple[float, float, bool]:
    left = evaluate(identity.left, values)
    if identity.relation == "between":
        low, high = (evaluate(part.strip(), values) for part in identity.right.split("|"))
        return left, high, low <= left <= high
    right = evaluate(identity.right, values)
    return left, right, _RELATIONS[identity.relation](left, right)


def check_identities(figures: pd.DataFrame, language: str = "en", derived: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per check: its kind, its statement rendered in *language*, both sides, and whether it holds.

    Values come from ``figures`` (and ``derived``, default the tidy table), so a broken figure shows.
    """

    if derived is None:
        derived = load_table("derived")
    values = {**dict(zip(derived["derived_id"], derived["value"])), **dict(zip(figures["figure_id"], figures["value"]))}
    rows = []
    for ident in IDENTITIES:
        left, right, holds = _holds(ident, values)
        template = ident.zh if language == "zh" else ident.en
        rows.append({"identity_id": ident.identity_id, "kind": ident.kind,
                     "kind_label": KIND_LABELS[ident.kind][language == "zh"],
                     "statement": render(template, language, values),
                     "left": ident.left, "relation": ident.relation, "right": ident.right,
                     "left_value": left, "right_value": right, "holds": bool(holds)})
    return pd.DataFrame(rows)
