"""Other findings: the 2016 units, the five-year plan's pace, the county cases, per-unit rates."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from . import style
from .style import COLORS, tr

__all__ = ["units_2016_chart", "plan_pace_chart", "county_cases_chart", "per_unit_chart"]

F = style.fmt


def _fig_values(figures: pd.DataFrame) -> dict[str, float]:
    return dict(zip(figures["figure_id"], figures["value"].astype(float)))


def _derived(derived: pd.DataFrame) -> dict[str, float]:
    return dict(zip(derived["derived_id"], derived["value"].astype(float)))


def _stacked_bar(ax, parts: list[tuple[str, str, str, str]], v: dict[str, float], lang: str,
                 total_unit: tuple[str, str], total_gap: float, headroom: float) -> None:
    """One stacked bar of ``parts`` (figure id, colour, English, Chinese label), each labelled, with its total."""
    bottom = 0.0
    for fid, color, en, zh in parts:
        ax.bar(0, v[fid], bottom=bottom, width=0.6, color=color, edgecolor="white", gid=f"bar-{fid}")
        ax.text(0.36, bottom + v[fid] / 2, tr(lang, f"{F(v[fid])} {en}", f"{zh}{F(v[fid])}{total_unit[1]}"), ha="left",
                va="center", fontsize=style.SMALL_SIZE, color=COLORS["text"])
        bottom += v[fid]
    ax.text(0, bottom + total_gap, tr(lang, f"{F(bottom)} {total_unit[0]}", f"共{F(bottom)}{total_unit[1]}"),
            ha="center", va="bottom", fontsize=style.LABEL_SIZE, fontweight="bold")
    ax.set_xlim(-0.5, 2.4)
    ax.set_ylim(0, bottom * headroom)
    ax.set_xticks([])
    ax.yaxis.set_major_locator(MultipleLocator(5))


def units_2016_chart(units_2016: pd.DataFrame, figures: pd.DataFrame, language: str = "en") -> Figure:
    """The seven units of the city's 2016 first round, one square each, grouped by inspection type."""
    lang = style.resolve(language)
    v = _fig_values(figures)
    groups = [("routine", COLORS["main"], v["duration_routine_months"], "months"),
              ("special", COLORS["special"], v["duration_special_days"], "days")]
    n = {t: int((units_2016["inspection_type"] == t).sum()) for t, *_ in groups}
    title = tr(lang, f"The city's 2016 first round: {len(units_2016)} units, {n['routine']} given routine "
                     f"and {n['special']} given special inspections",
               f"2016年市级首轮巡察{len(units_2016)}家单位：常规巡察{n['routine']}家，专项巡察{n['special']}家")
    subtitle = tr(lang, "One square per inspected unit, named as in the article. Routine inspections lasted "
                        f"about {F(v['duration_routine_months'])} months, special ones about "
                        f"{F(v['duration_special_days'])} days.",
                  f"每个方块代表一家被巡察单位（名称照录原文）。常规巡察{F(v['duration_routine_months'])}个月左右，"
                  f"专项巡察{F(v['duration_special_days'])}天左右。")
    note = tr(lang, f"These {len(units_2016)} are the city-level round only; the 34 units of the first round "
                    "include the counties' own inspections.",
              f"这{len(units_2016)}家仅为市级首轮；首轮共34家单位，含各县（市、区）自行巡察的单位。")
    fig = style.new_figure(9, 5.2, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note, axis_pad=0.1)
    ax = fig.add_axes((x0, y0, w, h))
    ax.set_axis_off()
    y = 0.0
    for t, color, dur, dur_unit in groups:
        rows = units_2016[units_2016["inspection_type"] == t]
        head = tr(lang, f"{'Routine' if t == 'routine' else 'Special'} inspection: {len(rows)} units",
                  f"{rows['inspection_type_zh'].iloc[0]}：{len(rows)}家")
        ax.text(0, y, head, ha="left", va="center", fontsize=style.LABEL_SIZE + 1, fontweight="bold",
                color=color)
        y += 1
        for _, r in rows.iterrows():
            ax.bar(0.25, 0.7, width=0.3, bottom=y - 0.35, color=color, gid=f"unit-{r['unit_id']}")
            name = r["name_zh"] if lang == "zh" else (
                f"{r['name_en']}  ({r['name_zh']})" if style.zh_ok() else r["name_en"])
            ax.text(0.55, y, name, ha="left", va="center", fontsize=style.LABEL_SIZE, color=COLORS["text"])
            y += 1
        y += 0.4
    ax.set_xlim(0, 10)
    ax.set_ylim(y - 0.6, -0.8)
    return fig


