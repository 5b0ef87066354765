"""The project's PDF as an nbconvert exporter, for JupyterLab's export menu.

Registered in ``pyproject.toml`` (entry-point group ``nbconvert.exporters``) under the names
``Report_PDF`` and ``Report_HTML``, so JupyterLab lists them in File > Save and Export Notebook As
(Lab shows an exporter's name, which must be a URL word: letters, digits, ``_``) and
``jupyter nbconvert --to Report_PDF`` works too. ``Report_HTML`` is the page itself: prose-cell
sources hidden, no CDN script, the CJK font embedded; Lab asks nothing for it (its "Sanitize HTML
output" question is for the stock ``html`` exporter only), and sanitized (``--Report_HTML...``
``sanitize_html=True``) it still shows headings, paragraphs and tables (:func:`.export_html.clean_html`). It renders the notebook
as saved, outputs included, with the report's HTML export (JupyterLab's look, the CJK font
embedded, no CDN scripts: :func:`.export_html.to_html`) and prints that page with the system
Chromium (:func:`.pdf.print_pdf`), like ``make report`` does. The HTML and PDF are made in a
temporary folder that is removed afterwards; nothing is written into the project.

Without Chromium the export fails with :class:`.pdf.ChromeMissing`'s message (what to install);
JupyterLab shows it as "nbconvert failed: ...".
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from nbconvert.exporters import Exporter
from traitlets import Bool, Unicode

NAME = "Report_PDF"
HTML_NAME = "Report_HTML"


def notebook_pdf(nb: Any, title: str, reader: bool = False) -> bytes:
    """The PDF bytes of notebook ``nb`` (HTML export printed by Chromium), titled ``title``."""
    from .export_html import to_html
    from .pdf import find_chrome, print_pdf

    chrome = find_chrome()
    safe = re.sub(r"[^\w.-]+", "_", title) or "notebook"
    with tempfile.TemporaryDirectory(prefix="xianning-export-") as tmp:
        html, pdf = Path(tmp) / f"{safe}.html", Path(tmp) / f"{safe}.pdf"
        html.write_text(to_html(nb, title, reader=reader), encoding="utf-8")
        print_pdf(chrome, html, pdf)
        return pdf.read_bytes()


class ProjectPDFExporter(Exporter):
    """Notebook -> the project's PDF (Chromium print of the offline HTML export, CJK font embedded)."""

    export_from_notebook = "PDF (project: Chinese font embedded, no LaTeX)"
    output_mimetype = "application/pdf"

    reader = Bool(False, help="Hide code cells and prompts, as in the reader's report.").tag(config=True)

    def _file_extension_default(self) -> str:
        return ".pdf"

    def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None,
                           **kw: Any) -> tuple[bytes, dict[str, Any]]:
        """Convert ``nb`` to PDF bytes; ``resources["output_extension"]`` is ``.pdf``."""
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        title = str(resources.get("metadata", {}).get("name") or "notebook")
        resources["output_extension"] = ".pdf"
        return notebook_pdf(nb_copy, title, reader=self.reader), resources


class ProjectHTMLExporter(Exporter):
    """Notebook -> the project's HTML page (prose sources hidden, offline, CJK font embedded)."""

    export_from_notebook = "HTML (project: prose without its source, works offline)"
    output_mimetype = "text/html"

    reader = Bool(False, help="Hide code cells and prompts, as in the reader's report.").tag(config=True)
    sanitize_html = Bool(False, help="Clean Markdown and HTML outputs (keeps headings, paragraphs, tables).").tag(
        config=True)
    language_code = Unicode("en").tag(config=True)  # accepted like HTMLExporter's; the page takes the notebook's

    def _file_extension_default(self) -> str:
        return ".html"

    def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None,
                           **kw: Any) -> tuple[str, dict[str, Any]]:
        """Convert ``nb`` to the HTML page; ``resources["output_extension"]`` is ``.html``."""
        from .export_html import to_html

        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        title = str(resources.get("metadata", {}).get("name") or "notebook")
        resources["output_extension"] = ".html"
        return to_html(nb_copy, title, reader=self.reader, sanitize=self.sanitize_html), resources
