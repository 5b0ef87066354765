"""The project's fonts for matplotlib: the shipped Noto Sans CJK SC subset first, then a system CJK font.

``setup(language)`` loads the subset shipped in ``fonts/`` (Regular and Bold, see
:mod:`helpers.text.fontsubset`) with ``fontManager.addfont`` (whatever matplotlib's font cache holds),
puts it first in ``font.sans-serif`` (Latin text is drawn with it too), then a system CJK font if
one is installed (for a character outside the subset), then DejaVu Sans; it sets
``axes.unicode_minus = False``. Every machine thus draws the same glyphs and the committed figures
come out byte-identical. It returns the language the charts can actually use: ``"zh"`` whenever a
CJK font exists. Without the shipped files and without a system CJK font it warns once, with the
fix, and returns ``"en"``: charts then carry English labels, never boxes.

Call ``setup`` after ``seaborn.set_theme()`` (which resets rcParams), or pass the font through
``set_theme(rc=helpers.text.fonts.rc())``.

The system CJK font is looked for in matplotlib's font list, well-known file paths on Linux, macOS
and Windows, then ``fc-list :lang=zh``. ``XN_SYSTEM_CJK=0`` in the environment ignores every
system CJK font (to check what a machine without one draws).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

from .fontsubset import FAMILY, WEIGHTS, font_path

__all__ = ["CJKFont", "find_cjk_font", "shipped_font", "system_cjk_font", "setup", "resolve_language", "cjk_available", "rc",
           "MissingCJKFontWarning", "UncoveredCharactersWarning", "check_coverage", "LANGUAGES"]

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

FIX = ("restore the project's fonts/ folder (`git checkout -- fonts`) or install a CJK font: "
       "`sudo apt-get install fonts-noto-cjk` (Debian/Ubuntu), `brew install --cask font-noto-sans-cjk-sc` (macOS); Windows ships Microsoft YaHei. "
       "Then restart the kernel")


class ShippedFontWarning(UserWarning):
    """The shipped font subset is missing or damaged (another font draws the charts)."""


class MissingCJKFontWarning(UserWarning):
    """No font able to draw Chinese was found; charts fall back to English labels."""


@dataclass(frozen=True)
class CJKFont:
    family: str
    path: str


_found: CJKFont | None = None
_searched = False
_warned = False
_system: CJKFont | None = None
_system_searched = False
_loaded: dict[str, bool] = {}


def shipped_font() -> CJKFont | None:
    """The shipped subset, loaded into matplotlib (once per process), or None if its files are gone."""
    from ..base.envcheck import font_problem

    regular = font_path("Regular")
    for weight in WEIGHTS:
        path = font_path(weight)
        if str(path) not in _loaded:
            problem = font_problem(path)  # missing, truncated, random bytes: never drawn with, and said so
            ok = problem is None
            if problem and path.parent.is_dir():  # (a folder taken away on purpose, as tests do, stays quiet)
                warnings.warn(f"{path}: the shipped font {problem}; charts fall back to a system font and differ "
                              f"from the committed ones. Fix: `git checkout fonts/` (or `make fonts`)",
                              ShippedFontWarning, stacklevel=2)
            if ok:
                try:
                    font_manager.fontManager.addfont(str(path))
                except Exception:  # a damaged file: behave as if it were missing
                    ok = False
            _loaded[str(path)] = ok
    return CJKFont(FAMILY, str(regular)) if _loaded.get(str(regular)) else None


def _families_in_matplotlib() -> dict[str, str]:
    return {f.name: f.fname for f in font_manager.fontManager.ttflist if f.name != FAMILY}


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


def system_cjk_font(refresh: bool = False) -> CJKFont | None:
    """A CJK font installed on this machine (the fallback after the subset), or None.

    A file found on disk but missing from matplotlib's cache (the cache predates the install) is
    added with ``fontManager.addfont``. ``XN_SYSTEM_CJK=0`` makes this return None.
    """
    global _system, _system_searched
    if _system_searched and not refresh:
        return _system
    found = None
    if os.environ.get("XN_SYSTEM_CJK", "1") != "0":
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
    _system, _system_searched = found, True
    return found


def find_cjk_font(refresh: bool = False) -> CJKFont | None:
    """The CJK font charts are drawn with: the shipped subset, else a system font, else None."""
    global _found, _searched
    if _searched and not refresh:
        return _found
    _found, _searched = shipped_font() or system_cjk_font(refresh), True
    return _found


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
    fallback = system_cjk_font()
    first = [font.family] + ([fallback.family] if fallback and fallback.family != font.family else [])
    return {"font.family": ["sans-serif"],
            "font.sans-serif": [*first, "DejaVu Sans", *sans],
            "axes.unicode_minus": False}


class UncoveredCharactersWarning(UserWarning):
    """The chosen article (or the kit) uses characters the shipped subset lacks: ``make fonts`` has not run."""


_coverage_checked = False


def check_coverage() -> None:
    """Warn once, in one line naming ``make fonts``, when the article's text has characters the shipped subset
    lacks (in Lab they are drawn with the system CJK font, or as boxes; the build stops on them instead)."""
    global _coverage_checked
    if _coverage_checked:
        return
    _coverage_checked = True
    from ..base.errors import repo_path
    from .fontsubset import uncovered

    found = uncovered()
    if found:
        fallback = system_cjk_font()
        chars = "".join(sorted(found))
        warnings.warn(f"{repo_path(found[min(found)])}: characters {chars[:20]} are not in the shipped font subset; "
                      f"charts draw them with {fallback.family if fallback else 'no font (boxes)'} and differ from a "
                      "build. Fix: run `make fonts`, then restart the kernel", UncoveredCharactersWarning, stacklevel=3)


def setup(language: str = "en") -> str:
    """Configure matplotlib's fonts; return the label language to use (``"en"`` or ``"zh"``)."""
    language = resolve_language(language)
    mpl.rcParams.update(rc())
    check_coverage()
    return language
