"""One-command build of the project's reports (issue 4).

``python -m helpers.report`` executes every notebook in ``notebooks/`` once per label
language (``en``, ``zh``) in fresh kernels, in parallel, and writes into ``reports/``:

* ``<lang>/<notebook>.html`` and ``.pdf`` (code shown, JupyterLab's "Export as HTML" look);
* ``<lang>/reader-report.html`` and ``.pdf`` (all notebooks strung together, no code);
* ``index.html`` linking everything, with the build date and the article's sha256;
* ``.build/manifest.json`` (content hashes) and ``.build/executed/<lang>/*.ipynb``.

Only what changed is rebuilt. The Python API is :func:`build` (see :mod:`.build`).
This package's top level imports nothing heavy, so the no-change path stays fast.
"""
from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs the no-change rebuild time
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from .build import BuildResult, NotebookResult, build

__all__ = ["build", "BuildResult", "NotebookResult", "LANGS", "LANG_CODES"]

LANGS: tuple[str, ...] = ("en", "zh")
#: The HTML ``lang`` attribute of each edition.
LANG_CODES: dict[str, str] = {"en": "en", "zh": "zh-CN"}


def __getattr__(name: str) -> Any:
    """Load :mod:`.build` only when its names are asked for."""
    if name in {"build", "BuildResult", "NotebookResult"}:
        from . import build as _build

        return getattr(_build, name)
    raise AttributeError(name)
