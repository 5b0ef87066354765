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
``chart.funnel.title`` (chart texts), ``chart.<name>.name`` (a chart's short name in links), ``source`` (the
source line), ``header.*`` / ``code.<column>.<code>`` / ``word.*`` / ``sep.*`` (reader tables and joins),
``page.*`` / ``left_out.*`` / ``article.source_note`` (the annotated article), ``reader.*``, ``readme.*``,
``edition`` (the reader's note, the README block, the index). The kit's Python holds no reader-facing word
(tests/test_text_store.py).

The funnel's structure is the article's (``curated/funnel_stages.csv``).
The tables take their measure-word renderings, stage and inspection-type labels from here too
(:data:`UNIT_EN`, :data:`FUNNEL_STAGES`, :data:`INSPECTION_TYPE_ZH`, computed on first use).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path, restore_fix
from .curation import funnel_stages, read_curated

__all__ = ["LABELS", "LANGUAGES", "PER", "load", "written", "raw", "source", "UNIT_EN", "FUNNEL_STAGES",
           "INSPECTION_TYPE_ZH"]

LABELS: Path = paths.CURATED / "labels.csv"
KIT_LABELS: Path = paths.KIT_LABELS
LANGUAGES = ("en", "zh")
#: "per 100" ratios: the base is a convention, not a statistic, so templates name it ``{per}``.
PER = 100

_INSPECTION_TYPES = ("routine", "special", "follow_up", "not_reported")


#: A label key: dotted lower-case names, measure words in Chinese (``unit.人次``).
_KEY = re.compile(r"[a-z][^\s,{}]*")
#: The kit's keys the tables cannot be built without (inspection types, the computed mark).
_KIT_REQUIRED = [*(f"itype.{t}" for t in _INSPECTION_TYPES), "mark.computed", "mark.computed.note"]


def _stages() -> list[str]:
    """The article's funnel stages (none while ``curated/funnel_stages.csv`` is still empty)."""
    try:
        return [row["stage"] for row in funnel_stages()]
    except DataError:
        return []  # the build reports the stage file itself, with its fix


def required_keys() -> list[str]:
    """The keys the tables cannot be built without (the article's funnel stages, inspection types, the computed mark)."""
    return [*(f"stage.{s}.{part}" for s in _stages() for part in ("label", "counted", "bar")), *_KIT_REQUIRED]


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Every label: key -> {"en": ..., "zh": ...}: the kit's and the article's together (a key in both is an
    error), or one file's when ``path`` is given; each read on first use through the curated-file reader (UTF-8
    without BOM, exactly the columns key,en,zh, unique keys, physical line numbers); one :class:`DataError` for
    a missing file, column, key, required row or language."""
    if path is None:
        kit, own = _load_file(KIT_LABELS), _own()
        for key in own:
            if key in kit:
                raise DataError(LABELS, f"key {key}", f"the key is also in the kit's label file {repo_path(KIT_LABELS)}",
                                "keep one row per key: delete it here to use the kit's, or rename it")
        out, required, where = {**kit, **own}, required_keys(), LABELS
    else:
        out, where = _load_file(Path(path)), Path(path)
        kit = Path(path).resolve() == KIT_LABELS.resolve()
        required = _KIT_REQUIRED if kit else [k for k in required_keys() if k not in _KIT_REQUIRED]
    for key in required:
        if key not in out:
            raise DataError(where, f"key {key}", "the row is missing (the tables need it)",
                            f"add the row '{key}' with its en and zh text back, or {restore_fix(where)}")
    return out


def written() -> dict[str, dict[str, str]]:
    """The labels written so far, the kit's and the article's, without asking for the required ones (what a new
    article's to-do list compares with :func:`required_keys`)."""
    return {**_load_file(KIT_LABELS), **_own()}


def _own() -> dict[str, dict[str, str]]:
    """The article's labels (none while its file, as ``helpers.new`` writes it, holds only the header)."""
    new_article = LABELS.is_file() and len(LABELS.read_bytes().splitlines()) <= 1
    return {} if new_article else _load_file(LABELS)


def _load_file(path: Path) -> dict[str, dict[str, str]]:
    """The labels of one file, checked row by row."""
    out: dict[str, dict[str, str]] = {}
    for row in read_curated(Path(path), ["key", *LANGUAGES], "key", ids=_KEY):
        for lang in LANGUAGES:
            if not row[lang].strip():
                raise DataError(path, f"{row['_entry']}, column {lang}", f"no {lang} text",
                                f"write the {'English' if lang == 'en' else 'Chinese'} label in column '{lang}'")
        out[row["key"]] = {lang: row[lang] for lang in LANGUAGES}
    return out


def source(key: str) -> Path:
    """The label file ``key`` is written in: the kit's or the article's (for messages that name it)."""
    return KIT_LABELS if key in load(KIT_LABELS) else LABELS


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
