"""Xianning's own charts (this article's, not the kit's): Xian'an district; the time line July 2016 -
December 2017, the 2017 plan's units and inspection durations; and its other findings: the 2016 units, the
five-year plan's scopes (a scenario), the township cases and the city-county inspection, per-unit averages.

:mod:`helpers.charts` loads this file when Xianning is the chosen article and adds :data:`CHARTS` to its own."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch
from matplotlib.ticker import MaxNLocator, MultipleLocator

from helpers.text import prose
from helpers.charts import style
from helpers.charts.funnel import _single_panels
from helpers.charts.rounds import HATCH, ONE_DAY, month_formatter, uncertain_bar
from helpers.charts.style import COLORS, label

__all__ = ["xianan_chart", "timeline_chart", "plan_2017_chart", "durations_chart",
           "units_2016_chart", "plan_pace_chart", "county_cases_chart", "per_unit_chart", "CHARTS"]


def _side_columns(ax) -> int:
    """Text columns free to the right of a panel's bar (x from 0.36 to 2.6 of -0.5..2.6)."""
    width_in = ax.get_position().width * ax.figure.get_figwidth() * (2.6 - 0.36) / 3.1
    return style._columns(width_in, style.SMALL_SIZE)


def _stacked_bar(ax, parts: list[tuple[str, str, str]], v: dict[str, float], lang: str, total_key: str,
                 extra: dict, headroom: float) -> None:
    """One stacked bar of ``parts`` (figure id, colour, label key), each labelled, with its total."""
    bottom = 0.0
    cols = _side_columns(ax)
    for fid, color, key in parts:
        ax.bar(0, v[fid], bottom=bottom, width=0.6, color=color, edgecolor="white", gid=f"bar-{fid}")
        ax.text(0.36, bottom + v[fid] / 2, style.wrap(label(key, lang, extra), cols), ha="left", va="center",
                fontsize=style.SMALL_SIZE, color=COLORS["text"])
        bottom += v[fid]
    ax.text(-0.3, bottom * 1.02, label(total_key, lang, extra), ha="left", va="bottom", fontsize=style.LABEL_SIZE,
            fontweight="bold")
    ax.set_xlim(-0.5, 2.6)
    ax.set_ylim(0, bottom * headroom)
    ax.set_xticks([])
    ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))


def units_2016_chart(units_2016: pd.DataFrame, figures: pd.DataFrame, language: str = "en") -> Figure:
    """The seven units of the city's 2016 first round: one named tile each, a row per inspection type."""
    lang = style.resolve(language)
    groups = [("routine", COLORS["routine"]), ("special", COLORS["special"])]
    n = {g: int((units_2016["inspection_type"] == g).sum()) for g, _ in groups}
    extra = {**style.values(figures), **style.timeline_extras(lang), "units_2016_total": float(len(units_2016)),
             "units_2016_routine": float(n["routine"]), "units_2016_special": float(n["special"])}
    t = "chart.units-2016."
    cols = max(n.values())
    fig = style.new_figure(style.WIDTH_IN, 3.5 if lang == "zh" else 5.0, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra), axis_pad=0.0)
    ax = fig.add_axes((x0, y0, w, h))
    ax.set_axis_off()
    head_w = 1.0
    ax.set_xlim(0, head_w + cols)
    ax.set_ylim(len(groups), 0)
    tile_cols = int((w * fig.get_figwidth()) / (head_w + cols) * 0.9 * 72 / (style.SMALL_SIZE * 0.6))
    for row, (g, color) in enumerate(groups):
        ax.text(0, row + 0.5, label(t + g, lang, {"n": float(n[g])}), ha="left", va="center",
                fontsize=style.LABEL_SIZE, fontweight="bold", color=color)
        units = units_2016[units_2016["inspection_type"] == g]
        for i, (_, r) in enumerate(units.iterrows()):
            x = head_w + i
            ax.add_patch(FancyBboxPatch((x + 0.04, row + 0.06), 0.92, 0.88, boxstyle="round,pad=0,rounding_size=0.04",
                                        facecolor=color, edgecolor="white", gid=f"unit-{r['unit_id']}"))
            # English: the English name wrapped to the tile, then the Chinese one when drawable
            name = label(t + "tile", lang, {"name_en": style.wrap(r["name_en"], tile_cols), "name_zh": r["name_zh"]})
            ax.text(x + 0.5, row + 0.5, name, ha="center", va="center", fontsize=style.SMALL_SIZE,
                    color="white", fontweight="bold", linespacing=1.15)
    return fig


