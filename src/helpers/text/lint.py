"""The checks the tests make on reader-facing text, run by the build too (before any notebook runs):
no digit typed by hand into a label or a notebook's prose (:func:`helpers.text.prose.typed_numbers`), no
language left empty in a label or a section of the notebooks, no ``say(part=...)`` of a notebook without its
section in the article's ``texts/notebooks.csv`` or the kit's ``src/helpers/curate/notebooks.csv`` (all missing ones
named in one line), and no character of the article or the kit outside the shipped font subset (the fix:
``make fonts``).

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
                            TYPED_FIX + "; put reader-facing prose in a section read by say(part=...)")
        if cell.get("cell_type") != "code" or "say(" not in source:
            continue
        for call in _say_calls(source):
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


def _asked_parts(path: Path) -> list[tuple[str, int]]:
    """The article's sections ``path`` asks for with ``say(part=...)``: (part, cell number), in order."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [(call_part.value, n) for n, cell in enumerate(cells, start=1) if cell.get("cell_type") == "code"
            for call in _say_calls("".join(cell.get("source", "")))
            for call_part in [next((kw.value for kw in call.keywords if kw.arg == "part"), None)]
            if isinstance(call_part, ast.Constant)]


def _missing_parts(notebooks: list[Path]) -> Iterator[DataError]:
    """One line for every section the notebooks ask for and the article lacks: all of them named at once."""
    from .texts import TEXTS

    asked = [(part, Path(nb).name, n) for nb in notebooks for part, n in _asked_parts(Path(nb))]
    missing = [(part, nb, n) for part, nb, n in asked if part not in _parts()]
    missing = [m for i, m in enumerate(missing) if m[0] not in {x[0] for x in missing[:i]}]
    if missing:
        part, nb, n = missing[0]
        more = f" (and {len(missing) - 1} more: {', '.join(m[0] for m in missing[1:])})" if len(missing) > 1 else ""
        yield DataError(TEXTS / "notebooks.csv", f"part {part}{more}", f"{nb} cell {n} asks for this section of the "
                        "article and it has none", f"add a row part={part} with its en and zh prose{' (and one row for each of the others)' if more else ''} "
                        f"to {repo_path(TEXTS / 'notebooks.csv')}, numbers as {{figure_id}} placeholders")


def _part_defects() -> Iterator[DataError]:
    """The sections of the notebooks: the kit's (``src/helpers/curate/notebooks.csv``) and the article's
    (``texts/notebooks.csv``), each named in its own file."""
    from .texts import TEXTS, _parts

    for path in (paths.KIT_PARTS, TEXTS / "notebooks.csv"):
        for name, pair in _parts(path).items():
            for lang, text in zip(_NAMES, pair):
                where = f"part {name}, column {lang}"
                if not text.strip():
                    yield DataError(path, where, f"the {_NAMES[lang]} text is empty",
                                    f"write the {_NAMES[lang]} prose (both languages are native; see house-style.md)")
                elif found := typed_numbers(text):
                    yield DataError(path, where, f"the number(s) {', '.join(found)} are typed by hand", TYPED_FIX)


def _font_defects() -> Iterator[DataError]:
    """Characters of the chosen article (or the kit) that the shipped font subset lacks: one line naming `make fonts`
    (charts would draw boxes, pages another font)."""
    from .fontsubset import FONT_DIR, uncovered

    if found := uncovered():
        chars = "".join(sorted(found))
        first = found[min(found)]
        yield DataError(first, f"characters {chars[:20]}{'…' if len(chars) > 20 else ''} ({len(chars)})",
                        f"not in the shipped font subset {repo_path(FONT_DIR)}/ (charts would draw boxes, pages "
                        "another font)", "run `make fonts` (it needs the system's Noto Sans CJK, "
                        "`apt-get install fonts-noto-cjk`), then build again")


def defects(notebooks: list[Path], label_file: Path | None = None) -> list[DataError]:
    """Every typed number and empty language in the labels (the kit's and the article's, or ``label_file``),
    in ``notebooks``' prose and in the article's sections of the kit's notebooks."""
    files = [Path(label_file)] if label_file is not None else [labels.KIT_LABELS, labels.LABELS]
    return [*(_font_defects() if label_file is None else ()),
            *(d for f in files for d in _label_defects(f)), *_missing_parts(notebooks),
            *(d for nb in notebooks for d in _notebook_defects(Path(nb))),
            *(_part_defects() if label_file is None else ())]


def check_text(notebooks: list[Path], label_file: Path | None = None) -> None:
    """Raise the first of :func:`defects` (the build stops before any notebook runs)."""
    if found := defects(notebooks, label_file):
        raise found[0]
