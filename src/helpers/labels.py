"""English renderings of measure words and category codes, shared by tables and charts."""
from __future__ import annotations

#: The article's measure words and what each counts (see shared glossary).
UNIT_EN: dict[str, str] = {
    "条": "items", "件": "cases", "人": "people", "名": "people", "家": "units", "个": "items",
    "元": "yuan", "人次": "person-times", "起": "incidents", "次": "times", "天": "days",
    "月": "months", "年": "years", "轮": "rounds",
}

FUNNEL_STAGES: list[dict[str, str]] = [
    {"stage": "leads", "branch": "main", "parent_stage": "", "label_en": "Problem leads", "label_zh": "问题线索"},
    {"stage": "transfers", "branch": "main", "parent_stage": "leads", "label_en": "Leads transferred", "label_zh": "移交问题线索"},
    {"stage": "case_filings", "branch": "main", "parent_stage": "transfers", "label_en": "Cases filed", "label_zh": "立案"},
    {"stage": "sanctions", "branch": "main", "parent_stage": "case_filings", "label_en": "People sanctioned", "label_zh": "党政纪处分"},
    {"stage": "shuanggui", "branch": "side", "parent_stage": "case_filings", "label_en": "Placed under shuanggui", "label_zh": "采取“两规”措施"},
]

INSPECTION_TYPE_ZH: dict[str, str] = {
    "routine": "常规巡察", "special": "专项巡察", "follow_up": "“回头看”", "not_reported": "未分列",
}
