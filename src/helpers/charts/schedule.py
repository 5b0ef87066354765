"""The time line July 2016 - December 2017, the 2017 plan's units, and inspection durations."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MultipleLocator

from ..text import prose
from . import style
from .style import COLORS, label

__all__ = ["timeline_chart", "plan_2017_chart", "durations_chart"]

ONE_DAY = pd.Timedelta(days=1)
HATCH = "////"


def _row(df: pd.DataFrame, col: str, key: str) -> pd.Series:
    return df.loc[df[col] == key].iloc[0]


def _uncertain_bar(ax, y: float, start_e, start_l, end_e, end_l, color: str, height: float = 0.5,
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


def _month_formatter(lang: str) -> FuncFormatter:
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


def _round_extras(schedule: pd.DataFrame, timeline: pd.DataFrame, lang: str) -> dict[str, str]:
    """The rounds' periods as the article gives them ('late February' / '2月下旬') and its words."""
    tl = timeline.set_index("date_id")
    out: dict[str, str] = {}
    for n, key in ((1, "round_1"), (2, "round_2")):
        r = _row(schedule, "entry_id", key)
        out[f"r{n}_start"] = style.period(r["start_earliest"], r["precision"], lang)
        out[f"r{n}_end"] = style.period(r["end_earliest"], r["precision"], lang)
        out[f"r{n}_quote"] = str(tl.loc[r["date_id"], "expression"])
    out["began_quote"] = str(tl.loc["inspections_began", "quote"])
    out["done_quote"] = str(tl.loc["first_round_complete", "quote"])
    return out


def timeline_chart(timeline: pd.DataFrame, schedule: pd.DataFrame, figures: pd.DataFrame,
                   language: str = "en") -> Figure:
    """July 2016 to December 2017: the first round (city and counties), the two 2017 rounds,
    the milestones and the publication date; hatched ends show the 旬/month uncertainty."""
    lang = style.resolve(language)
    began = _row(timeline, "date_id", "inspections_began")
    offices = _row(timeline, "date_id", "offices_complete")
    done = _row(timeline, "date_id", "first_round_complete")
    pub = _row(timeline, "date_id", "publication")
    r1 = _row(schedule, "entry_id", "round_1")
    r2 = _row(schedule, "entry_id", "round_2")
    extra = {**style.values(figures), **style.values(schedule), **style.timeline_extras(lang, timeline),
             **_round_extras(schedule, timeline, lang)}
    t = "chart.timeline."
    fig = style.new_figure(style.WIDTH_IN, 6.4, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra), axis_pad=0.0)
    legend_h = 1.35 / fig.get_figheight()  # the legend, then the month ticks above it
    ax = fig.add_axes((x0 + 0.22 * w, y0 + legend_h, 0.76 * w, h - legend_h))
    style.tidy_axes(ax)

    rows = [
        (label(t + "row_first", lang, extra), began["start_earliest"], began["start_latest"], done["end_earliest"],
         done["end_latest"], COLORS["side"], "first-round"),
        (label(t + "row_round", lang, {**extra, **style.ordinal(1, lang), "units": float(r1["units"])}),
         r1["start_earliest"], r1["start_latest"], r1["end_earliest"], r1["end_latest"], COLORS["main"], "round-1"),
        (label(t + "row_round", lang, {**extra, **style.ordinal(2, lang), "units": float(r2["units"])}),
         r2["start_earliest"], r2["start_latest"], r2["end_earliest"], r2["end_latest"], COLORS["main"], "round-2"),
    ]
    for i, (_, se, sl, ee, el, color, gid) in enumerate(rows, start=1):
        _uncertain_bar(ax, i, se, sl, ee, el, color, gid=gid)

    def num(d):
        return mdates.date2num(pd.Timestamp(d).to_pydatetime())

    # Milestones row (y = 0): faded spans over the whole uncertain period; each label starts on its
    # own span and reaches away from the others (the first two rightwards and the middle one centred
    # over its month), so no label stands over another milestone's span.
    milestones = [(began, "began", "left"), (offices, "offices", "center"), (done, "done", "left")]
    for r, key, ha in milestones:  # the axis gives the years
        a, b = num(r["start_earliest"]), num(r["end_latest"] + ONE_DAY)
        ax.barh(0, b - a, left=a, height=0.42, color=COLORS["uncertain"], edgecolor=COLORS["main"],
                hatch=HATCH, linewidth=0.6, gid=f"milestone-{r['date_id']}")
        if str(r["expression"]).endswith("底"):  # 1月底: the label says "by the end of January", as the article
            when = style.month(r["start_earliest"], lang, year=False)
        else:
            when = style.period(r["start_earliest"], r["start_precision"], lang, year=False)
        ax.text({"left": a, "center": (a + b) / 2, "right": b}[ha], -0.35, label(t + key, lang, {"when": when}),
                ha=ha, va="bottom", fontsize=style.SMALL_SIZE, color=COLORS["text"], gid=f"milestone-label-{key}")
    p = num(pub["start_earliest"])
    ax.axvline(p, color=COLORS["accent"], lw=1.3, ls="--", gid="publication")
    ax.text(p + 4, -1.3, label(t + "published", lang, extra), ha="left", va="bottom", fontsize=style.SMALL_SIZE,
            color=COLORS["accent"], gid="publication-label")
    ax.set_yticks(range(0, len(rows) + 1), [label(t + "row_milestones", lang)] + [r[0] for r in rows])
    ax.tick_params(axis="y", length=0, labelsize=style.SMALL_SIZE)
    ax.set_ylim(len(rows) + 0.5, -2.5)
    start = pd.Timestamp(began["start_earliest"]) - pd.Timedelta(days=16)
    end = pd.Timestamp(r2["end_latest"]) + pd.Timedelta(days=16)
    ax.set_xlim(num(start), num(end))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(_month_formatter(lang))
    ax.tick_params(axis="x", labelsize=style.SMALL_SIZE)
    handles = [Patch(color=COLORS["side"], label=label(t + "legend_first", lang, extra)),
               Patch(color=COLORS["main"], label=label(t + "legend_planned", lang, extra)),
               Patch(facecolor="#666666", edgecolor="none", label=label(t + "legend_solid", lang)),
               Patch(facecolor=COLORS["uncertain"], edgecolor="#666666", hatch=HATCH,
                     label=label(t + "legend_hatched", lang))]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(x0, y0), ncol=2, fontsize=style.SMALL_SIZE,
               frameon=False, handlelength=1.6, columnspacing=1.2)
    return fig


