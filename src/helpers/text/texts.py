"""Reader-facing templates outside the notebooks: the reader's note and the README's findings, read from the
chosen article's text store ``data/articles/<slug>/texts/``.

``headline.{en,zh}.md`` (one line), ``findings.{en,zh}.md`` (the README's "Main findings" and the note's),
``reader.{en,zh}.md`` (the note), ``glossary.csv`` (``term``, ``en``, ``zh``), ``notebooks.csv`` (``part``, ``en``,
``zh``: the article's sections of the kit's notebooks, which call them ``say(part="01.funnel")``; a section the
article lacks is read from the kit's ``src/helpers/curate/notebooks.csv``, so an article may override a kit section). Each template is Markdown whose
every number is a placeholder of :func:`helpers.text.prose.render` (figures, derived values, dates from
:mod:`helpers.text.facts`); a test checks that none holds a typed digit. ``![caption](figure:NAME)`` marks where
a chart goes. Extra values the note passes: ``rounding_rule`` and the assembled parts
(``{findings}``, ``{stated}``, ``{assumed}``, ``{glossary}``). The files are read byte for byte (no trimming).
"""
from __future__ import annotations

import csv
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path

__all__ = ["READER", "GLOSSARY", "FINDINGS", "TEXTS", "PARTS", "part", "sections"]

#: the chosen article's text store
TEXTS: Path = paths.ARTICLE_DIR / "texts"
_LANGS = ("en", "zh")


def _read(name: str) -> str:
    path = TEXTS / name
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return ""  # an article without a reader's note yet: the build says so where it needs one
    except UnicodeDecodeError as err:
        raise DataError(path, f"byte {err.start}", "the file is not UTF-8", f"save {repo_path(path)} as UTF-8") from None


def _glossary(path: Path = TEXTS / "glossary.csv") -> list[tuple[str, str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [(row["term"], row["en"], row["zh"]) for row in csv.DictReader(fh)]


#: The README's "Main findings", both languages (the README shows the charts beside them).
FINDINGS: dict[str, str] = {lang: _read(f"findings.{lang}.md") for lang in _LANGS}

#: term -> (English explanation, Chinese explanation)
GLOSSARY: list[tuple[str, str, str]] = _glossary()

#: The reader's note, both languages, and its headline.
READER: dict = {**{lang: _read(f"reader.{lang}.md") for lang in _LANGS},
                "headline": {lang: _read(f"headline.{lang}.md") for lang in _LANGS}}


def _parts(path: Path = TEXTS / "notebooks.csv") -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["part"]: (row["en"], row["zh"]) for row in csv.DictReader(fh)}


def sections(kit: Path = paths.KIT_PARTS, article: Path = TEXTS / "notebooks.csv") -> dict[str, tuple[str, str]]:
    """part -> (en, zh) of the notebooks: the kit's sections, each overridden by the article's of the same name."""
    return {**_parts(kit), **_parts(article)}


#: part -> (English template, Chinese template): the sections of the notebooks, the article's over the kit's
PARTS: dict[str, tuple[str, str]] = sections()


def part(name: str, language: str) -> str:
    """The template ``name`` of the notebooks in *language* (the article's ``texts/notebooks.csv``, else the kit's)."""
    if name not in PARTS:
        path = TEXTS / "notebooks.csv"
        raise DataError(path, f"part {name}", "the kit's notebook asks for this section and the article has none",
                        f"add a row part={name} with its en and zh prose to {repo_path(path)}")
    return PARTS[name][1 if language == "zh" else 0]
