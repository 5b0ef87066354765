"""The one language layer: every reader-facing label, in English and Chinese, read from the kit's label
file (``src/helpers/curate/labels.csv``: measure words, inspection types, date patterns, the source line,
the computed mark, the funnel chart's generic parts) and the article's (``data/articles/<slug>/curated/labels.csv``:
its stages, chart titles and texts); a key lives in one of the two, never both.
:func:`helpers.text.wording.text` resolves them for the reader.

A label is a template (see :mod:`helpers.text.prose`): ``{figure_id}`` / ``{derived_id}`` fill from
the tidy tables, other ``{name}`` from values the caller computed from them. ``[[...]]`` marks
Chinese inside an English label (a measure word, a term): kept when a CJK font can draw it,
dropped otherwise. Keys are namespaced: ``unit.条`` (measure word -> the noun it counts),
``itype.routine`` (inspection types), ``stage.leads.label`` / ``stage.leads.noun`` (funnel),
``chart.funnel.title`` (chart texts), ``source`` (the source line).

The funnel's structure is the article's (``curated/funnel_stages.csv``).
The tables take their measure-word renderings, stage and inspection-type labels from here too
(:data:`UNIT_EN`, :data:`FUNNEL_STAGES`, :data:`INSPECTION_TYPE_ZH`, computed on first use).
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path
from .curation import funnel_stages

__all__ = ["LABELS", "LANGUAGES", "PER", "load", "raw", "UNIT_EN", "FUNNEL_STAGES",
           "INSPECTION_TYPE_ZH"]

LABELS: Path = paths.CURATED / "labels.csv"
KIT_LABELS: Path = paths.KIT_LABELS
LANGUAGES = ("en", "zh")
#: "per 100" ratios: the base is a convention, not a statistic, so templates name it ``{per}``.
PER = 100

_INSPECTION_TYPES = ("routine", "special", "follow_up", "not_reported")


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Every label: key -> {"en": ..., "zh": ...}; the kit's and the article's together unless one ``path``
    is given; one clear error for a missing file, column, key, language, or a key in both files."""
    if path is None:
        kit, own = _load_file(KIT_LABELS), _load_file(LABELS)
        for key in own:
            if key in kit:
                raise DataError(LABELS, key, f"the key is also in the kit's label file {repo_path(KIT_LABELS)}",
                                "keep one row per key: delete it here to use the kit's, or rename it")
        return {**kit, **own}
    return _load_file(path)


def _load_file(path: Path) -> dict[str, dict[str, str]]:
    """The labels of one file."""
    if not Path(path).exists():
        rel = repo_path(path)
        raise DataError(path, "(file)", "the label file is missing",
                        f"restore {rel} from the repository (git checkout -- {rel})")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("key", *LANGUAGES) if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(path, "header", f"column(s) {', '.join(missing)} missing",
                            "the header must be: key,en,zh")
        out: dict[str, dict[str, str]] = {}
        for line, row in enumerate(reader, start=2):
            key = (row.get("key") or "").strip()
            if not key:
                raise DataError(path, f"line {line}", "a row without a key", "give the row a key or delete it")
            if key in out:
                raise DataError(path, key, f"the key appears twice (line {line})", "keep one row per key")
            for lang in LANGUAGES:
                if not (row.get(lang) or "").strip():
                    raise DataError(path, key, f"no {lang} text",
                                    f"write the {'English' if lang == 'en' else 'Chinese'} label in column '{lang}'")
            out[key] = {lang: row[lang] for lang in LANGUAGES}
    return out


def raw(key: str, lang: str, path: Path | None = None) -> str:
    """The template of ``key`` in ``lang`` as written in the label files (no resolution)."""
    labels = load(path)
    if key not in labels:
        raise DataError(path or LABELS, key, "no such label", f"add a row '{key}' with its en and zh text")
    return labels[key][lang]


def _unit_en() -> dict[str, str]:
    return {k.split(".", 1)[1]: v["en"] for k, v in load().items() if k.startswith("unit.")}


def _funnel_stages() -> list[dict[str, str]]:
    """The article's funnel structure (``curated/funnel_stages.csv``) with each stage's label."""
    labels = load()
    out = []
    for row in funnel_stages():
        key = f"stage.{row['stage']}.label"
        if key not in labels:
            raise DataError(LABELS, key, "no such label", f"add a row '{key}' with its en and zh text")
        out.append({"stage": row["stage"], "branch": row["branch"], "parent_stage": row["parent_stage"],
                    "label_en": labels[key]["en"], "label_zh": labels[key]["zh"]})
    return out


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
