"""The project's shipped font: Noto Sans CJK SC, Regular and Bold, cut down to the characters it draws.

``python -m helpers.text.fontsubset`` (``make fonts``) regenerates ``fonts/`` from the system's Noto Sans
CJK collection (Debian/Ubuntu: ``fonts-noto-cjk``). Run it again whenever new text is added:

* :func:`collect_chars` gathers every character the charts and reports can draw: printable ASCII
  plus every non-ASCII character in the project's text files (``data/``, ``notebooks/``,
  ``src/helpers/``), so text other work adds later is covered without touching this module;
* :func:`make_subset` keeps those glyphs, converts the CFF outlines to TrueType (Chromium then embeds
  a named CID TrueType font in the PDFs; matplotlib draws it alike), sets the computed mark † (full
  width in the CJK font) proportionally (:data:`NARROW`) and names the family
  :data:`FAMILY`, distinct from the system's "Noto Sans CJK SC", so the shipped file always wins.

The output is byte-reproducible (fixed timestamps), so regenerating without new text changes nothing.
"""
from __future__ import annotations

import argparse
import os
import unicodedata
from io import BytesIO
from pathlib import Path

from ..base import paths
from ..base.fileio import write_bytes_atomic, write_text_atomic

FAMILY = "Noto Sans CJK SC Subset"
#: The shipped font's folder; ``XN_FONT_DIR`` points elsewhere (tests use it to take the font away).
FONT_DIR: Path = Path(os.environ.get("XN_FONT_DIR") or paths.ROOT / "fonts")
WEIGHTS: dict[str, int] = {"Regular": 400, "Bold": 700}
SYSTEM_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk")
SOURCE_FACE = "Noto Sans CJK SC"
#: Text files searched for characters: folder (relative to the root) -> file suffixes.
SOURCES: dict[str, tuple[str, ...]] = {
    "data": (".csv", ".json", ".txt", ".md", ".yml", ".yaml", ".ipynb", ".py"),
    "notebooks": (".ipynb", ".md"),
    "src/helpers": (".py", ".html", ".css", ".md", ".txt", ".json", ".csv", ".yml", ".yaml", ".j2"),
}
#: Characters whose full-width CJK glyph is set proportionally in the subset (the computed mark sits
#: right after a digit: "22†", not "22 † "), with this side bearing in font units (em = 1000).
NARROW: str = "\u2020"
NARROW_SIDE = 60
#: Fixed font timestamp (seconds since 1904-01-01): regenerating gives the same bytes.
TIMESTAMP = 3_786_825_600  # 2024-01-01


def font_path(weight: str, folder: Path | None = None) -> Path:
    """The shipped subset file of ``weight`` ("Regular" or "Bold")."""
    return (FONT_DIR if folder is None else folder) / f"NotoSansCJKsc-Subset-{weight}.ttf"


def _drawable(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "CZ" or ch in "\u3000\u00a0"


def source_files(root: Path = paths.ROOT) -> list[Path]:
    """Every project text file whose characters may end up on a chart or a report page."""
    files: list[Path] = []
    for folder, suffixes in SOURCES.items():
        base = root / folder
        files += sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in suffixes
                        and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts)
    return files


def collect_chars(root: Path = paths.ROOT) -> set[str]:
    """Printable ASCII plus every drawable non-ASCII character of :func:`source_files`."""
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for path in source_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        chars.update(c for c in text if ord(c) > 0x7E and _drawable(c))
    return chars


def charset(folder: Path | None = None) -> set[str] | None:
    """Every character ``make fonts`` last saw (``charset.txt``: those in the subset, then those Noto Sans CJK SC
    lacks, drawn by a fallback font); None without the file."""
    try:
        lines = ((FONT_DIR if folder is None else folder) / "charset.txt").read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return {chr(c) for c in range(0x20, 0x7F)} | set("".join(lines[1:]))


def uncovered(root: Path = paths.ROOT, article: Path | None = None, folder: Path | None = None) -> dict[str, Path]:
    """Characters of the kit's text and of ``article``'s folder (default: the chosen article's) that the shipped
    subset in ``folder`` has not seen, each with the first file using it: empty once ``make fonts`` has run.
    Other articles' folders are not read (each is covered when it is committed, as the tests check)."""
    seen = charset(folder)
    if seen is None:
        return {}  # no charset.txt: the font check of the build names the missing fonts/ files
    articles = root / "data" / "articles"
    article = root / paths.ARTICLE_DIR.relative_to(paths.ROOT) if article is None else article
    out: dict[str, Path] = {}
    for path in source_files(root):
        if path.is_relative_to(articles) and not path.is_relative_to(article):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for c in set(text) - seen - out.keys():
            if _drawable(c):
                out[c] = path
    return out