def plan_pace_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """A scenario, titled as one: the five-year plan's two scopes (routine 94; special 22 county-run
    units + 1 township), the 2016 units (2 routine, 5 special) and the 2017 plan (19, 3); the routine
    scope cut into years of 19 units (the 2017 pace; the fifth holds the remaining 18), and
    94 / 19 = 4.9 years if every year were like 2017."""
    lang = style.resolve(language)
    v, d = style.values(figures), style.values(derived)
    extra = {**v, **d, **style.timeline_extras(lang)}
    t = "chart.plan-pace."
    fig = style.new_figure(style.WIDTH_IN, 6.0, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra))
    ax = fig.add_axes((x0 + 0.27 * w, y0, 0.71 * w, h))
    style.tidy_axes(ax)
    scope = v["plan_routine_scope_units"]
    big = LABEL = style.LABEL_SIZE
    # Routine group: y 0 (the scope cut into years at the 2017 pace: whole units, the last year the
    # remainder), 1 (2016), 2 (2017 plan). Alternate years differ in shade, both dark enough for white text.
    per_year = v["plan_2017_routine_units"]
    left, i = 0.0, 0
    while left < scope:
        n = min(per_year, scope - left)
        shown = n if n == per_year else prose.Computed(n)  # the remainder is computed, not stated
        ax.barh(0, n, left=left, height=0.6, color=COLORS["routine"] if i % 2 == 0 else COLORS["routine_dark"],
                edgecolor="white", linewidth=1.2, gid=f"scope-year-{i + 1}")
        ax.text(left + n / 2, 0, label(t + "year_share", lang, {**extra, "i": str(i + 1), "n": shown}),
                ha="center", va="center", fontsize=style.SMALL_SIZE, color="white", fontweight="bold")
        left, i = left + n, i + 1
    ax.text(scope + scope * 0.01, 0, label(t + "scope_total", lang, extra), ha="left", va="center", fontsize=LABEL,
            fontweight="bold")
    rows = [(1, v["units_2016_routine"], COLORS["routine"], label(t + "count", lang, {"n": v["units_2016_routine"]}),
             "routine-2016"),
            (2, v["plan_2017_routine_units"], COLORS["accent"], label(t + "planned_routine", lang, extra), "planned-2017"),
            (5, v["units_2016_special"], COLORS["special"], label(t + "count", lang, {"n": v["units_2016_special"]}),
             "special-2016"),
            (6, v["plan_2017_special_units"], COLORS["accent"], label(t + "count", lang, {"n": v["plan_2017_special_units"]}),
             "special-2017")]
    for y, val, color, text, gid in rows:
        ax.barh(y, val, height=0.6, color=color, gid=gid)
        ax.text(val + scope * 0.01, y, text, ha="left", va="center", fontsize=big, fontweight="bold")
    # Special scope: 22 county-run units + 1 township.
    cu, tw = v["plan_special_scope_county_units"], v["plan_special_scope_townships"]
    ax.barh(4, cu, height=0.6, color=COLORS["special"], edgecolor="white", gid="special-scope-county")
    ax.barh(4, tw, left=cu, height=0.6, color=COLORS["special"], alpha=0.55, edgecolor="white",
            gid="special-scope-township")
    ax.text(cu + tw + scope * 0.01, 4, label(t + "special_total", lang, extra), ha="left", va="center",
            fontsize=big, fontweight="bold")
    ax.axhline(3, color="#bbbbbb", lw=0.8, ls=":")
    names = {0: "routine_scope", 1: "routine_2016", 2: "routine_2017", 4: "special_scope", 5: "special_2016",
             6: "special_2017"}
    ax.set_yticks(list(names), [label(t + k, lang, extra) for k in names.values()])
    ax.tick_params(axis="y", length=0, labelsize=style.SMALL_SIZE + 0.5)
    ax.set_ylim(6.6, -0.6)
    ax.set_xlim(0, scope * 1.12)
    ax.xaxis.set_major_locator(MultipleLocator(10))
    ax.set_xlabel(label(t + "xlabel", lang), fontsize=style.SMALL_SIZE)
    return fig


