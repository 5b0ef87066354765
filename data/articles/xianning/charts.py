"""Xianning's own findings charts (this article's, not the kit's): the 2016 units, the five-year plan's
scopes (a scenario), the township cases and the city-county inspection, per-unit averages.

:mod:`helpers.charts` loads this file when Xianning is the chosen article and adds :data:`CHARTS` to its own."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.ticker import MaxNLocator, MultipleLocator

from helpers.text import prose
from helpers.charts import style
from helpers.charts.funnel import _single_panels, xianan_chart
from helpers.charts.schedule import durations_chart, plan_2017_chart, timeline_chart
from helpers.charts.style import COLORS, label

__all__ = ["units_2016_chart", "plan_pace_chart", "county_cases_chart", "per_unit_chart", "CHARTS"]


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
