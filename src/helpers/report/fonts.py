"""The shipped CJK font (``fonts/NotoSansCJKsc-Subset-*.ttf``, the charts' font, :mod:`helpers.text.fontsubset`)
embedded in a page, so Chromium embeds it in the PDF and the text copies cleanly on a machine without any system CJK
font; a character outside the subset falls back to the system's "Noto Sans CJK SC"."""
from __future__ import annotations

import base64
import os
from functools import lru_cache
from pathlib import Path

FAMILY = "Report CJK"
WEIGHTS = {"Regular": "400", "Bold": "700"}


@lru_cache(maxsize=4)
def _faces(stamp: tuple) -> str:
    """The ``@font-face`` rules of the shipped files (``stamp``: their paths, sizes and times)."""
    rules = []
    for css, path, _size, _mtime in stamp:
        b64 = base64.b64encode(Path(path).read_bytes()).decode("ascii")
        rules.append(f"@font-face {{ font-family: '{FAMILY}'; font-weight: {css}; font-style: normal;"
                     f" src: url(data:font/ttf;base64,{b64}) format('truetype'); }}\n")
    return "".join(rules)


def cjk_font_css(html: str) -> str:
    """A ``<style>`` block embedding the shipped CJK font when ``html`` has CJK text; ``""`` without CJK text,
    without the shipped regular weight, or with ``REPORT_EMBED_CJK=0``."""
    from ..text.fontsubset import font_path

    files = {css: font_path(w) for w, css in WEIGHTS.items() if font_path(w).is_file()}
    if os.environ.get("REPORT_EMBED_CJK") == "0" or "400" not in files or not any(ord(c) >= 0x2E80 for c in html):
        return ""
    faces = _faces(tuple((css, str(p), p.stat().st_size, p.stat().st_mtime_ns) for css, p in sorted(files.items())))
    sans = (f"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, '{FAMILY}', 'Noto Sans CJK SC', "
            "sans-serif")
    mono = f"Menlo, Consolas, 'DejaVu Sans Mono', '{FAMILY}', 'Noto Sans Mono CJK SC', monospace"
    # Chinese text (a zh page, or an element marked lang="zh-CN") takes the CJK font first, so its
    # punctuation (“”、：) is drawn full-width from the CJK font, not from a Latin one.
    cjk = f"'{FAMILY}', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
    return (f"<style id=\"report-cjk\">\n{faces}:root {{ --jp-content-font-family: {sans};"
            f" --jp-ui-font-family: {sans}; --jp-code-font-family: {mono};"
            f" --jp-code-font-family-default: {mono}; }}\n"
            f"body {{ font-family: {sans}; }} pre, code {{ font-family: {mono}; }}\n"
            f"html:lang(zh) {{ --jp-content-font-family: {cjk}; --jp-ui-font-family: {cjk}; }}\n"
            f"html:lang(zh) body, body [lang|=\"zh\"] {{ font-family: {cjk}; }}\n</style>\n")
