"""The project's PDF as an nbconvert exporter, for JupyterLab's export menu.

Registered in ``pyproject.toml`` (entry-point group ``nbconvert.exporters``) under the name
``xianning_pdf``, so JupyterLab lists it in File > Save and Export Notebook As (as
"Xianning_pdf") and ``jupyter nbconvert --to xianning_pdf`` works too. It renders the notebook
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
from traitlets import Bool

NAME = "xianning_pdf"


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
