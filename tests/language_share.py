"""Measure how much of a page's prose is in the other language (used by tests/test_language_share.py).

Prose is the text of headings, paragraphs, list items, captions and table headers; code
(``pre``, ``code``), scripts, styles, table cells, checksums and the pandas tables of the technical
audit (class ``dataframe``, which keep the tables' own column names) are not prose. Text inside an element whose
``lang`` differs from the page's is a marked quotation and is left out. In English pages, Chinese
inside quotation marks ("…", “…”, 《…》) or brackets is quoted article text or a glossed term;
in Chinese pages, Latin text inside brackets or quotation marks is a quoted English term.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

PROSE = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "th", "dt", "dd", "caption"}
SKIP = {"script", "style", "pre", "code", "td", "svg", "math"}
_HEX = re.compile(r"\b[0-9a-f]{16,}\b")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”]*”|《[^》]*》|「[^」]*」|\([^()]*\)|（[^（）]*）')


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skip, prose)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        attrs = dict(attrs)
        if tag == "html":
            self.page_lang = (attrs.get("lang") or "").lower()
            return
        if tag in {"br", "img", "meta", "link", "hr", "input", "wbr", "source"}:
            return
        audit_table = tag == "table" and "dataframe" in (attrs.get("class") or "").split()
        skip = tag in SKIP or audit_table or ("lang" in attrs and (attrs["lang"] or "").lower()[:2] != self.page_lang[:2])
        parent_skip = self.stack[-1][1] if self.stack else False
        parent_prose = self.stack[-1][2] if self.stack else False
        self.stack.append((tag, skip or parent_skip, tag in PROSE or parent_prose))

    def handle_endtag(self, tag):  # noqa: ANN001
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):  # noqa: ANN001
        if self.stack and self.stack[-1][2] and not self.stack[-1][1]:
            self.parts.append(data)


def prose_text(html: str) -> tuple[str, str]:
    """(page language, the page's prose text)."""
    parser = _Prose()
    parser.feed(html)
    return parser.page_lang, " ".join(parser.parts)


def other_language_share(html: str) -> tuple[float, int, str]:
    """(share of the other language's letters in the prose, letters counted, the page's language)."""
    lang, text = prose_text(html)
    unquoted = _HEX.sub(" ", _QUOTED.sub(" ", text))
    if lang.startswith("zh"):
        own, other = len(CJK.findall(unquoted)), len(LATIN.findall(unquoted))
    else:
        own, other = len(LATIN.findall(unquoted)), len(CJK.findall(unquoted))
    total = own + other
    return (other / total if total else 0.0), total, lang
