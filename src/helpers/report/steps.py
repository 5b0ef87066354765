"""What each step of the build does (doit decides when, see :mod:`.build`).

A step writes its outputs whole (temporary file, then rename) and returns doit's values beyond its target:
``{"outs": {path: [size, mtime_ns, sha256]}, "fallback": [signs of a missing font]}``.
"""
from __future__ import annotations

import hashlib
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from ..base.fileio import write_bytes_if_changed, write_text_atomic

#: Text in an executed notebook that shows a font was missing (the output is then a fallback).
FALLBACK_SIGNS = ("MissingCJKFontWarning", "missing from font", "findfont: Font family", "findfont: Failed")


def stamp(path: Path) -> list:
    """Size, modification time and sha256 of an output (what the build's up-to-date check compares)."""
    st = path.stat()
    with open(path, "rb") as handle:
        return [st.st_size, st.st_mtime_ns, hashlib.file_digest(handle, "sha256").hexdigest()]


def execute(out: Path, lang: str, nb: Path, executed: Path, timeout: int) -> dict:
    """Run ``nb`` in ``lang`` into ``executed``; its figures go to a folder of this run, then to ``out/figures``."""
    import nbformat

    from .execute import execute as run

    stage = out / ".build" / "stage" / f"{lang}-{nb.stem}"  # a failed run changes no published figure
    log = out / ".build" / "logs" / f"{lang}-{nb.stem}.kernel.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    try:
        done = run(nb, lang, timeout, log, env={"XN_FIGURES_DIR": str(stage)})
        write_text_atomic(executed, nbformat.writes(done))
        figures = [out / "figures" / p.name for p in sorted(stage.iterdir()) if p.is_file() and p.name[0] != "."]
        for fig in figures:  # the same bytes leave the published file (and its time stamp) as it is
            write_bytes_if_changed(fig, (stage / fig.name).read_bytes())
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    signs = [f"cell {i}: {s}" for i, c in enumerate(done.cells) for o in c.get("outputs", [])
             for s in FALLBACK_SIGNS if s in str(o.get("text", "")) + str(o.get("data", {}))]
    return {"outs": {str(f): stamp(f) for f in figures}, "fallback": signs}


def read(files: list[Path]) -> list[Any]:
    """The executed notebooks ``files``."""
    import nbformat

    return [nbformat.read(p, as_version=4) for p in files]


def export(load: Callable[[], Any], title: str, reader: bool, html: Path, pdf: Path) -> dict:
    """The page of notebook ``load()`` (code hidden for the reader); the old PDF goes with the old page."""
    from .export_html import to_html

    page = to_html(load(), title, reader=reader)
    write_text_atomic(html, page)
    pdf.unlink(missing_ok=True)
    bad = "id=\"report-cjk\"" not in page and any(ord(c) >= 0x2E80 for c in page)
    return {"fallback": ["html: Chinese text without the embedded font"] * bad}


def article(lang: str, path: Path) -> None:
    """``<lang>/article.html``: the article with every number marked (see :mod:`.article_page`)."""
    from .article_page import load_page_data, render_page
    from .fonts import cjk_font_css

    data = load_page_data()
    write_text_atomic(path, render_page(data, lang, cjk_font_css(data.text)))


def index(path: Path, links: dict, say: Callable[[str], None], messages: list[str]) -> None:
    """``index.html`` linking ``links``, with the build date and the article's checked sha256."""
    from .index import article_stamp, render_index

    check = article_stamp()
    if not check.verified:
        messages.append(f"[FAIL] article: {check.note}")
    date = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    write_text_atomic(path, render_index(links, date, check))
    say(f"[ok]   index.html  ({date})")
