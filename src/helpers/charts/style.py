"""What every chart shares: language, colours, title/subtitle/source frame, number formats, saving.

Charts are built on ``matplotlib.figure.Figure`` objects that pyplot does not track (no global
state, nothing shown twice in notebooks). Fonts come from :mod:`helpers.text.fonts`.
"""
from __future__ import annotations

import calendar
import io
import json
import textwrap
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..text import datetext, prose, wording
from ..base import paths
from ..base.fileio import write_bytes_if_changed
from ..parse.numerals import DIGITS

__all__ = ["resolve", "label", "values", "period", "month", "day", "source_line", "new_figure", "frame",
           "save", "COLORS", "SVG_HASHSALT", "DPI", "figure_language", "PRINT_WIDTH_IN", "MIN_PRINT_PT",
           "print_scale", "smallest_print_size"]

COLORS = {
    "main": "#2f5f8f",       # counts
    "main_light": "#9db7d1",
    "side": "#8c8c8c",       # side branch, context
    "accent": "#c0392b",     # unit changes, things to notice
    "uncertain": "#c9d6e3",  # faded: the date is known only to a ten-day period or month
    "special": "#9c5f14",    # dark enough for white text on it (5.2:1, WCAG AA)
    "routine_dark": "#1a5c50",  # alternate years of the routine scope (plan-pace)
    "routine": "#237a6a",    # routine inspections (not the same units as any round); 5.2:1 with white
    "follow_up": "#6b6b6b",
    "text": "#222222",
    "muted": "#555555",
}
#: Every chart is drawn this wide (inches) ...
WIDTH_IN = 7.0
#: ... and the reports print it at most this wide (A4 less margins and the output prompt; measured
#: in reports/en/02-funnel.pdf with pdfimages: 1360 px at 217 ppi = 6.27 in):
PRINT_WIDTH_IN = 6.25
#: the smallest text a reader sees on paper (points).
MIN_PRINT_PT = 7.0
TITLE_SIZE = 12.5
SUBTITLE_SIZE = 9.5
LABEL_SIZE = 9.5
SMALL_SIZE = 8.5
SOURCE_SIZE = 8.0
DPI = 170
SVG_HASHSALT = "xianning-inspection-2017-04-25"


def resolve(language: str) -> str:
    """The language a chart will use (``zh`` falls back to ``en`` without a CJK font)."""
    return wording.language(language)


def label(key: str, language: str, extra: Mapping[str, float | str] | None = None) -> str:
    """The reader-facing text ``key`` from data/curated/labels.csv, numbers filled from ``extra``
    (values taken from the tables the chart was given) and the tidy tables."""
    return wording.text(key, language, extra)


def values(*tables: pd.DataFrame) -> dict[str, float]:
    """figure_id / derived_id -> value for the tables a chart was given (they win over the files)."""
    return prose.values_of(*tables)


def ordinal(n: int, language: str) -> dict[str, str | int]:
    """Placeholders for 'round {round}' / '第{round_zh}轮'."""
    return {"round": n, "round_zh": next(ch for ch, v in DIGITS.items() if v == n)}  # the parser's numerals: 一, 二 ...


def month(ts, language: str, year: bool = True) -> str:
    """'July 2016' / '2016年7月'."""
    return datetext.month(pd.Timestamp(ts), language, year)


def day(ts, language: str) -> str:
    """'25 April 2017' / '2017年4月25日'."""
    return datetext.day(pd.Timestamp(ts), language)


def period(start_earliest, precision: str, language: str, year: bool = False) -> str:
    """The period a date is known to: 'late February' / '2月下旬' (旬), or the month, or the day."""
    return datetext.period(pd.Timestamp(start_earliest), precision, language, year)


@lru_cache(maxsize=1)
def _meta() -> dict:
    return json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))


def source_line(language: str) -> str:
    """The article, named from its metadata: outlet, date, title, contributor; led by the notice that it is
    invented when its metadata says so."""
    m = _meta()
    keys = ("outlet", "outlet_en", "title", "title_en", "byline", "byline_en")
    line = label("source", language, {"date": m["published"][:10], **{k: m[k] for k in keys}})
    if m.get("invented"):  # an invented article says so on every chart (notice.invented)
        line = f"{label('notice.invented', language)}{'。' if language == 'zh' else '. '}{line}"
    return line


