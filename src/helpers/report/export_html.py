"""Notebook -> HTML with nbconvert's ``lab`` template (JupyterLab's "Export as HTML"), safe to print offline:
its CDN ``<script src="http...">`` tags removed (math shows as ``$...$``), a print style sheet and the
embedded CJK font (:mod:`.fonts`) added, so the printed PDF carries the Chinese text."""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from . import LANG_CODES

_CDN_SCRIPT = re.compile(r"<script\s+src=\"https?://[^\"]*\"[^>]*>\s*</script>\s*", re.I)

PRINT_CSS = """<style id="report-print">
@page { size: A4; margin: 14mm 12mm; }
:lang(zh-CN) em, :lang(zh-CN) i { font-style: normal; } /* Chinese is never slanted */
/* Chinese headings break after their punctuation or before a quoted term, never inside a word */
:lang(zh-CN) :is(h1, h2, h3) { word-break: keep-all; overflow-wrap: anywhere; }
/* prose cells (tag "prose") read as the page's text: no In/Out prompts beside them */
.celltag_prose .jp-OutputPrompt, .celltag_prose .jp-InputPrompt { visibility: hidden; }
@media print {
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .jp-Notebook { padding: 0 !important; }
  pre { white-space: pre-wrap !important; overflow-wrap: anywhere; }
  .jp-OutputArea-output img, .jp-RenderedImage img { max-width: 100% !important; height: auto; break-inside: avoid; }
  .jp-OutputArea-output { overflow: visible !important; }
  .jp-RenderedHTMLCommon table { max-width: 100% !important; table-layout: auto; font-size: 7.5pt; break-inside: auto; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: break-word; word-break: normal; padding: 0.25em 0.35em !important; }
  .report-page-break { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  /* a prose cell whose last element is a heading stays with the cell it introduces */
  .celltag_prose:has(.jp-RenderedMarkdown > :is(h1, h2, h3, h4):last-child) { break-after: avoid; }
  .celltag_prose + .jp-CodeCell .jp-OutputArea-output img { break-before: avoid; }
}
</style>
"""

_local = threading.local()
#: Cells left out of every exported page: the language parameter and the imports (they print nothing).
SETUP_TAGS = frozenset({"parameters", "injected-parameters", "setup"})


#: What a sanitized export keeps: the tags Markdown and the project's tables produce (nbconvert's own
#: ``clean_html`` keeps neither <p>, <h1>-<h6> nor <th>, and escapes them into visible text).
SAFE_TAGS = frozenset({"a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div",
                       "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre",
                       "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "wbr"})
SAFE_ATTRIBUTES = {"*": ["class", "id", "title", "lang", "style"], "a": ["href", "title"],
                   "img": ["src", "alt", "width", "height"], "td": ["colspan", "rowspan", "style"],
                   "th": ["colspan", "rowspan", "scope", "style"]}


def clean_html(element: Any) -> str:
    """Sanitize HTML (no scripts, handlers or unknown tags) while keeping prose and tables readable."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    text = element.decode() if isinstance(element, bytes) else str(element)
    css = CSSSanitizer(allowed_css_properties=["text-align", "vertical-align", "white-space", "font-weight"])
    return bleach.clean(text, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES, protocols=["http", "https", "mailto", "data"],
                        css_sanitizer=css, strip=True)


def _exporter(reader: bool, sanitize: bool = False) -> Any:
    """One ``HTMLExporter`` per thread and kind (they keep state while converting)."""
    key = ("reader" if reader else "full") + ("-sanitized" if sanitize else "")
    exp = getattr(_local, key, None)
    if exp is None:
        from nbconvert import HTMLExporter
        from nbconvert.preprocessors import TagRemovePreprocessor

        exp = HTMLExporter(template_name="lab")
        if sanitize:
            exp.sanitize_html = True
            exp.register_filter("clean_html", clean_html)
        # cells tagged "prose" are say(part=...) calls: the reader sees their rendered text only
        exp.register_preprocessor(TagRemovePreprocessor(remove_input_tags={"prose"}, remove_cell_tags=set(SETUP_TAGS),
                                                        enabled=True), enabled=True)
        if reader:
            exp.exclude_input = exp.exclude_input_prompt = exp.exclude_output_prompt = True
        setattr(_local, key, exp)
    return exp


def make_offline(html: str) -> str:
    """Remove CDN script tags, add the print CSS and (if possible) the embedded CJK font."""
    from .fonts import cjk_font_css

    html = _CDN_SCRIPT.sub("", html)
    return html.replace("</head>", PRINT_CSS + cjk_font_css(html) + "</head>", 1)


_HTML_TAG = re.compile(r"<html[^>]*>")
_INJECTED_LANG = re.compile(r"LANGUAGE\s*=\s*['\"](\w+)['\"]")


def notebook_language(nb: Any) -> str:
    """The page language: ``metadata.language_code``, else the injected ``LANGUAGE = '..'`` cell, else "en"."""
    injected = [_INJECTED_LANG.search(c.get("source", "")) for c in nb.get("cells", [])
                if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
    return str(nb.get("metadata", {}).get("language_code") or (injected and injected[0] and
                                                                LANG_CODES.get(injected[0].group(1))) or "en")


def to_html(nb: Any, title: str, reader: bool = False, sanitize: bool = False) -> str:
    """An executed notebook as a self-contained, offline-safe page in its language: ``reader`` hides code cells
    and prompts (cells tagged ``prose`` always hide their input); ``sanitize`` (JupyterLab's "Sanitize HTML
    output") cleans Markdown and HTML outputs with :func:`clean_html`, keeping headings, paragraphs, tables."""
    body, _ = _exporter(reader, sanitize).from_notebook_node(nb, resources={"metadata": {"name": title}})
    # set here, not through HTMLExporter.language_code: its validator rejects a value after "zh-CN"
    body = _HTML_TAG.sub(f'<html lang="{notebook_language(nb)}">', body, count=1)
    return make_offline(body)


def write_page(src: list[Path], lang: str, reader: bool, html: Path, pdf: Path) -> dict:
    """The build's html step: the page of executed notebook ``src[0]``, or the reader's report of ``src`` (the
    old PDF goes with the old page); returns the signs of a missing font."""
    import nbformat

    from ..base.fileio import write_text_atomic
    from .reader import merge_for_reader, reader_title

    nbs = [nbformat.read(p, as_version=4) for p in src]
    nb, title = (merge_for_reader(nbs, lang, html.parent.parent / "figures"), reader_title(lang)) if reader else \
        (nbs[0], src[0].stem)
    write_text_atomic(html, page := to_html(nb, title, reader=reader))
    pdf.unlink(missing_ok=True)
    bad = 'id="report-cjk"' not in page and any(ord(c) >= 0x2E80 for c in page)
    return {"fallback": ["html: Chinese text without the embedded font"] * bad}