def plan_pace_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """The five-year plan's routine scope (94 units) cut into five years' shares (18.8 each),
    beside the 19 routine units planned for 2017: 94 / 19 = 4.9 years."""
    lang = style.resolve(language)
    v, d = _fig_values(figures), _derived(derived)
    scope, years = v["plan_routine_scope_units"], v["plan_span_years"]
    planned, pace = v["plan_2017_routine_units"], d["plan_routine_pace_per_year"]
    needed = d["plan_years_to_cover_routine_scope"]
    title = tr(lang, f"At the 2017 pace of {F(planned)} units a year, the {F(scope)} units of the routine scope "
                     f"take about {needed:.1f} years: just inside the {F(years)}-year plan",
               f"按2017年{F(planned)}家的节奏，{F(scope)}家常规巡察范围单位约需{needed:.1f}年巡察一遍，"
               f"恰在{F(years)}年规划期内")
    subtitle = tr(lang, f"Units (家) in the routine-inspection scope of the city's five-year plan, in five equal "
                        f"yearly shares of {F(pace)}, against the routine inspections planned for 2017."
                  if style.zh_ok() else
                  f"Units in the routine-inspection scope of the city's five-year plan, in five equal "
                  f"yearly shares of {F(pace)}, against the routine inspections planned for 2017.",
                  f"市委巡察工作五年规划的常规巡察范围单位数（家），按五年平均每年{F(pace)}家，对比2017年计划常规巡察单位数。")
    note = tr(lang, f"{F(scope)} ÷ {F(years)} = {F(pace)} units a year; {F(scope)} ÷ {F(planned)} = {needed:.1f} years. "
                    "Assumes the 2017 'city departments' (市直部门) belong to the plan's 'city-level county-rank "
                    "units' (市直正县级单位) and that no unit is inspected twice; the article gives neither the "
                    "plan's years nor later years' plans." if style.zh_ok() else
              f"{F(scope)} / {F(years)} = {F(pace)} units a year; {F(scope)} / {F(planned)} = {needed:.1f} years. "
              "Assumes the 2017 city departments belong to the plan's routine scope and that no unit is "
              "inspected twice; the article gives neither the plan's years nor later years' plans.",
              f"{F(scope)} ÷ {F(years)} ＝ 每年{F(pace)}家；{F(scope)} ÷ {F(planned)} ＝ {needed:.1f}年。"
              "假定2017年的“市直部门”属于规划的“市直正县级单位”，且无单位重复巡察；文章未给出规划起止年份和以后各年计划。")
    fig = style.new_figure(10, 4.4, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    ax = fig.add_axes((x0 + 0.22 * w, y0, 0.74 * w, h))
    style.tidy_axes(ax)
    for i in range(int(years)):
        ax.barh(0, pace, left=i * pace, height=0.55, color=COLORS["main_light"] if i % 2 else COLORS["main"],
                edgecolor="white", linewidth=1.2, gid=f"scope-year-{i + 1}")
        ax.text(i * pace + pace / 2, 0, tr(lang, f"year {i + 1}\n{F(pace)}", f"第{i + 1}年\n{F(pace)}家"),
                ha="center", va="center", fontsize=style.SMALL_SIZE, color="white", fontweight="bold")
    ax.text(scope + 1, 0, tr(lang, f"{F(scope)} units", f"{F(scope)}家"), ha="left", va="center",
            fontsize=style.LABEL_SIZE, fontweight="bold")
    ax.barh(1, planned, height=0.55, color=COLORS["accent"], gid="planned-2017")
    ax.text(planned + 1, 1, tr(lang, f"{F(planned)} units: {needed:.1f} years of this pace would cover the {F(scope)}",
                               f"{F(planned)}家：按此节奏{needed:.1f}年覆盖{F(scope)}家"),
            ha="left", va="center", fontsize=style.LABEL_SIZE, fontweight="bold")
    ax.set_yticks([0, 1], [tr(lang, "Routine scope of the\nfive-year plan", "五年规划\n常规巡察范围"),
                           tr(lang, "Routine inspections\nplanned for 2017", "2017年计划\n常规巡察")])
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(1.6, -0.6)
    ax.set_xlim(0, scope * 1.12)
    ax.xaxis.set_major_locator(MultipleLocator(10))
    ax.set_xlabel(tr(lang, "Units", "单位数（家）"), fontsize=style.SMALL_SIZE)
    return fig


def county_cases_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """Three county cases in three panels, each with its own unit: Wuli town's trips (people),
    Yanxia welfare home's false claims (recipients, yuan), social-assistance leads (leads)."""
    lang = style.resolve(language)
    v, d = _fig_values(figures), _derived(derived)
    people = d["wuli_people_total"]
    title = tr(lang, f"County cases: {F(people)} people on {F(v['wuli_trips'])} public-expense trips, "
                     f"{F(v['yanxia_funds_obtained'])} yuan of five-guarantee funds obtained by false claims, "
                     f"{F(v['social_assistance_leads'])} social-assistance leads",
               f"县级案例：{F(v['wuli_trips'])}起公款旅游涉及{F(people)}人，虚报套取五保资金{F(v['yanxia_funds_obtained'])}元，"
               f"社会救助资金问题线索{F(v['social_assistance_leads'])}条")
    subtitle = tr(lang, "Three cases the article reports from the inspections; each panel counts a different thing "
                        "on its own axis.",
                  "文章报道的三个巡察发现；各分图计数对象不同，坐标轴各自独立。")
    note = tr(lang, f"Wuli: {F(v['wuli_person_times'])} person-times on {F(v['wuli_trips'])} trips, 2014-2015 "
                    f"({d['wuli_trips_per_person']:.1f} trips per person on average). Yanxia: January 2014 to October 2015 "
                    f"= {F(d['yanxia_fraud_months'])} months, about {F(round(d['yanxia_funds_per_month']))} yuan a month. "
                    f"Social assistance: assumes the {F(v['social_assistance_leads'])} leads are among the "
                    f"{F(v['city_problem_leads'])}.",
              f"五里镇：2014年至2015年{F(v['wuli_trips'])}起{F(v['wuli_person_times'])}人次（人均约{d['wuli_trips_per_person']:.1f}次）。"
              f"燕厦乡：2014年1月至2015年10月共{F(d['yanxia_fraud_months'])}个月，平均每月约"
              f"{F(round(d['yanxia_funds_per_month']))}元。社会救助：假定{F(v['social_assistance_leads'])}条线索包含在"
              f"{F(v['city_problem_leads'])}条之中。")
    fig = style.new_figure(11, 5.2, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note, axis_pad=0.45)
    gap = 0.08 * w
    x0 += 0.05 * w
    pw = (w - 0.05 * w - 2 * gap) / 3

    # (a) Wuli town: 18 people stacked by group.
    ax = fig.add_axes((x0, y0, pw, h * 0.8))
    style.tidy_axes(ax, grid_x=False)
    ax.yaxis.grid(True, color="#e3e3e3", lw=0.7)
    parts = [("wuli_town_cadres", COLORS["main"], "Wuli town cadres", "五里镇党员干部"),
             ("wuli_other_cadres", COLORS["main_light"], "cadres of other units", "其他单位党员干部"),
             ("wuli_relatives", COLORS["special"], "cadres' children and family", "干部子女家属")]
    _stacked_bar(ax, parts, v, lang, ("people", "人"), total_gap=0.3, headroom=1.18)
    ax.set_ylabel(tr(lang, "People", "人数（人）"), fontsize=style.SMALL_SIZE)
    ax.set_title(tr(lang, f"Wuli town, Tongcheng county:\n{F(v['wuli_trips'])} trips, {F(v['wuli_person_times'])} person-times",
                    f"通城县五里镇：\n公款旅游{F(v['wuli_trips'])}起{F(v['wuli_person_times'])}人次"),
                 fontsize=style.LABEL_SIZE, loc="left")

    # (b) Yanxia welfare home: 10 recipients, 25,969 yuan.
    ax = fig.add_axes((x0 + pw + gap, y0, pw, h * 0.8))
    style.tidy_axes(ax, grid_x=False)
    ax.yaxis.grid(True, color="#e3e3e3", lw=0.7)
    parts = [("yanxia_false_concentrated", COLORS["main"], "dispersed recipients falsely\nreported as living in the home",
              "散养五保户虚报为集中供养"),
             ("yanxia_deaths_concealed", COLORS["accent"], "dead, deaths concealed", "隐瞒死亡")]
    _stacked_bar(ax, parts, v, lang, ("recipients", "名"), total_gap=0.2, headroom=1.18 * 1.8)
    ax.set_ylabel(tr(lang, "Five-guarantee recipients", "五保户人数（名）"), fontsize=style.SMALL_SIZE)
    ax.text(0.98, 0.97, tr(lang, f"{F(v['yanxia_funds_obtained'])} yuan\nover {F(d['yanxia_fraud_months'])} months",
                           f"{F(v['yanxia_funds_obtained'])}元\n历时{F(d['yanxia_fraud_months'])}个月"),
            transform=ax.transAxes, ha="right", va="top", fontsize=style.LABEL_SIZE + 2, fontweight="bold",
            color=COLORS["accent"])
    ax.set_title(tr(lang, "Yanxia township welfare home,\nTongshan county: false claims",
                    "通山县燕厦乡福利院：\n虚报套取农村五保资金"), fontsize=style.LABEL_SIZE, loc="left")

    # (c) Social-assistance leads among all leads.
    ax = fig.add_axes((x0 + 2 * (pw + gap), y0, pw, h * 0.8))
    style.tidy_axes(ax, grid_x=False)
    ax.yaxis.grid(True, color="#e3e3e3", lw=0.7)
    total, sa = v["city_problem_leads"], v["social_assistance_leads"]
    ax.bar(0, sa, width=0.6, color=COLORS["accent"], gid="bar-social_assistance_leads")
    ax.bar(0, total - sa, bottom=sa, width=0.6, color=COLORS["uncertain"], gid="bar-other_leads")
    ax.text(0.36, sa / 2, tr(lang, f"{F(sa)} social-assistance\nleads ({d['social_assistance_share_of_leads']:.1f}%)",
                             f"社会救助资金问题\n线索{F(sa)}条（{d['social_assistance_share_of_leads']:.1f}%）"),
            ha="left", va="center", fontsize=style.SMALL_SIZE)
    ax.text(0.36, sa + (total - sa) / 2, tr(lang, "other leads", "其他线索"), ha="left", va="center",
            fontsize=style.SMALL_SIZE, color=COLORS["muted"])
    ax.text(0, total + 5, tr(lang, f"{F(total)} leads", f"共{F(total)}条"), ha="center", va="bottom",
            fontsize=style.LABEL_SIZE, fontweight="bold")
    ax.set_xlim(-0.5, 2.4)
    ax.set_ylim(0, total * 1.18)
    ax.set_xticks([])
    ax.set_ylabel(tr(lang, "Problem leads", "问题线索（条）"), fontsize=style.SMALL_SIZE)
    ax.set_title(tr(lang, "City-county linked special inspection\nof social assistance funds",
                    "市县联动社会救助资金\n专项巡察"), fontsize=style.LABEL_SIZE, loc="left")
    return fig


def per_unit_chart(figures: pd.DataFrame, derived: pd.DataFrame, language: str = "en") -> Figure:
    """Problems, leads and recommendations per inspected unit (totals / 34)."""
    lang = style.resolve(language)
    v, d = _fig_values(figures), _derived(derived)
    units = v["city_units_inspected"]
    rows = [("problems_per_unit", "city_general_problems", "General problems (个)", "General problems", "面上问题（个）"),
            ("leads_per_unit", "city_problem_leads", "Problem leads (条)", "Problem leads", "问题线索（条）"),
            ("recommendations_per_unit", "city_recommendations", "Recommendations (条)", "Recommendations",
             "意见建议（条）")]
    title = tr(lang, f"Per inspected unit, the first round found about {d['problems_per_unit']:.0f} general problems "
                     f"and {d['leads_per_unit']:.0f} problem leads, and made about {d['recommendations_per_unit']:.0f} "
                     "recommendations",
               f"首轮巡察平均每家被巡察单位发现面上问题约{d['problems_per_unit']:.0f}个、问题线索约"
               f"{d['leads_per_unit']:.0f}条，提出意见建议约{d['recommendations_per_unit']:.0f}条")
    subtitle = tr(lang, f"City and county totals of the first round divided by the {F(units)} units inspected "
                        "(July 2016 to January 2017).",
                  f"市县首轮巡察（2016年7月至2017年1月）合计数除以被巡察单位数{F(units)}家。")
    note = tr(lang, "Averages: the article does not give figures for single units. Lengths proportional to the "
                    "values (linear scale).",
              "均为平均数：文章未给出各单位的数字。长度与数值成正比（线性刻度）。")
    fig = style.new_figure(9, 4.2, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    ax = fig.add_axes((x0 + 0.27 * w, y0, 0.68 * w, h))
    style.tidy_axes(ax)
    for y, (did, fid, en, en_plain, zh) in enumerate(rows):
        val = d[did]
        ax.barh(y, val, height=0.55, color=COLORS["main"], gid=f"bar-{did}")
        ax.text(val + 0.15, y, tr(lang, f"{val:.1f} per unit  ({F(v[fid])} ÷ {F(units)})",
                                  f"每家{val:.1f}  （{F(v[fid])} ÷ {F(units)}）"),
                ha="left", va="center", fontsize=style.LABEL_SIZE, fontweight="bold")
    ax.set_yticks(range(len(rows)), [tr(lang, en if style.zh_ok() else en_plain, zh) for _, _, en, en_plain, zh in rows])
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(0, 18)
    ax.xaxis.set_major_locator(MultipleLocator(2))
    ax.set_xlabel(tr(lang, "Per inspected unit (average)", "平均每家被巡察单位"), fontsize=style.SMALL_SIZE)
    return fig
