"""Embed a subset of a CJK font in the HTML so the printed PDF names and embeds it.

Chromium embeds CFF-flavoured OpenType fonts (which Noto Sans CJK is) as nameless
Type 3 fonts. Converting the subset actually used by the page to TrueType outlines
(fontTools, which matplotlib already depends on) makes Chromium embed it as a CID
TrueType font ``NotoSansCJKsc-Regular``: ``pdffonts`` shows it and the text copies
cleanly. Subsets are cached by character set. When no CJK font or no fontTools is
found this does nothing and Chromium falls back to the system's fonts.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
from functools import lru_cache
from pathlib import Path

FAMILY = "Report CJK"
_CANDIDATE_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk",
                   "/usr/share/fonts/google-noto-cjk", "/usr/local/share/fonts", "~/.local/share/fonts",
                   "/opt/homebrew/share/fonts", "~/Library/Fonts")


# Text set in bold by the lab template: headings, table headers, strong/b.
_BOLD = re.compile(r"<(h[1-6]|th|strong|b)\b[^>]*>.*?</\1>", re.S | re.I)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


@lru_cache(maxsize=None)
def find_face(weight: str) -> tuple[str, int] | None:
    """(file, face index) of Noto Sans CJK SC in ``weight`` ("Regular"/"Bold"), if installed."""
    names = [f"NotoSansCJK-{weight}.ttc", f"NotoSansCJKsc-{weight}.otf", f"NotoSansSC-{weight}.otf"]
    files = [Path(d).expanduser() / n for d in _CANDIDATE_DIRS for n in names]
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", f"Noto Sans CJK SC:style={weight}"],
                                 capture_output=True, text=True, timeout=10).stdout.strip()
            if out:
                files.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    for path in files:
        if path.is_file():
            index = _sc_index(path)
            if index is not None:
                return str(path), index
    return None


def _sc_index(path: Path) -> int | None:
    """Index of the Simplified-Chinese face in a collection (0 for a single font)."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() != ".ttc":
        return 0
    coll = TTCollection(str(path), lazy=True)
    for i, font in enumerate(coll.fonts):
        family = font["name"].getDebugName(1) or ""
        if family.endswith(" SC") and "Mono" not in family:
            return i
    return 0 if coll.fonts else None


def _subset_truetype(face: tuple[str, int], chars: str) -> bytes:
    """Subset ``face`` to ``chars`` and convert its CFF outlines to TrueType."""
    from io import BytesIO

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(face[0], fontNumber=face[1], lazy=False)
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.hinting = True  # CFF hints are dropped by the TrueType conversion anyway
    opts.layout_features = []  # no GSUB closure: the page needs only the mapped glyphs
    opts.glyph_names = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyphset = font.getGlyphSet()
        glyphs = {}
        for name in order:
            pen = TTGlyphPen(glyphset)
            glyphset[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyphs[name] = pen.glyph()
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = glyphs
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion = 0x00010000
        for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                     "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        maxp.numGlyphs = len(order)
        post = font["post"]
        post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
        font["head"].indexToLocFormat = 0
        font["head"].glyphDataFormat = 0
        font.sfntVersion = "\x00\x01\x00\x00"
    buf = BytesIO()
    font.save(buf)
    return buf.getvalue()


def _font_data(chars: str, bold: str, cache_dir: Path | None) -> dict[str, str]:
    """Base64 TrueType subsets ``{"400": ..., "700": ...}``, cached by character sets."""
    key = hashlib.sha256(f"{chars}|{bold}".encode("utf-8")).hexdigest()[:20]
    cache = cache_dir / f"cjk-{key}.json" if cache_dir else None
    if cache and cache.is_file():
        try:
            return json.loads(cache.read_text(encoding="utf-8"))
        except ValueError:
            pass
    data: dict[str, str] = {}
    for weight, css_weight, subset in (("Regular", "400", chars), ("Bold", "700", bold)):
        face = find_face(weight) if subset else None
        if face:
            data[css_weight] = base64.b64encode(_subset_truetype(face, subset)).decode("ascii")
    if cache and data:
        from ..fileio import write_text_atomic

        write_text_atomic(cache, json.dumps(data))
    return data


@lru_cache(maxsize=1)
def project_charset() -> frozenset[str]:
    """Every CJK character of the article, the curated and tidy data, the notebooks and the helpers.

    A page whose characters all fall in this set embeds one subset of the whole set, so every page
    of a build shares one subset (made once, then cached) instead of subsetting the font per page.
    """
    from .. import paths

    files = [paths.ARTICLE, *paths.CURATED.glob("*.csv"), *paths.TIDY.glob("*.csv"),
             *paths.NOTEBOOKS.glob("*.ipynb"), *(paths.ROOT / "src" / "helpers").rglob("*.py")]
    chars: set[str] = set()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        chars.update(c for c in text if _is_cjk(c))
    return frozenset(chars)


def _round_up(chars: str) -> str:
    """The project's whole character set when it covers ``chars``, else ``chars`` itself."""
    superset = project_charset()
    return "".join(sorted(superset)) if set(chars) <= superset else chars


_memo: dict[tuple[str, str], dict[str, str]] = {}
_memo_lock = threading.Lock()


def _font_data_shared(chars: str, bold: str, cache_dir: Path | None) -> dict[str, str]:
    """``_font_data`` made once per character set per process (threads wait for the first)."""
    with _memo_lock:
        if (chars, bold) not in _memo:
            _memo[(chars, bold)] = _font_data(chars, bold, cache_dir)
        return _memo[(chars, bold)]


def cjk_font_css(html: str, cache_dir: Path | None = None) -> str:
    """A ``<style>`` block embedding the CJK characters of ``html`` in a TrueType subset.

    Returns ``""`` when the page has no CJK text, no CJK font is installed, fontTools
    is missing, or ``REPORT_EMBED_CJK=0``.
    """
    if os.environ.get("REPORT_EMBED_CJK", "1") == "0":
        return ""
    chars = "".join(sorted({c for c in html if _is_cjk(c)}))
    if not chars:
        return ""
    bold = "".join(sorted({c for m in _BOLD.finditer(html) for c in m.group(0) if _is_cjk(c)}))
    chars, bold = _round_up(chars), (_round_up(bold) if bold else "")
    try:
        data = _font_data_shared(chars, bold, cache_dir)
    except ImportError:
        return ""
    if not data:
        return ""
    faces = "".join(
        f"@font-face {{ font-family: '{FAMILY}'; font-weight: {w}; font-style: normal;"
        f" src: url(data:font/ttf;base64,{b64}) format('truetype'); }}\n"
        for w, b64 in data.items())
    sans = f"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, '{FAMILY}', 'Noto Sans CJK SC', sans-serif"
    mono = f"Menlo, Consolas, 'DejaVu Sans Mono', '{FAMILY}', 'Noto Sans Mono CJK SC', monospace"
    return (f"<style id=\"report-cjk\">\n{faces}:root {{ --jp-content-font-family: {sans};"
            f" --jp-ui-font-family: {sans}; --jp-code-font-family: {mono};"
            f" --jp-code-font-family-default: {mono}; }}\n"
            f"body {{ font-family: {sans}; }} pre, code {{ font-family: {mono}; }}\n</style>\n")
