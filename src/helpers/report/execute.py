"""The build's execute step: one notebook in a fresh kernel with its label language injected (papermill-style)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ..base import paths
from ..base.envcheck import KEEP_FIGURES
from ..base.fileio import write_bytes_if_changed, write_text_atomic
from ..base.pdfcheck import check_glyphs
from .build import stamp

INJECTED_TAG = "injected-parameters"
#: Text in an executed notebook that shows a font was missing (the output is then a fallback).
FALLBACK_SIGNS = ("MissingCJKFontWarning", "missing from font", "findfont: Font family", "findfont: Failed")


class NotebookFailed(Exception):
    """A cell raised (or the kernel died). The message names the cell and the exception."""


def inject_language(nb: Any, lang: str) -> int:
    """Insert a cell setting ``LANGUAGE`` after the ``parameters`` cell (first without one); returns its index."""
    import nbformat

    tags = [c.get("metadata", {}).get("tags", []) for c in nb.cells]
    pos = next((i + 1 for i, t in enumerate(tags) if "parameters" in t), 0)
    cell = nbformat.v4.new_code_cell(f"# Parameters\nLANGUAGE = {lang!r}\n")
    cell.metadata["tags"], cell["id"] = [INJECTED_TAG], INJECTED_TAG
    nb.cells.insert(pos, cell)
    return pos


def execute(out: Path, lang: str, nb: Path, executed: Path, timeout: int) -> dict:
    """Run ``nb`` in ``lang`` into ``executed``, its figures saved in a folder of this run, then published in
    ``out/figures`` (a failed run changes none); returns the figures and the signs of a missing font."""
    import nbformat

    stage = out / ".build" / "stage" / f"{lang}-{nb.stem}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    try:
        done = run(nb, lang, timeout, out / ".build" / "logs" / f"{lang}-{nb.stem}.kernel.log",
                   {"XN_FIGURES_DIR": str(stage)})
        check_glyphs(done, nb)  # a chart drew boxes: fails before anything is written or published
        write_text_atomic(executed, nbformat.writes(done))
        figures = [out / "figures" / p.name for p in sorted(stage.iterdir()) if p.is_file() and p.name[0] != "."]
        keep = os.environ.get(KEEP_FIGURES) == "1"  # drawn by drifted packages: published files stay
        for fig in figures:  # the same bytes leave the published file (and its time stamp) as it is
            if not (keep and fig.is_file()):
                write_bytes_if_changed(fig, (stage / fig.name).read_bytes())
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    signs = [f"cell {i}: {s}" for i, c in enumerate(done.cells) for o in c.get("outputs", [])
             for s in FALLBACK_SIGNS if s in str(o.get("text", "")) + str(o.get("data", {}))]
    return {"outs": {str(f): stamp(f) for f in figures}, "fallback": signs}


def run(path: Path, lang: str, timeout: int, log: Path, env: dict[str, str]) -> Any:
    """The notebook at ``path`` executed with ``LANGUAGE = lang`` in its folder, the project's ``src/`` first on
    ``PYTHONPATH`` and ``env`` added; the kernel's stderr goes to ``log``. Raises :class:`NotebookFailed`
    naming the failing cell (numbered as in the saved file) and the exception."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    at = inject_language(nb, lang)
    name = nb.metadata.get("kernelspec", {}).get("name", "")  # the notebook's kernel if installed here
    kernel = name if name in KernelSpecManager().find_kernel_specs() else "python3"
    env = {"PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
           **os.environ, **env}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(paths.ROOT / "src"), env.get("PYTHONPATH")) if p)
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, resources={"metadata": {"path": str(path.parent)}})
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(log, "wb") as stderr:
            client.execute(env=env, stderr=stderr)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        for i, cell in enumerate(nb.cells):
            for out in (o for o in cell.get("outputs", []) if o.get("output_type") == "error"):
                first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
                raise NotebookFailed(f"cell {i + (i <= at)} ({first!r}): {out.get('ename', 'Error')}: "
                                     f"{out.get('evalue', '')}") from None
        last = str(err).strip().splitlines()
        raise NotebookFailed(f"{type(err).__name__}: {last[-1] if last else ''}") from None
    return nb