def county_cases_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """Two township-level cases and the city-county inspection, each in its own panel and unit:
    Wuli town's trips (people), Yanxia welfare home's false claims (recipients, yuan), and the
    social-assistance leads drawn as a scenario (if they are among the 409), the assumption on it."""
    lang = style.resolve(language)
    from helpers.tidy.load import load_table

    v, d = style.values(figures), style.values(derived)
    tl = load_table("timeline").set_index("date_id")
    wuli, yanxia = tl.loc["wuli_trips_period"], tl.loc["yanxia_fraud_period"]
    extra = {**v, **d, **style.timeline_extras(lang),
             "wuli_years": style.label("date.years", lang, {"first": str(wuli["start_earliest"].year),
                                                            "last": str(wuli["end_earliest"].year)}),
             "yanxia_start": style.month(yanxia["start_earliest"], lang),
             "yanxia_end": style.month(yanxia["end_earliest"], lang)}
    t = "chart.county-cases."
    fig = style.new_figure(style.WIDTH_IN, 6.0, lang)
    x0, y0, w, h = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                               label(t + "note", lang, extra), axis_pad=0.2)
    gap = 0.06 * w
    x0 += 0.07 * w
    pw = (w - 0.07 * w - 2 * gap) / 3
    ph = h - 0.75 / fig.get_figheight()  # the panel headings sit above

    def panel(i: int, title_key: str, ylabel_key: str):
        ax = fig.add_axes((x0 + i * (pw + gap), y0, pw, ph))
        style.tidy_axes(ax, grid_x=False)
        ax.yaxis.grid(True, color="#e3e3e3", lw=0.7)
        ax.set_ylabel(label(ylabel_key, lang), fontsize=style.SMALL_SIZE)
        size = style.SMALL_SIZE + 0.5
        cols = style._columns(pw * fig.get_figwidth() + 0.3, size * 1.05)
        ax.set_title(style.wrap(label(title_key, lang, extra), cols), fontsize=size, loc="left", fontweight="bold",
                     pad=8)
        return ax

    ax = panel(0, t + "wuli_title", t + "wuli_axis")
    _stacked_bar(ax, [("wuli_town_cadres", COLORS["main"], t + "wuli_town"),
                      ("wuli_other_cadres", COLORS["main_light"], t + "wuli_other"),
                      ("wuli_relatives", COLORS["special"], t + "wuli_relatives")], v, lang, t + "wuli_total",
                 extra, headroom=1.15)

    ax = panel(1, t + "yanxia_title", t + "yanxia_axis")
    _stacked_bar(ax, [("yanxia_false_concentrated", COLORS["main"], t + "yanxia_false"),
                      ("yanxia_deaths_concealed", COLORS["accent"], t + "yanxia_dead")], v, lang,
                 t + "yanxia_total", extra, headroom=1.75)
    ax.text(0.97, 0.98, label(t + "yanxia_money", lang, extra), transform=ax.transAxes, ha="right", va="top",
            fontsize=style.LABEL_SIZE + 1, fontweight="bold", color=COLORS["accent"])

    ax = panel(2, t + "sa_title", t + "sa_axis")
    total, sa = v["city_problem_leads"], v["social_assistance_leads"]
    ax.bar(0, sa, width=0.6, color=COLORS["accent"], gid="bar-social_assistance_leads")
    ax.bar(0, total - sa, bottom=sa, width=0.6, facecolor="white", edgecolor=COLORS["side"], hatch="//",
           linestyle="--", linewidth=0.9, gid="scenario-other-leads")
    ax.text(0.36, sa / 2 + total * 0.04, style.wrap(label(t + "sa_part", lang, extra), _side_columns(ax)),
            ha="left", va="bottom",
            fontsize=style.SMALL_SIZE, color=COLORS["text"])
    ax.text(0.36, sa + (total - sa) / 2, label(t + "sa_rest", lang), ha="left", va="center",
            fontsize=style.SMALL_SIZE, color=COLORS["muted"])
    ax.text(-0.3, total * 1.02, label(t + "sa_total", lang, extra), ha="left", va="bottom",
            fontsize=style.LABEL_SIZE, fontweight="bold", color=COLORS["muted"])
    ax.set_xlim(-0.5, 2.6)
    ax.set_ylim(0, total * 1.15)
    ax.set_xticks([])
    return fig


def per_unit_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """Problems (个 per unit) and leads or recommendations (条 per unit), totals / 34, on two axes."""
    lang = style.resolve(language)
    v, d = style.values(figures), style.values(derived)
    extra = {**v, **d, **style.timeline_extras(lang)}
    t = "chart.per-unit."
    fig = style.new_figure(style.WIDTH_IN, 4.9, lang)
    rect = style.frame(fig, lang, label(t + "title", lang, extra), label(t + "subtitle", lang, extra),
                       label(t + "note", lang, extra), axis_pad=0.45)
    panels = [
        {"axis": label(t + "axis_problems", lang),
         "rows": [(label(t + "problems", lang), d["problems_per_unit"], label(t + "value_problems", lang, extra),
                   COLORS["main"], "problems_per_unit")]},
        {"axis": label(t + "axis_items", lang),
         "rows": [(label(t + "leads", lang), d["leads_per_unit"], label(t + "value_leads", lang, extra),
                   COLORS["main"], "leads_per_unit"),
                  (label(t + "recommendations", lang), d["recommendations_per_unit"],
                   label(t + "value_recommendations", lang, extra), COLORS["main_light"], "recommendations_per_unit")]},
    ]
    vmax = max(r[1] for p in panels for r in p["rows"]) * 1.75
    _single_panels(fig, rect, panels, lang, vmax, label_frac=0.24)
    return fig


