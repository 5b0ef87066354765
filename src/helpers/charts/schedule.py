"""The time line July 2016 - December 2017, the 2017 plan's units, and inspection durations."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MultipleLocator

from . import style
from .style import COLORS, tr

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
    def f(x, _pos):
        d = mdates.num2date(x)
        if lang == "zh":
            return f"{d.year}年\n{d.month}月" if d.month in (1, 7) else f"{d.month}月"
        return d.strftime("%b\n%Y") if d.month in (1, 7) else d.strftime("%b")
    return FuncFormatter(f)


def timeline_chart(timeline: pd.DataFrame, schedule: pd.DataFrame, figures: pd.DataFrame,
                   language: str = "en") -> Figure:
    """July 2016 to December 2017: the first round (city and counties), the two 2017 rounds,
    the milestones and the publication date; hatched ends show the 旬/month uncertainty."""
    lang = style.resolve(language)
    f = figures.set_index("figure_id")
    began = _row(timeline, "date_id", "inspections_began")
    offices = _row(timeline, "date_id", "offices_complete")
    done = _row(timeline, "date_id", "first_round_complete")
    pub = _row(timeline, "date_id", "publication")
    r1 = _row(schedule, "entry_id", "round_1")
    r2 = _row(schedule, "entry_id", "round_2")
    n34 = style.fmt(f.loc["city_units_inspected", "value"])
    n1, n2 = style.fmt(r1["units"]), style.fmt(r2["units"])
    groups = style.fmt(f.loc["groups_stationed", "value"])

    title = tr(lang, f"The 2017 plan: two rounds, {n1} units from late February to late June and "
                     f"{n2} from early July to late December",
               f"2017年计划分两轮巡察：2月下旬至6月下旬{n1}家单位，7月上旬至12月下旬{n2}家单位")
    subtitle = tr(lang, "Xianning's inspections from July 2016 to December 2017 as the article of 25 April 2017 "
                        "tells them; the 2017 rounds were plans at the time. Hatched, faded ends: the article "
                        "gives only the ten-day period (旬) or the month.",
                  "2016年7月至2017年12月咸宁巡察工作时间线（据2017年4月25日报道；2017年两轮为当时的计划）。"
                  "斜线浅色部分：文章只给出旬或月份，具体日期不确定。")
    if lang == "en" and not style.zh_ok():
        subtitle = subtitle.replace(" (旬)", "")
    note = tr(lang, "The first round's bar runs from the start of inspections (\u201csince July last year\u201d) "
                    "to its completion (\u201cby the end of January\u201d); the article gives no dates for single "
                    "inspections in it. Round dates: \u201c2月下旬至6月下旬\u201d and \u201c7月上旬至12月下旬\u201d.",
              "首轮条形自“去年7月以来”开展巡察起，至“截至今年1月底”完成止；文章未给出其中各次巡察的日期。"
              "2017年两轮日期：“2月下旬至6月下旬”“7月上旬至12月下旬”。")
    if lang == "en" and not style.zh_ok():
        note = note.split(" Round dates:")[0]
    fig = style.new_figure(10, 5.6, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note, axis_pad=0.5)
    ax = fig.add_axes((x0 + 0.2 * w, y0, 0.78 * w, h))
    style.tidy_axes(ax)

    rows = [
        (tr(lang, f"First round,\ncity and counties:\n{n34} units", f"市县首轮巡察：\n{n34}家单位"),
         began["start_earliest"], began["start_latest"], done["end_earliest"], done["end_latest"],
         COLORS["side"], "first-round"),
        (tr(lang, f"2017 round 1:\n{n1} units", f"2017年第一轮：\n{n1}家单位"),
         r1["start_earliest"], r1["start_latest"], r1["end_earliest"], r1["end_latest"], COLORS["main"], "round-1"),
        (tr(lang, f"2017 round 2:\n{n2} units", f"2017年第二轮：\n{n2}家单位"),
         r2["start_earliest"], r2["start_latest"], r2["end_earliest"], r2["end_latest"], COLORS["main"], "round-2"),
    ]
    for i, (label, se, sl, ee, el, color, gid) in enumerate(rows, start=1):
        _uncertain_bar(ax, i, se, sl, ee, el, color, gid=gid)

    # Milestones row (y = 0): faded spans over the whole uncertain period, labels staggered.
    milestones = [
        (began, tr(lang, "Inspections begin\n(July 2016)", "开展巡察\n（2016年7月）"), "above"),
        (offices, tr(lang, "Inspection offices of city and\ncounties all set up (Nov 2016)",
                     "市县两级巡察机构\n全部组建到位（2016年11月）"), "above"),
        (done, tr(lang, "First round complete\n(end of January 2017)", "首轮巡察完成\n（2017年1月底）"), "right"),
    ]
    for r, text, where in milestones:
        a = mdates.date2num(r["start_earliest"].to_pydatetime())
        b = mdates.date2num((r["end_latest"] + ONE_DAY).to_pydatetime())
        ax.barh(0, b - a, left=a, height=0.42, color=COLORS["uncertain"], edgecolor=COLORS["main"],
                hatch=HATCH, linewidth=0.6, gid=f"milestone-{r['date_id']}")
        if where == "above":
            ax.text((a + b) / 2, -0.3, text, ha="center", va="bottom", fontsize=style.SMALL_SIZE,
                    color=COLORS["text"])
        else:
            ax.text(b + 4, 0, text, ha="left", va="center", fontsize=style.SMALL_SIZE, color=COLORS["text"])
    p = mdates.date2num(pub["start_earliest"].to_pydatetime())
    ax.axvline(p, color=COLORS["accent"], lw=1.3, ls="--", gid="publication")
    ax.text(p + 4, -0.75, tr(lang, f"Article published 25 April 2017:\n{groups} city inspection groups\n"
                                  "already stationed in units",
                            f"2017年4月25日报道发布：\n{groups}个市委巡察组\n已进驻被巡察单位"),
            ha="left", va="center", fontsize=style.SMALL_SIZE, color=COLORS["accent"])
    ax.set_yticks(range(0, len(rows) + 1),
                  [tr(lang, "Milestones", "时间节点")] + [r[0] for r in rows], fontsize=style.SMALL_SIZE + 0.5)
    ax.tick_params(axis="y", length=0, labelsize=style.SMALL_SIZE + 0.5)
    ax.set_ylim(len(rows) + 0.75, -1.25)
    ax.set_xlim(mdates.date2num(dt.datetime(2016, 6, 15)), mdates.date2num(dt.datetime(2018, 1, 15)))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(_month_formatter(lang))
    ax.tick_params(axis="x", labelsize=style.SMALL_SIZE - 0.5)
    ax.legend(handles=[Patch(color=COLORS["main"], label=tr(lang, "dates known", "日期确定")),
                       Patch(facecolor=COLORS["uncertain"], edgecolor=COLORS["main"], hatch=HATCH,
                             label=tr(lang, "somewhere in this ten-day period (旬) or month" if style.zh_ok()
                                      else "somewhere in this ten-day period or month",
                                      "在此旬或此月内，具体日期不详"))],
              loc="upper right", fontsize=style.SMALL_SIZE, frameon=False, ncol=1,
              bbox_to_anchor=(1.0, 0.72))
    return fig


def plan_2017_chart(schedule: pd.DataFrame, language: str = "en") -> Figure:
    """Units planned for 2017: by round (9 + 13) and by type (19 + 3), both 22; follow-up 7 apart."""
    lang = style.resolve(language)
    s = schedule.set_index("entry_id")
    v = {k: float(s.loc[k, "units"]) for k in ("round_1", "round_2", "routine", "special", "follow_up")}
    total = v["round_1"] + v["round_2"]
    F = style.fmt
    title = tr(lang, f"{F(total)} units planned for 2017: {F(v['routine'])} city departments for routine "
                     f"inspection and {F(v['special'])} county-level units for special inspection, "
                     f"plus a follow-up of the {F(v['follow_up'])} inspected in 2016",
               f"2017年计划巡察{F(total)}家单位：常规巡察{F(v['routine'])}家市直部门，"
               f"专项巡察{F(v['special'])}家县级单位；另对2016年巡察的{F(v['follow_up'])}家单位开展“回头看”")
    subtitle = tr(lang, "Units (家) in the city Party committee's 2017 inspection plan, counted two ways: by "
                        "round and by inspection type. Both ways sum to the same total.",
                  "2017年市委巡察计划的单位数（家），按轮次和按巡察类型两种分法，合计相同。")
    if lang == "en" and not style.zh_ok():
        subtitle = subtitle.replace(" (家)", "")
    note = tr(lang, f"The article does not say whether the {F(v['follow_up'])} follow-up units are among the "
                    f"{F(total)}, nor how the routine and special inspections are split between the rounds. "
                    "Lengths proportional to the number of units (linear scale).",
              f"文章未说明{F(v['follow_up'])}家“回头看”单位是否在{F(total)}家之内，也未说明常规与专项巡察在两轮中"
              "如何分配。长度与单位数成正比（线性刻度）。")
    fig = style.new_figure(10, 4.7, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    ax = fig.add_axes((x0 + 0.24 * w, y0, 0.72 * w, h))
    style.tidy_axes(ax)
    unit = tr(lang, " units", "家")
    segs = [
        (0, [(v["round_1"], COLORS["main"], tr(lang, f"Round 1: {F(v['round_1'])}{unit}", f"第一轮：{F(v['round_1'])}{unit}"), "round_1"),
             (v["round_2"], COLORS["main_light"], tr(lang, f"Round 2: {F(v['round_2'])}{unit}", f"第二轮：{F(v['round_2'])}{unit}"), "round_2")]),
        (1, [(v["routine"], COLORS["main"], tr(lang, f"Routine: {F(v['routine'])}{unit}", f"常规巡察：{F(v['routine'])}{unit}"), "routine"),
             (v["special"], COLORS["special"], tr(lang, f"Special: {F(v['special'])}{unit}", f"专项巡察：{F(v['special'])}{unit}"), "special")]),
        (2, [(v["follow_up"], COLORS["follow_up"], tr(lang, f"Follow-up: {F(v['follow_up'])}{unit}", f"“回头看”：{F(v['follow_up'])}{unit}"), "follow_up")]),
    ]
    for y, parts in segs:
        left = 0.0
        for val, color, label, gid in parts:
            ax.barh(y, val, left=left, height=0.55, color=color, edgecolor="white", linewidth=1.2,
                    hatch="//" if gid == "follow_up" else None, gid=f"bar-{gid}")
            if val >= 6 and gid != "follow_up":
                ax.text(left + val / 2, y, label, ha="center", va="center", fontsize=style.LABEL_SIZE,
                        color="white", fontweight="bold")
            else:
                ax.text(left + val + 0.3, y, label, ha="left", va="center", fontsize=style.LABEL_SIZE,
                        color=COLORS["text"], fontweight="bold")
            left += val
        if len(parts) > 1:
            ax.text(left + (4.2 if y == 1 else 0.3), y, tr(lang, f"= {F(left)}", f"＝{F(left)}"),
                    ha="left", va="center", fontsize=style.LABEL_SIZE, color=COLORS["muted"])
    ax.set_yticks([0, 1, 2], [tr(lang, "By round", "按轮次"), tr(lang, "By inspection type", "按巡察类型"),
                              tr(lang, "Follow-up (回头看)\nof the 2016 units" if style.zh_ok()
                                 else "Follow-up\nof the 2016 units", "2016年被巡察单位\n“回头看”")])
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(2.6, -0.6)
    ax.set_xlim(0, total * 1.15)
    ax.xaxis.set_major_locator(MultipleLocator(2))
    ax.set_xlabel(tr(lang, "Units (家)" if style.zh_ok() else "Units", "单位数（家）"), fontsize=style.SMALL_SIZE)
    return fig


def durations_chart(figures: pd.DataFrame, schedule: pd.DataFrame, language: str = "en") -> Figure:
    """Typical length of one inspection in 2016 (routine ~1.5 months, special ~20 days) beside the
    windows of the two 2017 rounds (min to max days from their ten-day periods)."""
    lang = style.resolve(language)
    f = figures.set_index("figure_id")
    months = float(f.loc["duration_routine_months", "value"])
    routine_days = months * 30
    special_days = float(f.loc["duration_special_days", "value"])
    s = schedule.set_index("entry_id")
    F = style.fmt
    title = tr(lang, f"In 2016 a routine inspection took about {F(months)} months, a special one about "
                     f"{F(special_days)} days",
               f"2016年常规巡察每次约{F(months)}个月，专项巡察约{F(special_days)}天")
    subtitle = tr(lang, "Typical length of one inspection (days, \u201cabout\u201d in the article), and for scale the "
                        "windows of the two 2017 rounds, each holding several inspections.",
                  "每次巡察的大致时长（天，文章称“左右”），并列出2017年两轮巡察的时间窗口（每轮包含多家单位的巡察）作为参照。")
    note = tr(lang, f"{F(months)} months drawn as {F(routine_days)} days (30 days a month). Round windows: solid to the "
                    "shortest, hatched to the longest length the ten-day periods (旬) allow." if style.zh_ok() else
              f"{F(months)} months drawn as {F(routine_days)} days (30 days a month). Round windows: solid to the "
              "shortest, hatched to the longest length the ten-day periods allow.",
              f"{F(months)}个月按每月30天折合{F(routine_days)}天。两轮窗口：实心为按旬推算的最短天数，斜线延伸至最长天数。")
    fig = style.new_figure(10, 4.6, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    ax = fig.add_axes((x0 + 0.3 * w, y0, 0.66 * w, h))
    style.tidy_axes(ax)
    rows = [
        (tr(lang, "Routine inspection (2016)", "常规巡察（2016年）"), routine_days, None, COLORS["main"],
         tr(lang, f"about {F(months)} months (≈{F(routine_days)} days)", f"{F(months)}个月左右（约{F(routine_days)}天）")),
        (tr(lang, "Special inspection (2016)", "专项巡察（2016年）"), special_days, None, COLORS["special"],
         tr(lang, f"about {F(special_days)} days", f"{F(special_days)}天左右")),
    ]
    for key, zh, en in (("round_1", "2017年第一轮窗口", "Window of 2017 round 1"),
                        ("round_2", "2017年第二轮窗口", "Window of 2017 round 2")):
        lo, hi = float(s.loc[key, "min_days"]), float(s.loc[key, "max_days"])
        n = F(s.loc[key, "units"])
        rows.append((tr(lang, f"{en} ({n} units)", f"{zh}（{n}家单位）"), lo, hi, COLORS["side"],
                     tr(lang, f"{F(lo)}–{F(hi)} days", f"{F(lo)}至{F(hi)}天")))
    for y, (label, lo, hi, color, text) in enumerate(rows):
        yy = y + (0.4 if y >= 2 else 0)
        ax.barh(yy, lo, height=0.55, color=color, gid=f"bar-{y}")
        end = lo
        if hi is not None:
            ax.barh(yy, hi - lo, left=lo, height=0.55, color=COLORS["uncertain"], edgecolor=color,
                    hatch=HATCH, linewidth=0.6, gid=f"bar-{y}-range")
            end = hi
        ax.text(end + 2, yy, text, ha="left", va="center", fontsize=style.LABEL_SIZE, fontweight="bold",
                color=COLORS["text"])
    ax.set_yticks([y + (0.4 if y >= 2 else 0) for y in range(len(rows))], [r[0] for r in rows])
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.axhline(1.7, color="#cccccc", lw=0.8, ls=":")
    ax.set_ylim(len(rows) + 0.0, -0.6)
    ax.set_xlim(0, 230)
    ax.xaxis.set_major_locator(MultipleLocator(30))
    ax.set_xlabel(tr(lang, "Days", "天数"), fontsize=style.SMALL_SIZE)
    return fig
