"""An output made without a usable font is a failure. A printed PDF is only an output when it embeds a font and holds text: a browser that found no usable font
prints blank pages (exit 0), and such a file must fail, never be kept as up to date.

:func:`check_pdf` asks poppler (``pdffonts``, ``pdftotext``) when it is installed, else looks for an embedded
font program in the file itself. :func:`check_fontconfig` catches the usual cause before anything is printed:
a fontconfig that finds no font at all (``FONTCONFIG_FILE`` pointing at an empty configuration).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .errors import DataError

__all__ = ["pdf_problem", "check_pdf", "check_fontconfig", "check_glyphs"]


def _fix() -> str:
    conf = os.environ.get("FONTCONFIG_FILE")
    where = f" (FONTCONFIG_FILE={conf} is set: unset it or point it at a working configuration)" if conf else ""
    return (f"make fontconfig find fonts{where}: `fc-list` must list some (Debian/Ubuntu: "
            "`sudo apt-get install fonts-noto-cjk`), then run the build again")


def _run(*cmd: str) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def pdf_problem(pdf: Path) -> str | None:
    """What makes ``pdf`` unusable (no embedded font, no text), or None."""
    if shutil.which("pdffonts") and (listing := _run("pdffonts", str(pdf))) is not None:
        rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        embedded = any(len(r) >= 5 and r[-5] == "yes" for r in rows)
    else:
        embedded = b"/FontFile" in Path(pdf).read_bytes()
    if not embedded:
        return "the printed PDF embeds no font (the browser found no usable font, so its pages are blank)"
    if shutil.which("pdftotext") and (text := _run("pdftotext", "-q", str(pdf), "-")) is not None and not text.split():
        return "the printed PDF holds no text"
    return None


def check_pdf(pdf: Path, name: Path | None = None) -> None:
    """Raise one DataError naming ``name`` (default ``pdf``) when ``pdf`` embeds no font or holds no text."""
    if problem := pdf_problem(Path(pdf)):
        raise DataError(name or pdf, "fonts", problem, _fix())


def check_fontconfig() -> None:
    """Raise one DataError when fontconfig (what Chromium draws with on Linux) finds no font at all."""
    if not sys.platform.startswith("linux") or not shutil.which("fc-list"):
        return
    listing = _run("fc-list", ":", "file")
    if listing is not None and not listing.strip():
        conf = os.environ.get("FONTCONFIG_FILE")
        raise DataError(conf or "fontconfig", "fonts", "fontconfig finds no font, so every PDF would print blank; "
                        "nothing was built", _fix())


def check_glyphs(notebook: Any, path: Path) -> None:
    """Raise one DataError when an executed ``notebook`` reports a character its font lacks (a box in a chart:
    matplotlib's "Glyph … missing from font(s)"), naming the notebook, the cell and the fix."""
    for n, cell in enumerate(notebook.get("cells", []), start=1):
        for output in cell.get("outputs", []):
            text = str(output.get("text", ""))
            if "missing from font" in text:
                line = next(ln for ln in text.splitlines() if "missing from font" in ln)
                what = line.split("UserWarning:")[-1].strip()[:120]
                raise DataError(path, f"cell {n}", f"a chart drew a character no font has ({what})",
                                "restore the shipped font (`git checkout fonts/`), or run `make fonts` after "
                                "adding text, then build again")