def find_source(weight: str) -> tuple[Path, int]:
    """(collection file, face index) of the system's Noto Sans CJK SC in ``weight``."""
    from fontTools.ttLib import TTCollection

    for folder in SYSTEM_DIRS:
        path = Path(folder) / f"NotoSansCJK-{weight}.ttc"
        if path.is_file():
            for i, font in enumerate(TTCollection(str(path), lazy=True).fonts):
                if font["name"].getDebugName(1) == SOURCE_FACE:
                    return path, i
    raise SystemExit(f"fonts: Noto Sans CJK SC {weight} not found in {', '.join(SYSTEM_DIRS)}; "
                     "install it (`sudo apt-get install fonts-noto-cjk`) to regenerate the subset")


def _to_truetype(font) -> None:
    """Replace CFF outlines by quadratic TrueType ones (in place)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones, maxp.numGlyphs = 1, len(order)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _narrow(font, chars: str = NARROW, side: int = NARROW_SIDE) -> None:
    """Give each of ``chars`` a proportional advance: its outline moved to ``side`` units from the left."""
    cmap, glyf, hmtx = font.getBestCmap(), font["glyf"], font["hmtx"]
    for ch in chars:
        name = cmap.get(ord(ch))
        if name is None:
            continue
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        if glyph.numberOfContours <= 0:
            continue
        shift = side - glyph.xMin
        glyph.coordinates.translate((shift, 0))
        glyph.recalcBounds(glyf)
        hmtx[name] = (glyph.xMax - glyph.xMin + 2 * side, side)


def _rename(font, weight: str) -> None:
    """Name the subset :data:`FAMILY` (weight ``weight``) so it never mixes with the system font."""
    name = font["name"]
    ps = f"NotoSansCJKsc-Subset-{weight}"
    for nid in (1, 2, 3, 4, 6, 16, 17):
        name.removeNames(nameID=nid)
    for nid, value in ((1, FAMILY), (2, weight), (3, f"{ps};subset"), (4, f"{FAMILY} {weight}"), (6, ps)):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)
    bold = weight == "Bold"
    os2, head = font["OS/2"], font["head"]
    os2.usWeightClass = WEIGHTS[weight]
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    head.macStyle = (head.macStyle & ~1) | (1 if bold else 0)


def make_subset(source: tuple[Path, int], chars: set[str], weight: str) -> tuple[bytes, set[str]]:
    """The TrueType subset of ``source`` for ``chars``, and the characters the source lacks."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source[0]), fontNumber=source[1], lazy=False, recalcTimestamp=False)
    cmap = font.getBestCmap()
    missing = {c for c in chars if ord(c) not in cmap}
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = True
    opts.layout_features = []  # matplotlib does not shape; Chromium needs only the mapped glyphs
    opts.glyph_names = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(c) for c in chars if c not in missing))
    sub.subset(font)
    _to_truetype(font)
    _narrow(font)
    _rename(font, weight)
    font["head"].created = font["head"].modified = TIMESTAMP
    buf = BytesIO()
    font.save(buf)
    return buf.getvalue(), missing


def _licence(source: Path) -> str:
    """The OFL text shipped with the font, with the copyright line of the original."""
    from fontTools.ttLib import TTCollection

    copyright_ = TTCollection(str(source), lazy=True).fonts[0]["name"].getDebugName(0) or ""
    return LICENCE_HEAD.format(copyright=copyright_) + OFL_TEXT


