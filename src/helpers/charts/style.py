"""What every chart shares: language, colours, title/subtitle/source frame, number formats, saving.

Charts are built on ``matplotlib.figure.Figure`` objects that pyplot does not track (no global
state, nothing shown twice in notebooks). Fonts come from :mod:`helpers.fonts`.
"""
from __future__ import annotations

import io
import json
import textwrap
import unicodedata
from functools import lru_cache
from pathlib import Path

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import fonts, paths
from ..fileio import write_bytes_atomic

__all__ = ["resolve", "tr", "fmt", "count_label", "source_line", "new_figure", "frame", "save",
           "COLORS", "SVG_HASHSALT", "DPI", "figure_language"]

COLORS = {
    "main": "#2f5f8f",       # counts
    "main_light": "#9db7d1",
    "side": "#8c8c8c",       # side branch, context
    "accent": "#c0392b",     # unit changes, things to notice
    "uncertain": "#c9d6e3",  # faded: the date is known only to a ten-day period or month
    "special": "#d08c2c",
    "follow_up": "#7a7a7a",
    "text": "#222222",
    "muted": "#555555",
}
TITLE_SIZE = 13.5
SUBTITLE_SIZE = 9.5
LABEL_SIZE = 9.5
SMALL_SIZE = 8.5
SOURCE_SIZE = 7.5
DPI = 170
SVG_HASHSALT = "xianning-inspection-2017-04-25"


def resolve(language: str) -> str:
    """The language a chart will use (``zh`` falls back to ``en`` without a CJK font)."""
    return fonts.resolve_language(language)


def tr(language: str, en: str, zh: str) -> str:
    """Pick the English or Chinese text."""
    return zh if language == "zh" else en


def zh_ok() -> bool:
    """Whether Chinese characters may appear (e.g. measure words in English labels)."""
    return fonts.cjk_available()


def fmt(value: float, digits: int = 1) -> str:
    """409 -> '409', 25969 -> '25,969', 11.588 -> '11.6', 18.8 -> '18.8'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def count_label(value: float, unit_zh: str, noun_en: str, language: str) -> str:
    """'409 条' in Chinese; '409 leads (条)' in English (the measure word only if drawable)."""
    if language == "zh":
        return f"{fmt(value)} {unit_zh}"
    return f"{fmt(value)} {noun_en}" + (f" ({unit_zh})" if zh_ok() else "")


@lru_cache(maxsize=1)
def _meta() -> dict:
    return json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))


def source_line(language: str) -> str:
    """The article, named so a reader can find it."""
    m = _meta()
    date = m["published"][:10]
    if language == "zh":
        return f"来源：{m['outlet']}，{date}，《{m['title']}》（通讯员 咸纪轩）"
    if zh_ok():
        return (f"Source: {m['outlet']} ({m['outlet_en']}), {date}, “{m['title']}” "
                f"(“{m['title_en']}”)")
    return f"Source: {m['outlet_en']} (Xianning News Network), {date}, “{m['title_en']}”"


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> str:
    """Wrap to ``width`` columns (a Chinese character counts two); keeps explicit newlines."""
    lines: list[str] = []
    for para in text.split("\n"):
        if _display_width(para) == len(para):
            lines.extend(textwrap.wrap(para, width, break_on_hyphens=False) or [""])
            continue
        line, w = "", 0
        for token in _tokens(para):
            tw = _display_width(token)
            if w + tw > width and line.strip() and token not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, w = token.lstrip(), _display_width(token.lstrip())
            else:
                line, w = line + token, w + tw
        lines.append(line.rstrip())
    return "\n".join(lines)


_NO_LINE_START = set("，。、；：）》」』！？”,.;:)")


def _tokens(text: str) -> list[str]:
    """Split into wide characters (each breakable) and runs of narrow ones (kept whole)."""
    out: list[str] = []
    run = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            if run:
                out.extend(_split_words(run))
                run = ""
            out.append(ch)
        else:
            run += ch
    if run:
        out.extend(_split_words(run))
    return out


def _split_words(run: str) -> list[str]:
    parts = run.split(" ")
    return [p + (" " if i < len(parts) - 1 else "") for i, p in enumerate(parts) if p or i < len(parts) - 1]


def _columns(width_in: float, size: float) -> int:
    return int(width_in * 72 / (size * 0.56))


def new_figure(width: float, height: float, language: str) -> Figure:
    """A white figure not tracked by pyplot, remembering its label language."""
    fig = Figure(figsize=(width, height), facecolor="white")
    FigureCanvasAgg(fig)
    fig._xn_language = language  # read by save() for the file name
    return fig


def figure_language(fig: Figure) -> str:
    return getattr(fig, "_xn_language", "en")


def frame(fig: Figure, language: str, title: str, subtitle: str = "", note: str = "",
          left: float = 0.35, right: float = 0.3, axis_pad: float = 0.55) -> tuple[float, float, float, float]:
    """Draw title, subtitle, footnote and source line; return the free rect (l, b, w, h) in figure fractions.

    ``axis_pad`` (inches) is kept free above the footnote for the x axis' ticks and label.

    The title states the finding, the subtitle answers "of what?", the note carries caveats.
    """
    w_in, h_in = fig.get_size_inches()
    x0 = left / w_in
    y = h_in - 0.22
    title = wrap(title, _columns(w_in - left - right, TITLE_SIZE * 1.05))
    t = fig.text(x0, y / h_in, title, ha="left", va="top", fontsize=TITLE_SIZE, fontweight="bold",
                 color=COLORS["text"], gid="title")
    y -= (title.count("\n") + 1) * TITLE_SIZE * 1.3 / 72 + 0.06
    if subtitle:
        subtitle = wrap(subtitle, _columns(w_in - left - right, SUBTITLE_SIZE))
        fig.text(x0, y / h_in, subtitle, ha="left", va="top", fontsize=SUBTITLE_SIZE,
                 color=COLORS["muted"], gid="subtitle")
        y -= (subtitle.count("\n") + 1) * SUBTITLE_SIZE * 1.35 / 72
    top = y - 0.2
    yb = 0.12
    src = wrap(source_line(language), _columns(w_in - left - right, SOURCE_SIZE))
    fig.text(x0, yb / h_in, src, ha="left", va="bottom", fontsize=SOURCE_SIZE,
             color=COLORS["muted"], gid="source")
    yb += (src.count("\n") + 1) * SOURCE_SIZE * 1.35 / 72 + 0.04
    if note:
        note = wrap(note, _columns(w_in - left - right, SOURCE_SIZE + 0.5))
        fig.text(x0, yb / h_in, note, ha="left", va="bottom", fontsize=SOURCE_SIZE + 0.5,
                 color=COLORS["muted"], gid="note")
        yb += (note.count("\n") + 1) * (SOURCE_SIZE + 0.5) * 1.35 / 72
    bottom = yb + 0.1 + axis_pad
    del t
    return (x0, bottom / h_in, 1 - x0 - right / w_in, (top - bottom) / h_in)


def tidy_axes(ax, grid_x: bool = True) -> None:
    """Light frame: no top/right spines, faint vertical grid behind the bars."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#888888")
    if grid_x:
        ax.xaxis.grid(True, color="#e3e3e3", lw=0.7)
        ax.set_axisbelow(True)
    ax.tick_params(colors="#444444", labelsize=SMALL_SIZE)


