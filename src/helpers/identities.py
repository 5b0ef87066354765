"""The accounting identities the article implies, evaluated on the tidy tables for display."""
from __future__ import annotations

import pandas as pd

from .formulas import evaluate

#: (identity_id, statement in English, statement in Chinese, left formula, relation, right formula)
IDENTITIES: list[tuple[str, str, str, str, str, str]] = [
    ("units_2016", "2 routine + 5 special = 7 units in 2016", "2016年:常规2家 + 专项5家 = 7家",
     "units_2016_routine + units_2016_special", "==", "units_2016_total"),
    ("rounds_2017", "9 + 13 units in the two 2017 rounds = 22", "2017年两轮:9家 + 13家 = 22家",
     "plan_2017_round_1_units + plan_2017_round_2_units", "==", "plan_2017_routine_units + plan_2017_special_units"),
    ("types_2017", "19 routine + 3 special = 22 units planned for 2017", "2017年:常规19家 + 专项3家 = 22家",
     "plan_2017_routine_units + plan_2017_special_units", "==", "plan_2017_round_1_units + plan_2017_round_2_units"),
    ("follow_up_2017", "the 7 follow-up units are the 7 units of 2016", "“回头看”7家 = 2016年巡察7家",
     "plan_2017_follow_up_units", "==", "units_2016_total"),
    ("funnel_transfers", "transfers (件) do not exceed leads (条)", "移交(件) ≤ 问题线索(条)",
     "city_leads_transferred", "<=", "city_problem_leads"),
    ("funnel_filings", "case filings do not exceed transfers", "立案 ≤ 移交", "city_cases_filed", "<=", "city_leads_transferred"),
    ("funnel_sanctions", "people sanctioned (人) do not exceed case filings (件)", "处分(人) ≤ 立案(件)",
     "city_sanctioned", "<=", "city_cases_filed"),
    ("funnel_shuanggui", "shuanggui (人) does not exceed case filings (件)", "两规(人) ≤ 立案(件)",
     "city_shuanggui", "<=", "city_cases_filed"),
    ("wuli_people", "11 + 3 + 4 = 18 people on the Wuli town trips", "五里镇:11人 + 3人 + 4人 = 18人",
     "wuli_town_cadres + wuli_other_cadres + wuli_relatives", "==", "18"),
    ("wuli_min_person_times", "33 person-times at least the 18 people (everyone went once)", "33人次 ≥ 18人",
     "wuli_person_times", ">=", "wuli_town_cadres + wuli_other_cadres + wuli_relatives"),
    ("wuli_max_person_times", "33 person-times at most 18 people × 3 trips", "33人次 ≤ 18人 × 3起",
     "wuli_person_times", "<=", "(wuli_town_cadres + wuli_other_cadres + wuli_relatives) * wuli_trips"),
    ("xianan_within_city", "Xian'an's 52 leads are within the city's 409", "咸安区52条 ≤ 全市409条",
     "xianan_problem_leads", "<=", "city_problem_leads"),
    ("social_assistance_within_city", "the 59 social-assistance leads are within the 409", "社会救助59条 ≤ 全市409条",
     "social_assistance_leads", "<=", "city_problem_leads"),
    ("city_units_within_total", "the city's own 7 units are within the 34", "市级7家 ≤ 市县34家",
     "units_2016_total", "<=", "city_units_inspected"),
    ("pace_covers_scope", "19 a year for 5 years covers the 94-unit routine scope", "每年19家 × 5年 ≥ 94家",
     "plan_2017_routine_units * plan_span_years", ">=", "plan_routine_scope_units"),
]
_RELATIONS = {"==": lambda a, b: a == b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def check_identities(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per identity: both sides evaluated from ``figures`` and whether it holds."""
    values = dict(zip(figures["figure_id"], figures["value"]))
    rows = []
    for identity_id, text_en, text_zh, left, relation, right in IDENTITIES:
        a, b = evaluate(left, values), evaluate(right, values)
        rows.append({"identity_id": identity_id, "statement_en": text_en, "statement_zh": text_zh,
                     "left": left, "relation": relation, "right": right,
                     "left_value": a, "right_value": b, "holds": _RELATIONS[relation](a, b)})
    return pd.DataFrame(rows)
