"""Execute one notebook in a fresh kernel with its label language injected (papermill-style)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base import paths

INJECTED_TAG = "injected-parameters"


class NotebookFailed(Exception):
    """A cell raised (or the kernel died). The message names the cell and the exception."""


@dataclass
class FailedCell:
    """Where a notebook failed: cell index (1-based, in the file as saved) and its first line."""

    index: int
    first_line: str
    error: str


def inject_language(nb: Any, lang: str) -> int:
    """Insert a cell tagged ``injected-parameters`` setting ``LANGUAGE`` after the ``parameters`` cell.

    Returns the index of the injected cell. Without a ``parameters`` cell it goes first.
    """
    import nbformat

    pos = 0
    for i, cell in enumerate(nb.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            pos = i + 1
            break
    cell = nbformat.v4.new_code_cell(f"# Parameters\nLANGUAGE = {lang!r}\n")
    cell.metadata["tags"] = [INJECTED_TAG]
    cell["id"] = INJECTED_TAG
    nb.cells.insert(pos, cell)
    return pos


def kernel_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the kernel: the project's ``src/`` first on ``PYTHONPATH``, plus ``extra``."""
    env = {**os.environ, **(extra or {})}
    src = str(paths.ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return env


_KERNELS: set[str] | None = None


def kernel_name(nb: Any) -> str:
    """The notebook's kernel if it is installed here, else ``python3`` (this environment)."""
    global _KERNELS
    if _KERNELS is None:
        from jupyter_client.kernelspec import KernelSpecManager

        _KERNELS = set(KernelSpecManager().find_kernel_specs())
    name = nb.get("metadata", {}).get("kernelspec", {}).get("name", "")
    return name if name in _KERNELS else "python3"


def failed_cell(nb: Any, injected_at: int) -> FailedCell | None:
    """Find the first cell with an error output; index counted in the saved file (1-based)."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                idx = i + 1 - (1 if i > injected_at else 0)
                first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
                return FailedCell(idx, first.strip(), f"{out.get('ename', 'Error')}: {out.get('evalue', '')}")
    return None


def execute(nb_bytes: bytes, nb_path: Path, lang: str, timeout: int = 600, log: Path | None = None,
            env: dict[str, str] | None = None) -> Any:
    """Execute the notebook given as ``nb_bytes`` (read from ``nb_path``) with ``LANGUAGE = lang``.

    The working directory is the notebook's folder; the kernel's own stderr (start-up
    warnings, crashes) goes to ``log`` if given; ``env`` is added to the kernel's environment. Returns the executed notebook node,
    or raises :class:`NotebookFailed` naming the failing cell and the exception.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError, CellTimeoutError

    nb = nbformat.reads(nb_bytes.decode("utf-8"), as_version=4)
    at = inject_language(nb, lang)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=kernel_name(nb), allow_errors=False,
        resources={"metadata": {"path": str(nb_path.parent)}},
    )
    log_handle = open(log, "wb") if log else None
    try:
        if log_handle:
            client.execute(env=kernel_env(env), stderr=log_handle)
        else:
            client.execute(env=kernel_env(env))
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        cell = failed_cell(nb, at)
        if cell is None:
            last = str(err).strip().splitlines()
            raise NotebookFailed(f"{type(err).__name__}: {last[-1] if last else ''}") from None
        raise NotebookFailed(f"cell {cell.index} ({cell.first_line!r}): {cell.error}") from None
    finally:
        if log_handle:
            log_handle.close()
    return nb
