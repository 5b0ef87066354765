"""``python -m helpers.report``: every notebook once per label language into ``reports/<lang>/`` (HTML, PDF), the
reader's reports, the annotated article pages and ``index.html`` (:mod:`.build`). Imports nothing heavy."""
from __future__ import annotations

LANGS: tuple[str, ...] = ("en", "zh")
#: The HTML ``lang`` attribute of each edition.
LANG_CODES: dict[str, str] = {"en": "en", "zh": "zh-CN"}
