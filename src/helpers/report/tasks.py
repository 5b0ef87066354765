"""Work units run in the worker pool: build one notebook (or one reader's report) for one language.

Each function takes plain data and returns a :class:`TaskOutcome` so it runs equally in a
thread or in another process. Every file is written beside its target and renamed into place.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fileio import write_text_atomic

STAGES = ("execute", "html", "pdf")
FIGURE = "figure:"  # prefix of the manifest's output records of the figures a notebook saved
#: Text in an executed notebook or a page that shows a font was missing (the output is then a fallback).
FALLBACK_SIGNS = ("MissingCJKFontWarning", "missing from font", "findfont: Font family", "findfont: Failed")


def layout(out_dir: Path, lang: str, name: str) -> dict[str, Path]:
    """Output paths of notebook ``name`` in ``lang``: executed notebook, HTML, PDF."""
    return {
        "executed": out_dir / ".build" / "executed" / lang / f"{name}.ipynb",
        "html": out_dir / lang / f"{name}.html",
        "pdf": out_dir / lang / f"{name}.pdf",
    }


@dataclass
class NotebookTask:
    """Build ``stages`` of one notebook in one language."""

    key: str
    name: str
    lang: str
    nb_path: Path
    out_dir: Path
    stages: tuple[str, ...]
    nb_bytes: bytes = b""
    chrome: str | None = None
    timeout: int = 600


@dataclass
class ReaderTask:
    """Build the reader's report of ``lang`` from the executed notebooks ``sources``."""

    key: str
    lang: str
    sources: list[Path]
    out_dir: Path
    stages: tuple[str, ...]
    chrome: str | None = None


@dataclass
class TaskOutcome:
    """What a task did: per-stage seconds, output records, and the error if it failed."""

    key: str
    ok: bool = True
    failed_stage: str | None = None
    error: str | None = None
    times: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    fallback: list[str] = field(default_factory=list)  # what was drawn without the project's fonts


def _record(out_dir: Path, path: Path) -> dict[str, Any]:
    from .manifest import record

    return record(out_dir, path)


def _html_and_pdf(outcome: TaskOutcome, nb: Any, title: str, reader: bool, paths: dict[str, Path],
                  out_dir: Path, stages: tuple[str, ...], chrome: str | None) -> None:
    from .export_html import to_html

    if "html" in stages:
        t = time.perf_counter()
        outcome.failed_stage = "html"
        html = to_html(nb, title, reader=reader, font_dir=out_dir / ".build" / "fonts")
        if "id=\"report-cjk\"" not in html and any(ord(c) >= 0x2E80 for c in html):
            outcome.fallback.append("html: Chinese text without the embedded font")
        write_text_atomic(paths["html"], html)
        outcome.outputs["html"] = _record(out_dir, paths["html"])
        outcome.times["html"] = time.perf_counter() - t
    if "pdf" in stages:
        from .pdf import print_pdf

        t = time.perf_counter()
        outcome.failed_stage = "pdf"
        assert chrome, "pdf stage needs a browser"
        print_pdf(chrome, paths["html"], paths["pdf"], profile_root=out_dir / ".build" / "chrome")
        outcome.outputs["pdf"] = _record(out_dir, paths["pdf"])
        outcome.times["pdf"] = time.perf_counter() - t
    outcome.failed_stage = None


def _fallback_signs(nb: Any) -> list[str]:
    """Outputs of ``nb`` showing that a font was missing while it ran."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = str(out.get("text", "")) + "".join(str(v) for k, v in out.get("data", {}).items()
                                                     if k.startswith("text/"))
            found += [f"cell {i}: {sign}" for sign in FALLBACK_SIGNS if sign in text]
    return found


def _publish_figures(staging: Path, out_dir: Path) -> dict[str, dict[str, str]]:
    """Move the figures a notebook saved into ``<out>/figures/`` (each by an atomic rename), leaving
    a published figure that already holds the same bytes untouched."""
    records = {}
    target = out_dir / "figures"
    for path in sorted(staging.iterdir()) if staging.is_dir() else []:
        if path.is_file() and not path.name.startswith("."):
            target.mkdir(parents=True, exist_ok=True)
            dest = target / path.name
            if dest.is_file() and dest.read_bytes() == path.read_bytes():
                path.unlink()  # same bytes: the published file (and its time stamp) stays as it is
            else:
                os.replace(path, dest)
            records[FIGURE + path.name] = _record(out_dir, target / path.name)
    return records


def run_notebook(task: NotebookTask) -> TaskOutcome:
    """Execute (if asked) and export one notebook; never raises, reports in the outcome."""
    import nbformat

    from .execute import NotebookFailed, execute

    outcome = TaskOutcome(task.key)
    paths = layout(task.out_dir, task.lang, task.name)
    try:
        if "execute" in task.stages:
            t = time.perf_counter()
            outcome.failed_stage = "execute"
            log = task.out_dir / ".build" / "logs" / f"{task.lang}-{task.name}.kernel.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            # figures go to a folder of this run first: a failed run changes no published figure
            staging = task.out_dir / ".build" / "stage" / f"{task.lang}-{task.name}"
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            try:
                nb = execute(task.nb_bytes, task.nb_path, task.lang, task.timeout, log,
                             env={"XN_FIGURES_DIR": str(staging)})
                outcome.fallback += _fallback_signs(nb)
                write_text_atomic(paths["executed"], nbformat.writes(nb))
                outcome.outputs.update(_publish_figures(staging, task.out_dir))
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            outcome.outputs["executed"] = _record(task.out_dir, paths["executed"])
            outcome.times["executed"] = time.perf_counter() - t
        else:
            nb = nbformat.read(paths["executed"], as_version=4)
        _html_and_pdf(outcome, nb, task.name, False, paths, task.out_dir, task.stages, task.chrome)
    except NotebookFailed as err:
        outcome.ok, outcome.error = False, str(err)
    except Exception as err:  # noqa: BLE001 - reported to the user, build goes on
        outcome.ok, outcome.error = False, f"{type(err).__name__}: {err}"
    return outcome


def reader_layout(out_dir: Path, lang: str) -> dict[str, Path]:
    """Output paths of the reader's report in ``lang``."""
    return {"html": out_dir / lang / "reader-report.html", "pdf": out_dir / lang / "reader-report.pdf"}


def run_reader(task: ReaderTask) -> TaskOutcome:
    """Export the reader's report of one language; never raises."""
    import nbformat

    from .reader import merge_for_reader, reader_title

    outcome = TaskOutcome(task.key)
    try:
        t = time.perf_counter()
        nbs = [nbformat.read(p, as_version=4) for p in task.sources]
        merged = merge_for_reader(nbs, task.lang, task.out_dir / "figures")
        outcome.times["merge"] = time.perf_counter() - t
        _html_and_pdf(outcome, merged, reader_title(task.lang), True, reader_layout(task.out_dir, task.lang),
                      task.out_dir, task.stages, task.chrome)
    except Exception as err:  # noqa: BLE001
        outcome.ok, outcome.error = False, f"{type(err).__name__}: {err}"
    return outcome


def run(task: NotebookTask | ReaderTask) -> TaskOutcome:
    """Dispatch ``task`` (the pool's single entry point)."""
    return run_notebook(task) if isinstance(task, NotebookTask) else run_reader(task)
