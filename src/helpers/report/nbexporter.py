"""The project's page and PDF as nbconvert exporters ``Report_HTML`` and ``Report_PDF`` (entry points in
``pyproject.toml``) for JupyterLab's Save and Export Notebook As: :func:`.export_html.to_html`, printed by Chromium
in a temporary folder for the PDF; nothing is written into the project."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from nbconvert.exporters import Exporter
from traitlets import Bool, Unicode


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

    def render(self, nb: Any, title: str) -> Any:
        from .export_html import to_html

        return to_html(nb, title, reader=self.reader, sanitize=self.sanitize_html)

    def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None, **kw: Any) -> tuple[Any, dict]:
        nb_copy, resources = super().from_notebook_node(nb, resources, **kw)
        resources["output_extension"] = self.file_extension
        return self.render(nb_copy, str(resources.get("metadata", {}).get("name") or "notebook")), resources


class ProjectPDFExporter(ProjectHTMLExporter):
    """Notebook -> the project's PDF (Chromium print of the offline HTML export, CJK font embedded)."""

    export_from_notebook = "PDF (project: Chinese font embedded, no LaTeX)"
    output_mimetype = "application/pdf"

    def _file_extension_default(self) -> str:
        return ".pdf"

    def render(self, nb: Any, title: str) -> bytes:
        from .pdf import find_chrome, print_pdf

        chrome = find_chrome()
        safe = re.sub(r"[^\w.-]+", "_", title) or "notebook"
        with tempfile.TemporaryDirectory(prefix="xianning-export-") as tmp:
            html, pdf = Path(tmp) / f"{safe}.html", Path(tmp) / f"{safe}.pdf"
            html.write_text(super().render(nb, title), encoding="utf-8")
            print_pdf(chrome, html, pdf)
            return pdf.read_bytes()
