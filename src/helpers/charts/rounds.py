"""The plan's rounds on a time axis, for any article: one bar per round of the ``schedule_<year>`` table,
solid where the round is under way for certain and hatched where its start or end is known only to a
ten-day period (旬) or a month; each bar carries its units and its span in days (computed, †)."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ..text import prose
from . import style
from .style import COLORS, label

__all__ = ["rounds_chart", "uncertain_bar", "month_formatter", "HATCH", "ONE_DAY"]

ONE_DAY = pd.Timedelta(days=1)
HATCH = "////"


def uncertain_bar(ax, y: float, start_e, start_l, end_e, end_l, color: str, height: float = 0.5,
                   gid: str = "") -> None:
    """Solid from the latest possible start to the earliest possible end; hatched and faded
    from the earliest to the latest possible start, and likewise at the end (ends inclusive)."""
    def num(d):
        return mdates.date2num(pd.Timestamp(d).to_pydatetime())
    s0, s1 = num(start_e), num(start_l + ONE_DAY)
    e0, e1 = num(end_e), num(end_l + ONE_DAY)
    ax.barh(y, e0 - s1, left=s1, height=height, color=color, edgecolor="none", gid=f"{gid}-certain")
    for a, b, part in ((s0, s1, "start"), (e0, e1, "end")):
        ax.barh(y, b - a, left=a, height=height, color=COLORS["uncertain"], edgecolor=color,
                hatch=HATCH, linewidth=0.6, gid=f"{gid}-uncertain-{part}")


def month_formatter(lang: str) -> FuncFormatter:
    """Month ticks; January and July also carry the year (labels from data/curated/labels.csv)."""
    def f(x, _pos):
        d = mdates.num2date(x)
        name = style.month(d, lang, year=False)
        if lang == "en":
            name = name[:3]
        elif d.month % 2 == 0:  # Chinese month names are wider: every other month is labelled
            return ""
        return f"{name}\n{style.label('date.year', lang, {'year': str(d.year)})}" if d.month in (1, 7) else name
    return FuncFormatter(f)



_COLOR = {"routine": "routine", "special": "special"}
_T = "chart.rounds."


def _days(lo: float, hi: float, lang: str) -> str:
    if lo == hi:
        return label(_T + "days_exact", lang, {"lo": prose.Computed(lo)})
    return label(_T + "days", lang, {"lo": prose.Computed(lo), "hi": prose.Computed(hi)})


def rounds_chart(schedule: pd.DataFrame, timeline: pd.DataFrame, language: str = "en") -> Figure:
    """The rounds of the plan, in order, on one time axis (texts: ``chart.rounds.*`` in the kit's labels)."""
    lang = style.resolve(language)
    rounds = schedule[schedule["grouping"] == "round"].reset_index(drop=True)
    extra = {**style.timeline_extras(lang, timeline), "rounds": prose.Computed(len(rounds))}
    fig = style.new_figure(style.WIDTH_IN, 3.6 + 0.55 * len(rounds), lang)
    x0, y0, w, h = style.frame(fig, lang, label(_T + "title", lang, extra), label(_T + "subtitle", lang, extra),
                               label(_T + "note", lang, extra), axis_pad=0.5)
    ax = fig.add_axes((x0 + 0.3 * w, y0, 0.68 * w, h - 0.5 / fig.get_figheight()))
    style.tidy_axes(ax)
    names = []
    for y, r in rounds.iterrows():
        color = COLORS.get(_COLOR.get(r["inspection_type"], "main"), COLORS["main"])
        uncertain_bar(ax, y, r["start_earliest"], r["start_latest"], r["end_earliest"], r["end_latest"], color,
                       gid=f"round-{y + 1}")
        names.append(label(_T + "row", lang, {**style.ordinal(y + 1, lang), "itype": label(f"itype.{r['inspection_type']}", lang)}))
        text = label(_T + "bar", lang, {"units": float(r["units"]), "unit": r["unit"],
                                        "unit_en": label(f"unit.{r['unit']}", "en")})
        end = mdates.date2num(pd.Timestamp(r["end_latest"]).to_pydatetime()) + 2
        ax.text(end, y - 0.12, text, ha="left", va="center", fontsize=style.LABEL_SIZE, fontweight="bold",
                color=COLORS["text"])
        ax.text(end, y + 0.2, _days(float(r["min_days"]), float(r["max_days"]), lang), ha="left", va="center",
                fontsize=style.SMALL_SIZE, color=COLORS["muted"])
    ax.set_yticks(range(len(rounds)), names)
    ax.set_ylim(len(rounds) - 0.4, -0.6)
    first = pd.Timestamp(rounds["start_earliest"].min()).replace(day=1)
    last = pd.Timestamp(rounds["end_latest"].max())
    ax.set_xlim(mdates.date2num(first.to_pydatetime()),
                mdates.date2num((last + pd.Timedelta(days=75)).to_pydatetime()))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(month_formatter(lang))
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.tick_params(axis="x", labelsize=style.SMALL_SIZE)
    handles = [Patch(facecolor=COLORS["main"], label=label(_T + "legend_solid", lang)),
               Patch(facecolor=COLORS["uncertain"], edgecolor=COLORS["main"], hatch=HATCH, linewidth=0.6,
                     label=label(_T + "legend_hatched", lang))]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=1, frameon=False,
              fontsize=style.SMALL_SIZE, handlelength=1.6)
    return fig
