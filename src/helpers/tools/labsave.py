"""Keep ``git status`` clean when JupyterLab saves a notebook that was only run, not edited.

The notebooks are committed without outputs: ``make setup`` installs nbstripout as the git
filter ``nbstripout`` (``.gitattributes``), so ``git diff`` ignores outputs and what a kernel
writes on run. But a saved notebook with outputs has a new size, and git reports a file whose
size changed as modified without running the filter ("M" in ``git status`` while ``git diff``
is empty). :func:`refresh_git_index`, run by ``make lab`` as the server's post-save hook
(``FileContentsManager.post_save_hook``), asks git for the filtered content of the saved file:
when it equals what the index holds, it refreshes that one index entry (the content staged does
not change); when the notebook was really edited, it does nothing. Outputs stay in the file.
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _git(cwd: Path, *args: str) -> str | None:
    """Output of ``git args`` in ``cwd`` (stripped), or ``None`` when git fails or is missing."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def unchanged_in_git(path: Path) -> bool:
    """True when ``path`` is tracked and its filtered content equals the index entry."""
    path = Path(path).resolve()
    cwd = path.parent
    staged = _git(cwd, "ls-files", "--stage", "--", path.name)
    if not staged:
        return False
    blob = staged.split()[1]
    now = _git(cwd, "hash-object", "--path", path.name, "--", path.name)
    return now == blob


def refresh_git_index(model: dict[str, Any] | None = None, os_path: str = "", contents_manager: Any = None,
                      **_: Any) -> bool:
    """Post-save hook: refresh the index entry of a saved notebook whose filtered content is unchanged.

    Returns True when the entry was refreshed. Never raises: a failing hook must not look like a
    failed save.
    """
    try:
        path = Path(os_path)
        if path.suffix != ".ipynb" or (model and model.get("type") not in (None, "notebook")):
            return False
        if not unchanged_in_git(path):
            return False
        return _git(path.resolve().parent, "update-index", "-q", "--", path.name) is not None
    except Exception as err:  # pragma: no cover - defensive: saving must go on
        log.warning("post-save git refresh skipped for %s: %s", os_path, err)
        return False