def plan_2017_chart(schedule: pd.DataFrame, language: str = "en") -> Figure:
    """Units planned for 2017: by round (9 + 13) and by type (19 + 3), both 22; follow-up 7 apart.
    Rounds and types get different colours: the article does not say which units are in which round."""
    lang = style.resolve(language)
    s = schedule.set_index("entry_id")
    v = {k: float(s.loc[k, "units"]) for k in ("round_1", "round_2", "routine", "special", "follow_up")}
    round_sum, type_sum = v["round_1"] + v["round_2"], v["routine"] + v["special"]
    extra = {**style.values(schedule), **style.timeline_extras(lang), "plan_2017_round_sum": round_sum}
    t = "chart.plan-2017."
    fig = style.new_figure(style.WIDTH_IN, 4.9, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra))
    ax = fig.add_axes((x0 + 0.22 * w, y0, 0.76 * w, h))
    style.tidy_axes(ax, grid_x=False)
    segs = [
        (0, [(v["round_1"], COLORS["main"], label(t + "round", lang, {**style.ordinal(1, lang), "units": v["round_1"]}), "round_1"),
             (v["round_2"], COLORS["main_light"], label(t + "round", lang, {**style.ordinal(2, lang), "units": v["round_2"]}), "round_2")],
         round_sum),
        (1, [(v["routine"], COLORS["routine"], label(t + "routine", lang, extra), "routine"),
             (v["special"], COLORS["special"], label(t + "special", lang, extra), "special")], type_sum),
        (2, [(v["follow_up"], COLORS["follow_up"], label(t + "follow_up", lang, extra), "follow_up")], None),
    ]
    xmax = max(round_sum, type_sum) * 1.45
    total_x = xmax * 0.99
    for y, parts, total in segs:
        left = 0.0
        for i, (val, color, text, gid) in enumerate(parts):
            ax.barh(y, val, left=left, height=0.55, color=color, edgecolor="white", linewidth=1.2,
                    hatch="//" if gid == "follow_up" else None, gid=f"bar-{gid}")
            inside = val >= 0.18 * xmax and gid != "follow_up"
            ax.text(left + val / 2 if inside else left + val + xmax * 0.01, y - (0 if inside or i == 0 else 0),
                    text, ha="center" if inside else "left", va="center", fontsize=style.LABEL_SIZE,
                    color="white" if inside and color != COLORS["main_light"] else COLORS["text"],
                    fontweight="bold", gid=f"label-{gid}")
            left += val
        if total is not None:
            ax.text(total_x, y, label(t + "total", lang, {"total": prose.Computed(total)}), ha="right", va="center",
                    fontsize=style.LABEL_SIZE, color=COLORS["muted"], fontweight="bold", gid="total")
    ax.set_yticks([0, 1, 2], [label(t + "row_round", lang), label(t + "row_type", lang),
                              label(t + "row_follow_up", lang, extra)])
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(2.6, -0.6)
    ax.set_xlim(0, xmax)
    ax.xaxis.set_major_locator(MultipleLocator(5))
    ax.set_xlabel(label(t + "xlabel", lang), fontsize=style.SMALL_SIZE)
    return fig


