"""``reports/index.html``: links to every output, with the build date and the article's sha256."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..base import paths
from . import LANG_CODES

LANG_NAMES = {"en": "English edition", "zh": "中文版"}


def output_title(name: str, lang: str) -> str:
    """A reader's title for one output (``report.<name>`` in labels.csv), else its file name."""
    from ..curate import labels
    from ..text import wording

    key = f"report.{name}"
    return wording.text(key, lang) if key in labels.load() else name


@dataclass
class ArticleStamp:
    """The archived article's checksum as recorded in its metadata, and whether the file matches."""

    sha256: str
    title: str
    verified: bool
    note: str = ""


def article_stamp(meta_path: Path = paths.ARTICLE_META, article_path: Path = paths.ARTICLE) -> ArticleStamp:
    """Read the sha256 from the metadata and check the article against it (``load_article``)."""
    from ..source.article import load_article
    from ..base.errors import DataError

    try:
        meta = json.loads(Path(meta_path).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError) as err:
        return ArticleStamp("unknown", "", False, f"metadata unreadable: {err}")
    try:
        load_article(article_path, meta_path)
        return ArticleStamp(meta.get("sha256", "unknown"), meta.get("title", ""), True)
    except DataError as err:
        return ArticleStamp(meta.get("sha256", "unknown"), meta.get("title", ""), False, str(err))


def render_index(links: dict[str, list[tuple[str, dict[str, str]]]], build_date: str, stamp: ArticleStamp) -> str:
    """HTML page. ``links[lang]`` is a list of (label, {"HTML": href, "PDF": href}) rows."""
    esc = html.escape
    rows = []
    for lang, items in links.items():
        rows.append(f'<section lang="{LANG_CODES.get(lang, lang)}">\n'
                    f"<h2>{esc(LANG_NAMES.get(lang, lang))} <small>({esc(lang)})</small></h2>\n<ul>")
        for label, hrefs in items:
            anchors = " · ".join(f'<a href="{esc(h)}">{esc(kind)}</a>' for kind, h in hrefs.items())
            rows.append(f"<li><strong>{esc(output_title(label, lang))}</strong> <small>({esc(label)})</small>"
                        f" — {anchors or '<em>not built</em>'}</li>")
        rows.append("</ul>\n</section>")
    check = "verified against the archived file" if stamp.verified else f"NOT verified: {stamp.note}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reports — {esc(stamp.title)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5}}
code{{font-size:.9em;word-break:break-all}}small{{color:#666}}</style></head>
<body>
<h1>Reports</h1>
<p>Article: {esc(stamp.title)}<br>sha256 <code>{esc(stamp.sha256)}</code> <small>({esc(check)})</small></p>
<p>Built <time>{esc(build_date)}</time> (UTC).</p>
{chr(10).join(rows)}
</body></html>
"""


def write_index(path: Path, links: dict, say: Callable[[str], None], messages: list[str]) -> None:
    """The build's index step: ``index.html`` linking ``links``, with the build date and the article's check."""
    from ..base.fileio import write_text_atomic

    if not (check := article_stamp()).verified:
        messages.append(f"[FAIL] article: {check.note}")
    date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    write_text_atomic(path, render_index(links, date, check))
    say(f"[ok]   index.html  ({date})")