def save(fig: Figure, name: str, language: str | None = None, directory: Path | None = None,
         formats: tuple[str, ...] = ("png", "svg"), dpi: int = DPI) -> list[Path]:
    """Write ``{name}.{language}.{png,svg}`` atomically and byte-for-byte reproducibly.

    PNG without the 'Software' tag, SVG without a date and with a fixed hash salt (element ids),
    text as paths (the SVG shows Chinese without the font installed).
    """
    language = language or figure_language(fig)
    directory = Path(directory) if directory is not None else paths.FIGURES
    written: list[Path] = []
    for fmt_ in formats:
        buf = io.BytesIO()
        metadata = {"png": {"Software": None}, "svg": {"Date": None},
                    "pdf": {"CreationDate": None, "ModDate": None}}.get(fmt_, {})
        with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
            fig.savefig(buf, format=fmt_, dpi=dpi, metadata=metadata, facecolor="white")
        path = directory / f"{name}.{language}.{fmt_}"
        write_bytes_atomic(path, buf.getvalue())
        written.append(path)
    return written


def texts(fig: Figure) -> list[str]:
    """Every text drawn on the figure (titles, labels, tick labels, annotations): for tests."""
    from matplotlib.text import Text

    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def show(fig: Figure, png: bytes | None = None):
    """An IPython image of the figure (the notebook displays it; no pyplot involved)."""
    from IPython.display import Image

    if png is None:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
        png = buf.getvalue()
    return Image(data=png, width=int(fig.get_figwidth() * 90))


def publish(fig: Figure, name: str, language: str | None = None, directory: Path | None = None):
    """Save ``fig`` as ``{name}.{language}.png/.svg`` (see :func:`save`) and return the saved PNG
    for display, so the notebook shows exactly the file a reader can reuse."""
    paths_ = save(fig, name, language, directory)
    png = next(p for p in paths_ if p.suffix == ".png")
    return show(fig, png.read_bytes())