def durations_chart(figures: pd.DataFrame, schedule: pd.DataFrame, language: str = "en") -> Figure:
    """Two panels, two scales: the typical length of one inspection in 2016 (routine about 1.5
    months, special about 20 days), and apart from it the length of each whole 2017 round."""
    lang = style.resolve(language)
    v = style.values(figures)
    routine_days = prose.values()["duration_routine_days_approx"]  # the derived table's months-to-days
    special_days = v["duration_special_days"]
    s = schedule.set_index("entry_id")
    extra = {**v, **style.timeline_extras(lang), "duration_routine_days_approx": routine_days,
             "days_per_month": routine_days / v["duration_routine_months"]}
    t = "chart.durations."
    fig = style.new_figure(style.WIDTH_IN, 5.6, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra), axis_pad=0.45)
    gap = 0.95 / fig.get_figheight()
    ph = (h - gap - 0.3 / fig.get_figheight()) / 2  # room for the top panel's heading
    left, width = x0 + 0.27 * w, 0.7 * w

    ax = fig.add_axes((left, y0 + ph + gap, width, ph))
    style.tidy_axes(ax)
    style.panel_label(ax, label(t + "panel_one", lang, extra))
    ones = [(label(t + "routine", lang), routine_days, COLORS["routine"], label(t + "value_routine", lang, extra)),
            (label(t + "special", lang), special_days, COLORS["special"], label(t + "value_special", lang, extra))]
    for y, (_, days, color, text) in enumerate(ones):
        ax.barh(y, days, height=0.55, color=color, gid=f"bar-{y}")
        ax.text(days + 1, y, text, ha="left", va="center", fontsize=style.LABEL_SIZE, fontweight="bold",
                color=COLORS["text"])
    ax.set_yticks(range(len(ones)), [r[0] for r in ones])
    ax.set_ylim(len(ones) - 0.45, -0.55)
    ax.set_xlim(0, routine_days * 2.1)
    ax.xaxis.set_major_locator(MultipleLocator(10))
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_xlabel(label(t + "xlabel", lang), fontsize=style.SMALL_SIZE, labelpad=2)

    ax = fig.add_axes((left, y0, width, ph))
    style.tidy_axes(ax)
    style.panel_label(ax, label(t + "panel_round", lang, extra))
    names = []
    for y, key in enumerate(("round_1", "round_2")):
        lo, hi = float(s.loc[key, "min_days"]), float(s.loc[key, "max_days"])
        names.append(label(t + "round", lang, {**style.ordinal(y + 1, lang), "units": float(s.loc[key, "units"])}))
        ax.barh(y, lo, height=0.55, color=COLORS["main"], gid=f"bar-round-{y + 1}")
        ax.barh(y, hi - lo, left=lo, height=0.55, color=COLORS["uncertain"], edgecolor=COLORS["main"],
                hatch=HATCH, linewidth=0.6, gid=f"bar-round-{y + 1}-range")
        ax.text(hi + 3, y, label(t + "value_round", lang, {"lo": prose.Computed(lo), "hi": prose.Computed(hi)}),
                ha="left", va="center",
                fontsize=style.LABEL_SIZE, fontweight="bold", color=COLORS["text"])
    ax.set_yticks([0, 1], names)
    ax.set_ylim(1.55, -0.55)
    ax.set_xlim(0, float(s.loc["round_2", "max_days"]) * 1.45)
    ax.xaxis.set_major_locator(MultipleLocator(30))
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_xlabel(label(t + "xlabel", lang), fontsize=style.SMALL_SIZE, labelpad=2)
    return fig
