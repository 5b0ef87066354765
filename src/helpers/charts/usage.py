"""Which figures each chart shows, and which notebook publishes each chart.

Kept beside the chart registry (:data:`helpers.charts.CHARTS`) so it cannot drift from it:

* :func:`figures_by_chart` reads each chart function's source (and the module-level helpers it
  calls) for the figure_ids and derived_ids it names, and adds :data:`SHOWN_VIA_TABLES`, the few
  figures a chart draws from rows of another tidy table (the funnel's stages, the 2017 rounds,
  the 2016 units counted row by row) rather than by naming them.
  The ids named by placeholders in the chart's texts (``chart.<name>.*`` in
  ``data/curated/labels.csv``) count too.
* :func:`notebooks_by_chart` reads the notebooks' code cells for ``publish(fig, "<chart>")``
  (or ``save(...)``, or the article's ``charts.SCHEDULE_CHARTS[i]`` in the kit's notebook 03), so a chart moved to another notebook moves its links with it.

Both are computed from files on disk (cheap: a parse of four modules and four notebooks).
"""
from __future__ import annotations

import ast
import inspect
import json
import re
import textwrap
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ..base import paths
from ..curate import labels
from ..text import prose
from .article import article_charts

__all__ = ["SHOWN_VIA_TABLES", "DERIVED_VIA_TABLES", "figures_by_chart", "derived_by_chart", "charts_by_figure",
           "notebooks_by_chart", "ids_named_in", "ids_in_labels"]

#: Figures a chart draws from rows of a tidy table other than ``figures`` (never named in its code), and
#: derived values it draws from rows of a tidy table: declared by the article beside its charts (its
#: charts.py's ``SHOWN_VIA_TABLES`` / ``DERIVED_VIA_TABLES``). The tests check that every chart and id exists.
_OWN = article_charts()
SHOWN_VIA_TABLES: dict[str, tuple[str, ...]] = dict(getattr(_OWN, "SHOWN_VIA_TABLES", {}))
DERIVED_VIA_TABLES: dict[str, tuple[str, ...]] = dict(getattr(_OWN, "DERIVED_VIA_TABLES", {}))

_SCHEDULE = re.compile(r"\bSCHEDULE_CHARTS\[(\d+)(:?)\]")
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PUBLISH = re.compile(r"\b(?:publish|save)\(\s*[A-Za-z_][A-Za-z0-9_]*\s*,\s*[\"']([A-Za-z0-9_-]+)[\"']")


def _function_sources(func: object) -> list[str]:
    """The source of ``func`` and of every function of its module it calls, transitively."""
    module: ModuleType | None = inspect.getmodule(func)
    seen: set[str] = set()
    sources: list[str] = []
    todo = [func]
    while todo:
        f = todo.pop()
        name = getattr(f, "__name__", "")
        if name in seen:
            continue
        seen.add(name)
        try:
            src = textwrap.dedent(inspect.getsource(f))
        except (OSError, TypeError):
            continue
        sources.append(src)
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and module is not None:
                callee = getattr(module, node.func.id, None)
                if inspect.isfunction(callee) and inspect.getmodule(callee) is module:
                    todo.append(callee)
    return sources


def ids_named_in(func: object, known: set[str]) -> set[str]:
    """The ids of ``known`` that appear as (parts of) string constants in ``func``'s code."""
    found: set[str] = set()
    for src in _function_sources(func):
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.update(t for t in _TOKEN.findall(node.value) if t in known)
    return found


@lru_cache(maxsize=1)
def _known_ids() -> tuple[frozenset[str], frozenset[str]]:
    from ..tidy.load import load_table

    return (frozenset(load_table("figures")["figure_id"].astype(str)),
            frozenset(load_table("derived")["derived_id"].astype(str)))


def ids_in_labels(chart: str, known: set[str]) -> set[str]:
    """The ids of ``known`` named by placeholders in the chart's texts (``chart.<name>.*`` labels)."""

    prefix = f"chart.{chart}."
    return {i for key, texts in labels.load().items() if key.startswith(prefix)
            for text in texts.values() for i in prose.placeholders(text) if i in known}


def _by_chart(which: int) -> dict[str, tuple[str, ...]]:
    from . import CHARTS

    known = set(_known_ids()[which])
    out: dict[str, tuple[str, ...]] = {}
    for name, (func, _tables) in CHARTS.items():
        ids = ids_named_in(func, known) | ids_in_labels(name, known)
        extra = SHOWN_VIA_TABLES if which == 0 else DERIVED_VIA_TABLES
        ids.update(i for i in extra.get(name, ()) if i in known)
        out[name] = tuple(sorted(ids))
    return out


def figures_by_chart() -> dict[str, tuple[str, ...]]:
    """Chart name (a key of ``CHARTS``) -> the figure_ids it shows, sorted."""
    return _by_chart(0)


def derived_by_chart() -> dict[str, tuple[str, ...]]:
    """Chart name -> the derived_ids its code names, sorted."""
    return _by_chart(1)


def charts_by_figure() -> dict[str, tuple[str, ...]]:
    """figure_id or derived_id -> the charts that show it, in the registry's order."""
    out: dict[str, list[str]] = {}
    for table in (figures_by_chart(), derived_by_chart()):
        for chart, ids in table.items():
            for i in ids:
                out.setdefault(i, []).append(chart)
    return {k: tuple(v) for k, v in out.items()}


def _schedule_charts(src: str) -> list[str]:
    """The charts a cell publishes through ``charts.SCHEDULE_CHARTS[i]`` or ``[i:]`` (the kit's notebook 03)."""
    names = tuple(getattr(_OWN, "SCHEDULE_CHARTS", ()))
    return [n for i, rest in _SCHEDULE.findall(src) for n in (names[int(i):] if rest else names[int(i):int(i) + 1])]


def notebooks_by_chart(notebooks_dir: Path = paths.NOTEBOOKS) -> dict[str, tuple[str, ...]]:
    """Chart name -> the notebooks (file stems) whose code publishes it, in file order (the kit's and the
    article's own notebooks unless another folder is given)."""
    out: dict[str, list[str]] = {}
    found = paths.notebooks() if Path(notebooks_dir) == paths.NOTEBOOKS else sorted(Path(notebooks_dir).glob("*.ipynb"))
    for nb in found:
        try:
            cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            src = cell.get("source", "")
            src = "".join(src) if isinstance(src, list) else src
            for chart in [*_PUBLISH.findall(src), *_schedule_charts(src)]:
                if nb.stem not in out.setdefault(chart, []):
                    out[chart].append(nb.stem)
    return {k: tuple(v) for k, v in out.items()}