def print_scale(fig: Figure) -> float:
    """How much smaller than drawn the figure prints on an A4 report page."""
    return min(1.0, PRINT_WIDTH_IN / fig.get_figwidth())


def smallest_print_size(fig: Figure) -> tuple[float, str]:
    """The smallest font size (points, as printed) of any drawn text, and that text."""
    from matplotlib.text import Text

    fig.canvas.draw()
    sizes = [(t.get_fontsize() * print_scale(fig), t.get_text()) for t in fig.findobj(Text)
             if t.get_text() and t.get_visible()]
    return min(sizes)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int, clauses: bool = False) -> str:
    """Wrap to ``width`` columns (a Chinese character counts two); keeps explicit newlines, and
    narrows the lines rather than leave a last line of a word or two (no orphans). ``clauses=True``
    (titles) breaks Chinese after a clause's punctuation (，、；：) when one lies in the line's last 40 %,
    so a word such as 提出 is not split across lines."""
    out = _wrap(text, width, clauses)
    lines = out.split("\n")
    if len(lines) < 2 or "\n" in text or _display_width(lines[-1]) >= 0.3 * width:
        return out
    for narrower in range(width - 1, int(width * 0.55), -1):
        candidate = _wrap(text, narrower, clauses)
        parts = candidate.split("\n")
        if len(parts) == len(lines) and _display_width(parts[-1]) >= 0.25 * width:
            return candidate
    return out


def _wrap(text: str, width: int, clauses: bool = False) -> str:
    lines: list[str] = []
    for para in text.split("\n"):
        if _display_width(para) == len(para):
            lines.extend(textwrap.wrap(para, width, break_on_hyphens=False) or [""])
            continue
        line, w = "", 0
        wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in para)
        # English with a few Chinese words: break at spaces only (a name like 通讯员 stays whole)
        tokens = _split_words(para) if wide < len(para) / 3 else _tokens(para)
        for token in tokens:
            tw = _display_width(token)
            if w + tw > width and line.strip() and token not in _NO_LINE_START:
                carry = ""
                # an opening bracket goes with what it opens; a number with its measure word
                while line and (line[-1] in _NO_LINE_END or (line[-1].isdigit() and not token[:1].isspace())):
                    carry, line = line[-1] + carry, line[:-1]
                cut = max((i for i, ch in enumerate(line) if ch in _CLAUSE_END), default=-1) if clauses else -1
                if cut >= 0 and _display_width(line[:cut + 1]) >= 0.6 * width:
                    carry, line = line[cut + 1:] + carry, line[:cut + 1]
                lines.append(line.rstrip())
                line = carry + token.lstrip()
                w = _display_width(line)
            else:
                line, w = line + token, w + tw
        lines.append(line.rstrip())
    return "\n".join(lines)


_NO_LINE_START = set("，。、；：）》」』！？”,.;:)旬")
_NO_LINE_END = set("（《「『“(")
_CLAUSE_END = set("，、；：")


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
          left: float = 0.35, right: float = 0.3, axis_pad: float = 0.55,
          computed: bool = False) -> tuple[float, float, float, float]:
    """Draw title, subtitle, footnote and source line; return the free rect (l, b, w, h) in figure fractions.

    ``axis_pad`` (inches) is kept free above the footnote for the x axis' ticks and label.
    The footnote ends with what the computed mark (†) means whenever the title, subtitle or note
    holds a computed number, or ``computed`` says the chart's own labels do.

    The title states the finding, the subtitle answers "of what?", the note carries caveats.
    """
    w_in, h_in = fig.get_size_inches()
    x0 = left / w_in
    y = h_in - 0.22
    title = wrap(title, _columns(w_in - left - right, TITLE_SIZE * 1.05), clauses=True)
    t = fig.text(x0, y / h_in, title, ha="left", va="top", fontsize=TITLE_SIZE, fontweight="bold",
                 color=COLORS["text"], gid="title")
    y -= (title.count("\n") + 1) * TITLE_SIZE * 1.3 / 72 + 0.06
    if subtitle:
        subtitle = wrap(subtitle, _columns(w_in - left - right, SUBTITLE_SIZE))
        fig.text(x0, y / h_in, subtitle, ha="left", va="top", fontsize=SUBTITLE_SIZE,
                 color=COLORS["muted"], gid="subtitle")
        y -= (subtitle.count("\n") + 1) * SUBTITLE_SIZE * 1.35 / 72
    top = y - 0.2
    if computed or any(prose.computed_mark(language) in x for x in (title, subtitle, note)):
        note = f"{note}\n{prose.computed_note(language)}" if note else prose.computed_note(language)
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

    A file that already holds the same bytes is left alone (not rewritten, time stamp kept):
    running a notebook in JupyterLab rewrites a committed figure only when the chart changed.

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
        write_bytes_if_changed(path, buf.getvalue())
        written.append(path)
    return written


