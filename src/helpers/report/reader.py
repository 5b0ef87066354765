"""The reader's note: a short piece in one language, rendered from :data:`helpers.text.texts.READER` (every number
from the tidy tables) into a notebook of Markdown cells that the build exports and prints like any other."""
from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Any

from . import LANG_CODES

_FIGURE = re.compile(r"!\[([^\]]*)\]\(figure:([a-z0-9-]+)\)")

NOTE_CSS = """<style id="reader-note">
body, .jp-Notebook { font-size: 10.5pt; line-height: 1.5; }
.jp-RenderedHTMLCommon h1 { font-size: 18pt; line-height: 1.25; margin: 0 0 0.4em; }
.jp-RenderedHTMLCommon h2 { font-size: 13pt; margin: 1.0em 0 0.35em; break-after: avoid; page-break-after: avoid; }
.jp-RenderedHTMLCommon h1 + p, .jp-RenderedHTMLCommon h2 + p, .jp-RenderedHTMLCommon h2 + ul { break-before: avoid; }
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { break-inside: avoid; }
.jp-RenderedHTMLCommon ul { margin: 0.3em 0 0.5em; }
:lang(zh-CN) em, :lang(zh-CN) i { font-style: normal; }
figure.note-chart { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
figure.note-chart img { width: 100%; max-width: 100%; height: auto; }
figure.note-chart figcaption { font-size: 9pt; color: #555; }
table.glossary { border-collapse: collapse; width: 100%; font-size: 9.5pt; table-layout: fixed; }
table.glossary tr { break-inside: avoid; page-break-inside: avoid; }
.nw { white-space: nowrap; }
table.glossary th, table.glossary td { text-align: left !important; vertical-align: top; border-bottom: 1px solid #ddd; padding: 0.25em 0.4em; }
table.glossary td:first-child, table.glossary th:first-child { width: 6.5em; white-space: nowrap; }
p.stamp { font-size: 8.5pt; color: #555; margin-top: 1.2em; overflow-wrap: anywhere; }
</style>"""


def _figure_html(caption: str, name: str, lang: str, figures: Path | None = None) -> str:
    """One chart, embedded: from the build's own ``<out>/figures/`` when given, else the committed one."""
    from ..base import paths

    png = Path(figures or paths.REPORTS / "figures") / f"{name}.{lang}.png"
    if not png.exists():  # a build that ran no notebook this time: the committed chart (the same bytes)
        png = paths.REPORTS / "figures" / png.name
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return (f'<figure class="note-chart"><img src="data:image/png;base64,{data}" alt="{html.escape(caption)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _word(key: str, lang: str) -> str:
    """The kit's label ``key`` in ``lang`` (English for any other language)."""
    from ..curate import labels

    return labels.raw(key, "zh" if lang == "zh" else "en")


def _glossary(lang: str) -> str:
    from ..text.texts import GLOSSARY

    head = (_word("reader.glossary_term", lang), _word("reader.glossary_meaning", lang))
    rows = "".join(f"<tr><td>{html.escape(term)}</td><td>{html.escape(zh if lang == 'zh' else en)}</td></tr>"
                   for term, en, zh in GLOSSARY)
    return (f'<table class="glossary"><thead><tr><th>{head[0]}</th><th>{head[1]}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def note_markdown(lang: str) -> str:
    """The note's Markdown in ``lang`` ("en" or "zh"), every number filled from the tables."""
    from ..text import prose
    from ..text.identities import ASSUMED, STATED
    from ..base.errors import DataError
    from ..text.texts import FINDINGS, READER, TEXTS

    lang = "zh" if lang == "zh" else "en"
    if not READER[lang].strip():  # a new article before its note is written: say so, not a blank page
        raise DataError(TEXTS / f"reader.{lang}.md", "file", "the reader's note is missing or empty",
                        "write it (Markdown, numbers as {figure_id} placeholders; data/articles/canghe/texts/ "
                        "has an example), then build again")

    def say(template: str, **extra: str) -> str:
        return prose.render(template, lang, extra)

    pick = (lambda i: i.zh) if lang == "zh" else (lambda i: i.en)
    stop = _word("sep.stop", lang)
    stated = _word("sep.clauses", lang).join(say(pick(i)) for i in STATED) + stop
    assumed = "\n".join(f"- {say(pick(i))}{stop}" for i in ASSUMED)
    parts = {"headline": say(READER["headline"][lang]), "findings": say(FINDINGS[lang]).strip(),
             "stated": stated, "assumed": assumed, "glossary": _glossary(lang),
             "rounding_rule": prose.rounding_rule(lang) + ("" if lang == "zh" else " ") + prose.computed_note(lang)}
    return keep_figures_whole(say(READER[lang], **parts).strip(), lang)


#: A number with its mark and measure word (问题线索28件, 22†个月, 25969元) or, in English, a number
#: and the word after it: printed on one line.
_ZH_FIGURE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?:问题线索|意见建议|面上问题)?\d[\d.,]*†?(?:个月|人次|[条件人名家个元起次天月年轮倍%])")
_EN_FIGURE = re.compile(r"(?<![\w-])(\d[\d.,]*†?) (?=[A-Za-z(])")


def keep_figures_whole(markdown: str, lang: str) -> str:
    """*markdown* with every figure kept on one line: a no-wrap span round 问题线索28件 (zh), a
    no-break space after the number (en). Chart captions (alt text) and HTML tags are left alone."""
    parts = re.split(r"(!\[[^\]]*\]\(figure:[a-z0-9-]+\)|<[^>]+>)", markdown)  # captions and tags: odd places
    if lang == "zh":
        return "".join(p if i % 2 else _ZH_FIGURE.sub(r'<span class="nw">\g<0></span>', p) for i, p in enumerate(parts))
    return "".join(p if i % 2 else _EN_FIGURE.sub("\\1\u00a0", p) for i, p in enumerate(parts))


def build_note(lang: str, figures: Path | None = None) -> Any:
    """The reader's note of ``lang`` as a notebook of Markdown cells, charts embedded (from ``figures``)."""
    import nbformat

    text = note_markdown(lang)
    text = _FIGURE.sub(lambda m: "\n" + _figure_html(m.group(1), m.group(2), lang, figures) + "\n", text)
    nb = nbformat.v4.new_notebook()
    nb.metadata["language_code"] = LANG_CODES.get(lang, "en")
    nb.cells = [nbformat.v4.new_markdown_cell(NOTE_CSS + "\n\n" + text, id="note-0")]
    return nb


def merge_for_reader(notebooks: list[Any], lang: str, figures: Path | None = None) -> Any:
    """The reader's note for the project's notebooks; other notebooks merged (no code, no stderr: warnings are for
    the analyst), each after the first on a new printed page."""
    import nbformat

    if any("prose" in c.get("metadata", {}).get("tags", []) for nb in notebooks for c in nb.cells):
        return build_note(lang, figures=figures)
    merged = nbformat.v4.new_notebook()
    if notebooks:
        merged.metadata = dict(notebooks[0].metadata)
    for n, nb in enumerate(notebooks):
        if n:
            merged.cells.append(nbformat.v4.new_markdown_cell('<div class="report-page-break"></div>'))
        for cell in nb.cells:
            cell = nbformat.from_dict(cell)
            cell.pop("id", None)
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.get("outputs", [])
                                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if cell.cell_type in {"markdown", "code"}:
                merged.cells.append(cell)
    for i, cell in enumerate(merged.cells):
        cell["id"] = f"cell-{i}"
    return merged


def reader_title(lang: str) -> str:
    """Page title of the reader's note in ``lang``."""
    return _word("reader.title", lang)
