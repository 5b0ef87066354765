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

def _headers() -> dict[str, tuple[str, str]]:
    """column -> (English header, Chinese header), from the kit's labels (``header.<column>``)."""
    from ..curate import labels

    return {k.split(".", 1)[1]: (v["en"], v["zh"]) for k, v in labels.load().items() if k.startswith("header.")}


def _labels() -> dict[str, dict[str, str]]:
    from ..curate import labels

    return labels.load()


def _word(key: str, language: str) -> str:
    """A kit label (``word.yes``, ``sep.names``) in ``language``."""
    return _labels()[key]["zh" if language == "zh" else "en"]


def __getattr__(name: str):  # HEADERS: the column headers, read from the label files on first use
    if name == "HEADERS":
        return _headers()
    raise AttributeError(name)


#: Columns whose codes a reader sees through the ``code.<column>.<code>`` labels (the English edition shows the code).
_CODE_COLUMNS = {"method": "method", "status": "status", "precision": "precision", "start_precision": "precision",
                 "end_precision": "precision", "kind": "kind"}
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
        return _word("word.yes" if value else "word.no", language)
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        return format_number(float(value), language)
    if isinstance(value, (date, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    if column in _CODE_COLUMNS and f"code.{_CODE_COLUMNS[column]}.{text}" in (known := _labels()):
        return known[f"code.{_CODE_COLUMNS[column]}.{text}"][language]
    if column == "inspection_type" and f"itype.{text}" in (known := _labels()):
        return known[f"itype.{text}"][language]
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

    names = {**_headers(), **(headers or {})}
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
    """A record (field -> value) as a two-column reader's table, field names from the ``header.*`` labels."""
    lang = language == "zh"
    known = _headers()
    df = pd.DataFrame({"field": [known[k][lang] if k in known else k for k in values],
                       "value": [str(v) for v in values.values()]})
    return table(df, ["field", "value"], language, headers={"value": known["record_value"]})


def name_list(df: pd.DataFrame, language: str, name_en: str = "name_en", name_zh: str = "name_zh") -> str:
    """Names of the rows of *df* as a reader's list: "A; B" in English, "A、B" in Chinese."""
    return _word("sep.names", language).join(df[name_zh if language == "zh" else name_en])