def texts(fig: Figure) -> list[str]:
    """Every text drawn on the figure (titles, labels, tick labels, annotations): for tests."""
    from matplotlib.text import Text

    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


class ChartImage:
    """A chart for the notebook: the PNG with alternative text (its title and subtitle), so an HTML
    export says what the image shows instead of "No description has been provided for this image"."""

    def __init__(self, png: bytes, width: int, alt: str):
        self.png, self.width, self.alt = png, width, alt

    def _repr_png_(self) -> tuple[bytes, dict[str, int]]:
        return self.png, {"width": self.width}

    def _repr_html_(self) -> str:
        import base64
        import html

        data = base64.b64encode(self.png).decode("ascii")
        return (f'<img src="data:image/png;base64,{data}" width="{self.width}" '
                f'alt="{html.escape(self.alt, quote=True)}">')


def alt_text(fig: Figure) -> str:
    """A chart's description from its own labels: the title, then the subtitle (line breaks undone)."""
    lang = figure_language(fig)
    join = "" if lang == "zh" else " "
    parts = [t.get_text().replace("\n", join) for gid in ("title", "subtitle") for t in fig.texts if t.get_gid() == gid]
    return (" " if lang == "en" else "").join(p if p.endswith(("。", ".")) else p + ("。" if lang == "zh" else ".")
                                              for p in parts)


def show(fig: Figure, png: bytes | None = None) -> ChartImage:
    """The notebook's image of the figure, with alt text (no pyplot involved)."""
    if png is None:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
        png = buf.getvalue()
    return ChartImage(png, int(fig.get_figwidth() * 90), alt_text(fig))


def publish(fig: Figure, name: str, language: str | None = None, directory: Path | None = None):
    """Save ``fig`` as ``{name}.{language}.png/.svg`` (see :func:`save`) and return the saved PNG
    for display, so the notebook shows exactly the file a reader can reuse."""
    paths_ = save(fig, name, language, directory)
    png = next(p for p in paths_ if p.suffix == ".png")
    return show(fig, png.read_bytes())


def timeline_extras(language: str, timeline: pd.DataFrame | None = None) -> dict[str, str]:
    """Dates every chart may name, read from the tidy timeline: the first round's start and end
    months, the publication day, the years of the first round and of the plan (``plan*_year``), those the
    article dates."""
    if timeline is None:
        from ..tidy.load import load_table

        timeline = load_table("timeline")
    t = timeline.set_index("date_id")
    plans = [d for d in t.index if d.startswith("plan") and d.endswith("_year")]  # plan_2017_year, plan_year
    out: dict[str, str] = {}
    if "inspections_began" in t.index:
        began = t.loc["inspections_began"]
        out["first_round_start"] = month(began["start_earliest"], language)
        out["first_round_year"] = out["prev_year"] = str(pd.Timestamp(began["start_earliest"]).year)
    if "first_round_complete" in t.index:
        out["first_round_end"] = month(t.loc["first_round_complete", "end_earliest"], language)
    if "publication" in t.index:
        out["published"] = day(t.loc["publication", "start_earliest"], language)
    if plans:
        out["plan_year"] = str(pd.Timestamp(t.loc[plans[0], "start_earliest"]).year)
    return {k: out[k] for k in ("first_round_start", "first_round_end", "first_round_year", "published",
                                "plan_year", "prev_year") if k in out}


def panel_label(ax, text: str, size: float = LABEL_SIZE) -> None:
    """A bold panel heading at the top left of an axes."""
    ax.set_title(text, fontsize=size, loc="left", fontweight="bold", color=COLORS["text"])
