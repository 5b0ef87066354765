"""Notebook -> HTML with nbconvert's ``lab`` template, made safe to print offline.

The ``lab`` template is what JupyterLab's "Export as HTML" uses. Its page loads
require.js and MathJax from a CDN; offline those requests hang or fail, so the
``<script src="http...">`` tags are removed (math then shows as its ``$...$`` source).
A print style sheet (A4, wrapped code) and, when available, an embedded subset of a
CJK font (see :mod:`.fonts`) are added so the printed PDF carries the Chinese text.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

_CDN_SCRIPT = re.compile(r"<script\s+src=\"https?://[^\"]*\"[^>]*>\s*</script>\s*", re.I)

PRINT_CSS = """<style id="report-print">
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .jp-Notebook { padding: 0 !important; }
  pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
  .jp-OutputArea-output img, .jp-RenderedImage img { max-width: 100% !important; height: auto; break-inside: avoid; }
  .jp-OutputArea-output { overflow: visible !important; }
  .jp-RenderedHTMLCommon table { max-width: 100% !important; table-layout: auto; font-size: 7.5pt; break-inside: auto; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: break-word; word-break: normal; padding: 0.25em 0.35em !important; }
  .report-page-break { break-before: page; }
}
</style>
"""

_local = threading.local()


def _exporter(reader: bool) -> Any:
    """One ``HTMLExporter`` per thread and kind (they keep state while converting)."""
    key = "reader" if reader else "full"
    exp = getattr(_local, key, None)
    if exp is None:
        from nbconvert import HTMLExporter

        exp = HTMLExporter(template_name="lab")
        if reader:
            exp.exclude_input = True
            exp.exclude_input_prompt = True
            exp.exclude_output_prompt = True
        setattr(_local, key, exp)
    return exp


def make_offline(html: str, font_dir: Path | None = None) -> str:
    """Remove CDN script tags, add the print CSS and (if possible) the embedded CJK font."""
    from .fonts import cjk_font_css

    html = _CDN_SCRIPT.sub("", html)
    extra = PRINT_CSS + cjk_font_css(html, font_dir)
    return html.replace("</head>", extra + "</head>", 1)


def to_html(nb: Any, title: str, reader: bool = False, font_dir: Path | None = None) -> str:
    """Render an executed notebook to a self-contained, offline-safe HTML page.

    ``reader=True`` hides code cells and prompts (nbconvert's ``exclude_input``).
    """
    body, _ = _exporter(reader).from_notebook_node(nb, resources={"metadata": {"name": title}})
    return make_offline(body, font_dir)
