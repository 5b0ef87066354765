"""The one language layer: every reader-facing label, in English and Chinese, read from
``data/curated/labels.csv``; :func:`helpers.text.wording.text` resolves them for the reader.

A label is a template (see :mod:`helpers.text.prose`): ``{figure_id}`` / ``{derived_id}`` fill from
the tidy tables, other ``{name}`` from values the caller computed from them. ``[[...]]`` marks
Chinese inside an English label (a measure word, a term): kept when a CJK font can draw it,
dropped otherwise. Keys are namespaced: ``unit.条`` (measure word -> the noun it counts),
``itype.routine`` (inspection types), ``stage.leads.label`` / ``stage.leads.noun`` (funnel),
``chart.funnel.title`` (chart texts), ``source`` (the source line).

The tables take their measure-word renderings, stage and inspection-type labels from here too
(:data:`UNIT_EN`, :data:`FUNNEL_STAGES`, :data:`INSPECTION_TYPE_ZH`, computed on first use).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, restore_fix

__all__ = ["LABELS", "LANGUAGES", "PER", "load", "raw", "UNIT_EN", "FUNNEL_STAGES",
           "INSPECTION_TYPE_ZH"]

LABELS: Path = paths.CURATED / "labels.csv"
LANGUAGES = ("en", "zh")
#: "per 100" ratios: the base is a convention, not a statistic, so templates name it ``{per}``.
PER = 100

#: The funnel's structure (the labels come from labels.csv: ``stage.<stage>.label|noun``).
_STAGES = [("leads", "main", ""), ("transfers", "main", "leads"), ("case_filings", "main", "transfers"),
           ("sanctions", "main", "case_filings"), ("shuanggui", "side", "case_filings")]
_INSPECTION_TYPES = ("routine", "special", "follow_up", "not_reported")


#: A label key: dotted lower-case names, measure words in Chinese (``unit.人次``).
_KEY = re.compile(r"[a-z][^\s,{}]*")


def required_keys() -> list[str]:
    """The keys the tables cannot be built without (funnel stages, inspection types, the computed mark)."""
    return [*(f"stage.{s}.{part}" for s, _, _ in _STAGES for part in ("label", "counted", "bar")),
            *(f"itype.{t}" for t in _INSPECTION_TYPES), "mark.computed", "mark.computed.note"]


@lru_cache(maxsize=4)
def load(path: Path = LABELS) -> dict[str, dict[str, str]]:
    """Every label: key -> {"en": ..., "zh": ...}, read on first use through the curated-file reader
    (UTF-8 without BOM, exactly the columns key,en,zh, unique keys, physical line numbers); one
    :class:`DataError` for a missing file, column, key, required row or language."""
    from .curation import read_curated

    out: dict[str, dict[str, str]] = {}
    for row in read_curated(Path(path), ["key", *LANGUAGES], "key", ids=_KEY):
        for lang in LANGUAGES:
            if not row[lang].strip():
                raise DataError(path, f"{row['_entry']}, column {lang}", f"no {lang} text",
                                f"write the {'English' if lang == 'en' else 'Chinese'} label in column '{lang}'")
        out[row["key"]] = {lang: row[lang] for lang in LANGUAGES}
    for key in required_keys():
        if key not in out:
            raise DataError(path, f"key {key}", "the row is missing (the tables need it)",
                            f"add the row '{key}' with its en and zh text back, or {restore_fix(path)}")
    return out


def raw(key: str, lang: str, path: Path = LABELS) -> str:
    """The template of ``key`` in ``lang`` as written in the label file (no resolution)."""
    labels = load(path)
    if key not in labels:
        raise DataError(path, key, "no such label", f"add a row '{key}' with its en and zh text")
    return labels[key][lang]


def _unit_en() -> dict[str, str]:
    return {k.split(".", 1)[1]: v["en"] for k, v in load().items() if k.startswith("unit.")}


def _funnel_stages() -> list[dict[str, str]]:
    labels = load()
    return [{"stage": s, "branch": b, "parent_stage": p,
             "label_en": labels[f"stage.{s}.label"]["en"], "label_zh": labels[f"stage.{s}.label"]["zh"]}
            for s, b, p in _STAGES]


def _inspection_type_zh() -> dict[str, str]:
    return {t: load()[f"itype.{t}"]["zh"] for t in _INSPECTION_TYPES}


def __getattr__(name: str):  # the tables' view of the labels, read on first use
    if name == "UNIT_EN":
        return _unit_en()
    if name == "FUNNEL_STAGES":
        return _funnel_stages()
    if name == "INSPECTION_TYPE_ZH":
        return _inspection_type_zh()
    raise AttributeError(name)
