"""A Chinese (CJK) font for matplotlib, or a clear warning and English labels.

``setup(language)`` finds a CJK font, puts it first in ``font.sans-serif`` (Latin text is drawn
with it too, so English charts can name the source in Chinese) and sets
``axes.unicode_minus = False`` (some CJK fonts lack U+2212). It returns the language the
charts can actually use: ``"zh"`` only when a CJK font exists. Without one it warns once,
with the fix, and returns ``"en"``: charts then carry English labels, never boxes.

Call ``setup`` after ``seaborn.set_theme()`` (which resets rcParams), or pass the font through
``set_theme(rc=helpers.fonts.rc())``.

Where the font is looked for, in order: matplotlib's font list (cached in
``~/.cache/matplotlib``), well-known file paths on Linux, macOS and Windows, then
``fc-list :lang=zh``. A file found on disk but missing from matplotlib's cache (the cache
predates the install) is added with ``fontManager.addfont``.
"""
from __future__ import annotations

import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

__all__ = ["CJKFont", "find_cjk_font", "setup", "resolve_language", "cjk_available", "rc",
           "MissingCJKFontWarning", "LANGUAGES"]

LANGUAGES = ("en", "zh")

#: Families that render Simplified Chinese well, best first.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "SimHei", "Heiti SC", "STHeiti", "Droid Sans Fallback",
    "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans",
)
#: Families that draw nothing (or badly) at small sizes: never used.
AVOID: tuple[str, ...] = ("AR PL UMing", "AR PL UKai")

#: Where those fonts usually live.
KNOWN_FILES: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/NotoSansCJKsc-Regular.otf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)

FIX = ("install one: `sudo apt-get install fonts-noto-cjk` (Debian/Ubuntu), "
       "`brew install --cask font-noto-sans-cjk-sc` (macOS); Windows ships Microsoft YaHei. "
       "Then restart the kernel")


class MissingCJKFontWarning(UserWarning):
    """No font able to draw Chinese was found; charts fall back to English labels."""


@dataclass(frozen=True)
class CJKFont:
    family: str
    path: str


_found: CJKFont | None = None
_searched = False
_warned = False


def _families_in_matplotlib() -> dict[str, str]:
    return {f.name: f.fname for f in font_manager.fontManager.ttflist}


def _pick(families: dict[str, str]) -> CJKFont | None:
    for family in CJK_FAMILIES:
        if family in families:
            return CJKFont(family, families[family])
    return None


def _fc_list_files() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", "--format", "%{file}\n", ":lang=zh"],
                             capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.strip() for line in out.splitlines() if line.strip()})
    # Sans, regular faces first: they read best in charts.
    return sorted(files, key=lambda f: ("Serif" in f, "Bold" in f, "Mono" in f, f))


def find_cjk_font(refresh: bool = False) -> CJKFont | None:
    """The CJK font matplotlib will use, or None. Searches once per process unless ``refresh``."""
    global _found, _searched
    if _searched and not refresh:
        return _found
    found = _pick(_families_in_matplotlib())
    if found is None:
        known = set(_families_in_matplotlib().values())
        for path in (*KNOWN_FILES, *_fc_list_files()):
            if not Path(path).is_file() or path in known:
                continue
            try:
                font_manager.fontManager.addfont(path)
            except Exception:  # unreadable or unsupported file: try the next one
                continue
            families = _families_in_matplotlib()
            found = _pick(families)
            if found is None:  # an unlisted CJK family from fc-list: use it unless avoided
                names = [n for n, f in families.items() if f == path and n not in AVOID]
                found = CJKFont(names[0], path) if names else None
            if found is not None:
                break
    _found, _searched = found, True
    return found


def cjk_available() -> bool:
    """True when Chinese text can be drawn."""
    return find_cjk_font() is not None


def _warn_once() -> None:
    global _warned
    if _warned:
        return
    _warned = True
    warnings.warn(f"No Chinese (CJK) font found for matplotlib; charts use English labels. "
                  f"To get Chinese labels, {FIX}.", MissingCJKFontWarning, stacklevel=3)


def resolve_language(language: str) -> str:
    """``language`` if it can be drawn here, else ``"en"`` (warning once)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    if language == "zh" and not cjk_available():
        _warn_once()
        return "en"
    return language


def rc() -> dict[str, object]:
    """The rcParams :func:`setup` applies (for ``seaborn.set_theme(rc=...)``)."""
    font = find_cjk_font()
    sans = [f for f in mpl.rcParamsDefault["font.sans-serif"] if f != "DejaVu Sans"]
    if font is None:
        return {"font.family": ["sans-serif"], "font.sans-serif": ["DejaVu Sans", *sans]}
    return {"font.family": ["sans-serif"],
            "font.sans-serif": [font.family, "DejaVu Sans", *sans],
            "axes.unicode_minus": False}


def setup(language: str = "en") -> str:
    """Configure matplotlib's fonts; return the label language to use (``"en"`` or ``"zh"``)."""
    language = resolve_language(language)
    mpl.rcParams.update(rc())
    return language
