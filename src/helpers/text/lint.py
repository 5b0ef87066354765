"""The checks the tests make on reader-facing text, run by the build too (before any notebook runs):
no digit typed by hand into a label or a notebook's prose (:func:`helpers.text.prose.typed_numbers`), no
language left empty in a label or a ``say(en=..., zh=...)`` prose cell, and no ``say(part=...)`` of a kit notebook
without its section in the article's ``texts/notebooks.csv``.

:func:`check_text` raises one :class:`~helpers.base.errors.DataError` naming the file, the entry and the fix.
"""
from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path
from ..curate import labels
from .prose import typed_numbers

__all__ = ["check_text", "defects"]

_NAMES = {"en": "English", "zh": "Chinese"}
TYPED_FIX = ("replace the digits with the {placeholder} of the figure_id or derived_id they come from "
             f"({paths.TIDY_REL}/figures.csv, derived.csv); numbers are never typed by hand")


def _label_defects(path: Path) -> Iterator[DataError]:
    from ..curate.curation import read_curated

    labels.load()  # the files' own faults first (one line each)
    if len(Path(path).read_bytes().splitlines()) <= 1:
        return  # a new article's label file: header only, the kit's labels serve
    for row in read_curated(path, ["key", *labels.LANGUAGES], "key", ids=labels._KEY):
        for lang in labels.LANGUAGES:
            if found := typed_numbers(row[lang]):
                yield DataError(path, f"{row['_entry']}, column {lang}", f"the number(s) {', '.join(found)} "
                                "are typed by hand", TYPED_FIX)


def _say_calls(source: str) -> Iterator[ast.Call]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return  # the kernel reports it with its cell
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say":
            yield node


def _parts() -> dict[str, tuple[str, str]]:
    from .texts import PARTS

    return PARTS


def _notebook_defects(path: Path) -> Iterator[DataError]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return  # an unreadable notebook fails in its own step, naming it
    for n, cell in enumerate(cells, start=1):
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown" and (found := typed_numbers(source)):
            yield DataError(path, f"cell {n} (Markdown)", f"the number(s) {', '.join(found)} are typed by hand",
                            TYPED_FIX + "; put reader-facing prose in say(en=..., zh=...)")
        if cell.get("cell_type") != "code" or "say(" not in source:
            continue
        for call in _say_calls(source):
            part = next((kw.value for kw in call.keywords if kw.arg == "part"), None)
            if isinstance(part, ast.Constant) and part.value not in _parts():
                from .texts import TEXTS

                yield DataError(TEXTS / "notebooks.csv", f"part {part.value}", f"{path.name} cell {n} asks for this "
                                "section of the article and it has none", f"add a row part={part.value} with its en and "
                                f"zh prose to {repo_path(TEXTS / 'notebooks.csv')}")
            given = {kw.arg: kw.value for kw in call.keywords if kw.arg in _NAMES}
            for lang, name in _NAMES.items():
                value = given.get(lang)
                text = value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
                where = f"cell {n}, say({lang}=...)"
                if text is not None and not text.strip():
                    yield DataError(path, where, f"the {name} text is empty",
                                    f"write the {name} prose (both languages are native; see house-style.md)")
                elif text and (found := typed_numbers(text)):
                    yield DataError(path, where, f"the number(s) {', '.join(found)} are typed by hand", TYPED_FIX)


def _part_defects() -> Iterator[DataError]:
    """The article's sections of the kit's notebooks (``texts/notebooks.csv``)."""
    from .texts import PARTS, TEXTS

    for name, pair in PARTS.items():
        for lang, text in zip(_NAMES, pair):
            where = f"part {name}, column {lang}"
            if not text.strip():
                yield DataError(TEXTS / "notebooks.csv", where, f"the {_NAMES[lang]} text is empty",
                                f"write the {_NAMES[lang]} prose (both languages are native; see house-style.md)")
            elif found := typed_numbers(text):
                yield DataError(TEXTS / "notebooks.csv", where, f"the number(s) {', '.join(found)} are typed by hand",
                                TYPED_FIX)


def defects(notebooks: list[Path], label_file: Path | None = None) -> list[DataError]:
    """Every typed number and empty language in the labels (the kit's and the article's, or ``label_file``),
    in ``notebooks``' prose and in the article's sections of the kit's notebooks."""
    files = [Path(label_file)] if label_file is not None else [labels.KIT_LABELS, labels.LABELS]
    return [*(d for f in files for d in _label_defects(f)), *(d for nb in notebooks for d in _notebook_defects(Path(nb))),
            *(_part_defects() if label_file is None else ())]


def check_text(notebooks: list[Path], label_file: Path | None = None) -> None:
    """Raise the first of :func:`defects` (the build stops before any notebook runs)."""
    if found := defects(notebooks, label_file):
        raise found[0]
