"""``reports/index.html``: links to every output, with the build date and the article's sha256."""
from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..base import paths
from . import LANG_CODES


def edition(lang: str) -> str:
    """The name of an edition in its own language (``edition`` in the kit's labels.csv), else its code."""
    from ..curate import labels

    return labels.raw("edition", lang) if lang in labels.LANGUAGES else lang


def both(key: str) -> str:
    """The kit's label ``key`` in both languages (the index serves both editions): "Reports / 报告"."""
    from ..curate import labels

    return " / ".join(labels.raw(key, lang) for lang in labels.LANGUAGES)


def output_title(name: str, lang: str) -> str:
    """A reader's title for one output (``report.<name>`` in labels.csv), else its file name."""
    from ..curate import labels
    from ..text import wording

    key = f"report.{name}"
    return wording.text(key, lang) if key in labels.load() else name


def render_index(links: dict[str, list[tuple[str, dict[str, str]]]], build_date: str, meta: dict, note: str) -> str:
    """HTML page. ``links[lang]`` is a list of (label, {"HTML": href, "PDF": href}) rows; ``note``: why the
    article is not verified ("" when it is)."""
    esc, title = html.escape, meta.get("title", "")
    rows = []
    for lang, items in links.items():
        rows.append(f'<section lang="{LANG_CODES.get(lang, lang)}">\n'
                    f"<h2>{esc(edition(lang))} <small>({esc(lang)})</small></h2>\n<ul>")
        for label, hrefs in items:
            anchors = " · ".join(f'<a href="{esc(h)}">{esc(kind)}</a>' for kind, h in hrefs.items())
            rows.append(f"<li><strong>{esc(output_title(label, lang))}</strong> <small>({esc(label)})</small>"
                        f" — {anchors or '<em>' + esc(both('index.not_built')) + '</em>'}</li>")
        rows.append("</ul>\n</section>")
    check = f"{both('index.not_verified')}: {note}" if note else both("index.verified")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(both("index.title"))} — {esc(title)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5}}
code{{font-size:.9em;word-break:break-all}}small{{color:#666}}</style></head>
<body>
<h1>{esc(both("index.title"))}</h1>
<p>{esc(both("index.article"))}: {esc(title)}<br>sha256 <code>{esc(meta.get("sha256", "unknown"))}</code> <small>({esc(check)})</small></p>
<p>{esc(both("index.built"))}: <time>{esc(build_date)}</time></p>
{chr(10).join(rows)}
</body></html>
"""


def write_index(path: Path, links: dict, say: Callable[[str], None], messages: list[str]) -> None:
    """The build's index step: ``index.html`` linking ``links``, with the build date and the article's check."""
    from ..base.errors import DataError
    from ..base.fileio import write_text_atomic
    from ..source.article import load_article

    meta, note = {}, ""
    try:
        meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
        load_article()  # the archived file against its recorded sha256
    except (OSError, ValueError, DataError) as err:
        note = str(err) if meta else f"metadata unreadable: {err}"
        messages.append(f"[FAIL] article: {note}")
    date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    write_text_atomic(path, render_index(links, date, meta, note))
    say(f"[ok]   index.html  ({date})")
