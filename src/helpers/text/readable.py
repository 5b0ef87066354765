"""Tables shown to readers: headers in the reader's language, numbers by the project's rounding rule.

``table(df, ["label", "value", "unit", "quote"], language)`` returns HTML with no index, no NaN,
no True/False: missing cells print as a dash, booleans as yes/no (是/否), numbers through
:func:`helpers.text.prose.format_number`. ``label`` picks ``label_en`` or ``label_zh`` (the long label);
``short`` picks ``short_en`` or ``short_zh``, the short label for a table that also shows the quote.
"""
from __future__ import annotations

import html
import math
from datetime import date

import pandas as pd

from .prose import computed_mark, format_number

__all__ = ["HEADERS", "table", "fields", "name_list", "unit_text"]

#: column -> (English header, Chinese header)
HEADERS: dict[str, tuple[str, str]] = {
    "label": ("What is counted", "统计项"),
    "short": ("What is counted", "统计项"),
    "value": ("Number", "数值"),
    "unit": ("Measure word", "量词"),
    "unit_en": ("Counts", "计数对象"),
    "quote": ("The article's words", "原文"),
    "stage": ("Stage", "环节"),
    "pct_of_previous": ("Per 100 of the stage before", "与上一环节之比（每百）"),
    "pct_of_first": ("Per 100 leads", "每百条线索"),
    "unit_changes": ("Measure word changes", "量词改变"),
    "formula": ("How it is computed", "计算公式"),
    "note": ("Note", "说明"),
    "name_zh": ("Unit (as in the article)", "单位（原文）"),
    "name_en": ("Unit (English)", "单位（英文）"),
    "inspection_type": ("Inspection", "巡察类型"),
    "units": ("Units", "家数"),
    "start": ("Start", "开始"),
    "end": ("End", "结束"),
    "min_days": ("Shortest (days)", "最短（天）"),
    "max_days": ("Longest (days)", "最长（天）"),
    "expression": ("The article's date", "原文日期"),
    "start_earliest": ("Earliest start", "最早开始"),
    "start_latest": ("Latest start", "最晚开始"),
    "end_earliest": ("Earliest end", "最早结束"),
    "end_latest": ("Latest end", "最晚结束"),
    "statement": ("Statement", "表述"),
    "kind": ("Kind", "类别"),
    "holds": ("Holds", "成立"),
    "method": ("Method", "方法"),
    "status": ("Status", "核查结果"),
    "covered_by": ("Where", "收入位置"),
    # The audit's own column names (notebook 01 keeps them in English; Chinese headers in the Chinese edition)
    "figure_id": ("figure_id", "编号"), "unit_id": ("unit_id", "编号"), "date_id": ("date_id", "编号"),
    "entry_id": ("entry_id", "编号"), "derived_id": ("derived_id", "编号"), "grouping": ("grouping", "分组"),
    "precision": ("precision", "精度"), "start_precision": ("start_precision", "精度"),
    "left_value": ("left_value", "左边"), "relation": ("relation", "关系"), "right_value": ("right_value", "右边"),
    "text": ("text", "原文数字"),
    # The archived article's metadata (notebook 01)
    "field": ("Field", "项目"), "outlet": ("Outlet", "发布网站"), "title": ("Title", "标题"),
    "published": ("Published", "发布时间"), "byline": ("Byline", "署名"), "editor": ("Editor", "编辑"),
    "sha256": ("SHA-256 checksum", "SHA-256校验和"), "characters": ("Characters", "字数（字符）"),
}
#: Codes of the tables shown in Chinese in the Chinese edition (the English edition shows the code).
_CODES_ZH = {"method": {"ratio": "比率", "sum": "合计", "inference": "推断", "interval": "区间"},
             "status": {"in_tables": "已收入数据表", "left_out": "有意未收入", "unexplained": "未说明"},
             **{col: {"day": "日", "xun": "旬", "month": "月", "year": "年"} for col in ("precision", "start_precision", "end_precision")}}