def regenerate(folder: Path = FONT_DIR, root: Path = paths.ROOT) -> dict[str, object]:
    """Write both subsets, ``charset.txt`` and ``OFL.txt`` into ``folder``; return a summary."""

    chars = collect_chars(root)
    missing: set[str] = set()
    sizes = {}
    for weight in WEIGHTS:
        source = find_source(weight)
        data, lacks = make_subset(source, chars, weight)
        missing |= lacks
        write_bytes_atomic(font_path(weight, folder), data)
        sizes[weight] = len(data)
    covered = "".join(sorted(chars - missing))
    write_text_atomic(folder / "charset.txt",
                      "# Characters in the shipped subset (python -m helpers.text.fontsubset), then those the font lacks\n"
                      f"{covered}\n{''.join(sorted(missing))}\n")
    write_text_atomic(folder / "OFL.txt", _licence(find_source("Regular")[0]))
    return {"characters": len(chars) - len(missing), "missing": "".join(sorted(missing)), "bytes": sizes}


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the shipped font subset."""
    p = argparse.ArgumentParser(prog="python -m helpers.text.fontsubset", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=FONT_DIR, help="folder (default: fonts/)")
    args = p.parse_args(argv)
    summary = regenerate(args.out)
    sizes = ", ".join(f"{w} {b / 1024:.0f} KiB" for w, b in summary["bytes"].items())  # type: ignore[union-attr]
    print(f"fonts: {summary['characters']} characters -> {args.out} ({sizes})")
    if summary["missing"]:
        print(f"fonts: not in Noto Sans CJK SC (drawn by a fallback font): {summary['missing']}")
    return 0


LICENCE_HEAD = """The files NotoSansCJKsc-Subset-Regular.ttf and NotoSansCJKsc-Subset-Bold.ttf are a Modified
Version of Noto Sans CJK SC (https://github.com/notofonts/noto-cjk): cut down to the characters
this project draws, outlines converted to TrueType, family renamed "Noto Sans CJK SC Subset".
Regenerate them with `make fonts` (python -m helpers.text.fontsubset).

{copyright}

"""

OFL_TEXT = """SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007
-----------------------------------------------------------

PREAMBLE
The goals of the Open Font License (OFL) are to stimulate worldwide
development of collaborative font projects, to support the font creation
efforts of academic and linguistic communities, and to provide a free and
open framework in which fonts may be shared and improved in partnership
with others.

The OFL allows the licensed fonts to be used, studied, modified and
redistributed freely as long as they are not sold by themselves. The
fonts, including any derivative works, can be bundled, embedded,
redistributed and/or sold with any software provided that any reserved
names are not used by derivative works. The fonts and derivatives,
however, cannot be released under any other type of license. The
requirement for fonts to remain under this license does not apply
to any document created using the fonts or their derivatives.

DEFINITIONS
"Font Software" refers to the set of files released by the Copyright
Holder(s) under this license and clearly marked as such. This may
include source files, build scripts and documentation.

"Reserved Font Name" refers to any names specified as such after the
copyright statement(s).

"Original Version" refers to the collection of Font Software components as
distributed by the Copyright Holder(s).

"Modified Version" refers to any derivative made by adding to, deleting,
or substituting -- in part or in whole -- any of the components of the
Original Version, by changing formats or by porting the Font Software to a
new environment.

"Author" refers to any designer, engineer, programmer, technical
writer or other person who contributed to the Font Software.

PERMISSION & CONDITIONS
Permission is hereby granted, free of charge, to any person obtaining
a copy of the Font Software, to use, study, copy, merge, embed, modify,
redistribute, and sell modified and unmodified copies of the Font
Software, subject to the following conditions:

1) Neither the Font Software nor any of its individual components,
in Original or Modified Versions, may be sold by itself.

2) Original or Modified Versions of the Font Software may be bundled,
redistributed and/or sold with any software, provided that each copy
contains the above copyright notice and this license. These can be
included either as stand-alone text files, human-readable headers or
in the appropriate machine-readable metadata fields within text or
binary files as long as those fields can be easily viewed by the user.

3) No Modified Version of the Font Software may use the Reserved Font
Name(s) unless explicit written permission is granted by the corresponding
Copyright Holder. This restriction only applies to the primary font name as
presented to the users.

4) The name(s) of the Copyright Holder(s) and the Author(s) of the Font
Software shall not be used to promote, endorse or advertise any
Modified Version, except to acknowledge the contribution(s) of the
Copyright Holder(s) and the Author(s) or with their explicit written
permission.

5) The Font Software, modified or unmodified, in part or in whole,
must be distributed entirely under this license, and must not be
distributed under any other license. The requirement for fonts to
remain under this license does not apply to any document created
using the Font Software.

TERMINATION
This license becomes null and void if any of the above conditions are
not met.

DISCLAIMER
THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO ANY WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT
OF COPYRIGHT, PATENT, TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL THE
COPYRIGHT HOLDER BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
INCLUDING ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR CONSEQUENTIAL
DAMAGES, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF THE USE OR INABILITY TO USE THE FONT SOFTWARE OR FROM
OTHER DEALINGS IN THE FONT SOFTWARE.
"""

if __name__ == "__main__":
    raise SystemExit(main())
