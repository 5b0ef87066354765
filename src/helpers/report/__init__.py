"""One-command build of the project's reports: ``python -m helpers.report`` (see :mod:`.build`).

Every notebook in ``notebooks/`` runs once per label language (``en``, ``zh``) in a fresh kernel,
and ``reports/`` gets ``<lang>/<notebook>.html`` and ``.pdf``, ``<lang>/reader-report.*``,
``<lang>/article.html`` and ``index.html``. This top level imports nothing heavy.
"""
from __future__ import annotations

LANGS: tuple[str, ...] = ("en", "zh")
#: The HTML ``lang`` attribute of each edition.
LANG_CODES: dict[str, str] = {"en": "en", "zh": "zh-CN"}