_TYPES = {"routine": ("routine", "常规巡察"), "special": ("special", "专项巡察"),
          "follow_up": ("follow-up (回头看)", "“回头看”"), "not_reported": ("not broken down", "未分列")}
#: Measure words of time: English gives the noun alone ("months"), the others keep the measure word ("items (条)").
_TIME_UNITS = {"天", "月", "年", "个半月"}
#: Chinese durations take 个 before 月 (22个月, 1.5个月), as house style asks.
_UNITS_ZH = {"月": "个月", "个半月": "个月"}


def unit_text(unit: str, language: str) -> str:
    """A unit as a reader sees it: English from labels.csv (``unit.*``), e.g. "items (件)",
    "problems per unit", "months"; Chinese as written, a duration with 个 (个月)."""
    from ..curate import labels

    if language == "zh":
        return _UNITS_ZH.get(unit, unit)
    table = labels.load()
    key = f"unit.{'月' if unit == '个半月' else unit}"
    if key not in table:
        return unit
    en = table[key]["en"]
    simple = "/" not in unit and unit not in _TIME_UNITS and unit not in {"倍", "%"}
    return f"{en} ({unit})" if simple else en


def _cell(value: object, column: str, language: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "—"
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return ("是" if value else "否") if language == "zh" else ("yes" if value else "no")
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        return format_number(float(value), language)
    if isinstance(value, (date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    if language == "zh" and text in _CODES_ZH.get(column, {}):
        return _CODES_ZH[column][text]
    if column == "inspection_type" and text in _TYPES:
        return _TYPES[text][language == "zh"]
    if column == "unit":
        return unit_text(text, language)
    return text


#: Columns of the tidy tables whose every value is computed (a rate per 100), never read from the article.
COMPUTED_COLUMNS = frozenset({"pct_of_previous", "pct_of_first"})

#: A cell this short (a number, a measure word, a code) never wraps: "1151" and "人次" stay whole.
_NOWRAP_CHARS = 6


def _fitted(text: str, tag: str = "td") -> str:
    """One escaped table cell: short text kept on one line; a long id or formula may break after ``_``
    or ``/`` (``<wbr>``) and at spaces, never inside a number."""
    if len(text) <= _NOWRAP_CHARS:
        return f'<{tag} style="text-align:left;white-space:nowrap">{html.escape(text)}</{tag}>'
    breakable = "".join(html.escape(ch) + ("<wbr>" if ch in "_/" else "") for ch in text)
    return f'<{tag} style="text-align:left">{breakable}</{tag}>'


def table(df: pd.DataFrame, columns: list[str], language: str, headers: dict[str, tuple[str, str]] | None = None):
    """*df*'s *columns* as a reader's HTML table in *language* (an ``IPython.display.HTML``)."""
    from IPython.display import HTML

    names = {**HEADERS, **(headers or {})}
    rows = []
    for _, row in df.iterrows():
        cells = []
        for col in columns:
            src = f"{col}_{language}" if col in ("label", "short") else col
            cell = _cell(row[src], col, language)
            computed = col in COMPUTED_COLUMNS or (col == "value" and "derived_id" in df.columns)
            if computed and cell != "—":  # a computed value: the mark
                cell += computed_mark(language)
            cells.append(_fitted(cell))
        rows.append(cells)
    head = "".join(_fitted(names[c][language == "zh"] if c in names else c, "th") for c in columns)
    body = "".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    return HTML(f'<table class="reader-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def fields(values: dict[str, object], language: str):
    """A record (field -> value) as a two-column reader's table, field names from :data:`HEADERS`."""
    lang = language == "zh"
    df = pd.DataFrame({"field": [HEADERS[k][lang] if k in HEADERS else k for k in values],
                       "value": [str(v) for v in values.values()]})
    return table(df, ["field", "value"], language, headers={"value": ("Value", "内容")})


def name_list(df: pd.DataFrame, language: str, name_en: str = "name_en", name_zh: str = "name_zh") -> str:
    """Names of the rows of *df* as a reader's list: "A; B" in English, "A、B" in Chinese."""
    return "、".join(df[name_zh]) if language == "zh" else "; ".join(df[name_en])