def _row(df: pd.DataFrame, col: str, key: str) -> pd.Series:
    return df.loc[df[col] == key].iloc[0]


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
        uncertain_bar(ax, i, se, sl, ee, el, color, gid=gid)

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
    ax.xaxis.set_major_formatter(month_formatter(lang))
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


def xianan_chart(figures: pd.DataFrame, language: str = "en") -> Figure:
    """Xian'an district's first round: problems (个), leads (条) and people (名) each on its own
    axis, because they are not the same kind of thing."""
    lang = style.resolve(language)
    v = style.values(figures)
    extra = {**v, "xianan_people_dealt_with": v["xianan_held_accountable"] + v["xianan_put_on_file"],
             **style.timeline_extras(lang)}
    fig = style.new_figure(style.WIDTH_IN, 5.6, lang)
    rect = style.frame(fig, lang, label("chart.xianan.title", lang, extra), label("chart.xianan.subtitle", lang, extra),
                       label("chart.xianan.note", lang, extra), axis_pad=0.45)
    t = "chart.xianan."
    panels = [
        {"axis": label(t + "axis_problems", lang),
         "rows": [(label(t + "row_problems", lang), v["xianan_general_problems"], label(t + "bar_problems", lang, extra),
                   COLORS["main"], "xianan_general_problems")]},
        {"axis": label(t + "axis_leads", lang),
         "rows": [(label(t + "row_leads", lang), v["xianan_problem_leads"], label(t + "bar_leads", lang, extra),
                   COLORS["main"], "xianan_problem_leads")]},
        {"axis": label(t + "axis_people", lang),
         "rows": [(label(t + "row_held", lang), v["xianan_held_accountable"], label(t + "bar_held", lang, extra),
                   COLORS["accent"], "xianan_held_accountable"),
                  (label(t + "row_on_file", lang), v["xianan_put_on_file"], label(t + "bar_on_file", lang, extra),
                   COLORS["accent"], "xianan_put_on_file")]},
    ]
    vmax = max(r[1] for p in panels for r in p["rows"]) * 1.3
    _single_panels(fig, rect, panels, lang, vmax)
    return fig


#: This article's charts: file stem -> (function, the tidy tables it takes, in order): the kit's charts
#: written for this article's figures, then its own findings.
CHARTS = {
    "xianan": (xianan_chart, ("figures",)),
    "timeline": (timeline_chart, ("timeline", "schedule_2017", "figures")),
    "plan-2017": (plan_2017_chart, ("schedule_2017",)),
    "durations": (durations_chart, ("figures", "schedule_2017")),
    "units-2016": (units_2016_chart, ("units_2016", "figures")),
    "plan-pace": (plan_pace_chart, ("figures", "derived")),
    "county-cases": (county_cases_chart, ("figures", "derived")),
    "per-unit": (per_unit_chart, ("figures", "derived")),
}
#: Figures a chart draws from rows of a tidy table other than ``figures`` (see helpers.charts.usage).
SHOWN_VIA_TABLES = {
    "funnel": ("city_problem_leads", "city_leads_transferred", "city_cases_filed", "city_sanctioned",
               "city_shuanggui"),                      # funnel.csv: one row per stage
    "plan-2017": ("plan_2017_round_1_units", "plan_2017_round_2_units", "plan_2017_routine_units",
                  "plan_2017_special_units"),          # schedule_2017.csv: every row
    "timeline": ("plan_2017_round_1_units", "plan_2017_round_2_units"),  # schedule_2017.csv: the rounds
    "units-2016": ("units_2016_total", "units_2016_routine", "units_2016_special"),  # units_2016.csv rows
}
#: Derived values a chart draws from rows of a tidy table (the funnel's percentage columns).
DERIVED_VIA_TABLES = {
    "funnel": ("funnel_transfer_rate", "funnel_filing_rate", "funnel_sanction_rate",
               "funnel_sanctions_per_100_leads"),  # funnel.csv: pct_of_previous, pct_of_first
}

#: The charts of the kit's schedule notebook (03), in order: the rounds' chart first, then the plan's others.
SCHEDULE_CHARTS = ("timeline", "plan-2017")
