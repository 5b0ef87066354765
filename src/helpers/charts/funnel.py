"""The city-wide funnel (leads -> transfers -> case filings -> sanctions, shuanggui aside) and Xian'an's figures."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import style
from .style import COLORS, tr

__all__ = ["funnel_chart", "xianan_chart"]

#: English nouns for each stage's measure word (the glossary's renderings).
STAGE_NOUN_EN = {"leads": "leads", "transfers": "cases", "case_filings": "cases",
                 "sanctions": "people", "shuanggui": "people"}
UNIT_NOUN_EN = {"条": "leads", "件": "cases", "人": "people", "名": "people", "个": "problems"}


def _value(figures: pd.DataFrame, figure_id: str) -> float:
    return float(figures.loc[figures["figure_id"] == figure_id, "value"].iloc[0])


def _pct(p: float) -> str:
    return f"{p:.1f}%" if p < 99.95 else "100%"


def funnel_chart(funnel: pd.DataFrame, language: str = "en") -> Figure:
    """Horizontal bars, one per stage, lengths proportional to the counts (linear scale).

    Every bar carries its count and measure word; the "% of previous" and "% of first" columns
    sit to the right; a red marker between stages says where the counted thing changes
    (条 leads -> 件 cases -> 人 people). Shuanggui is drawn apart, as a side branch of case filings.
    """
    lang = style.resolve(language)
    df = funnel.sort_values("stage_order").reset_index(drop=True)
    main = df[df["branch"] == "main"].reset_index(drop=True)
    side = df[df["branch"] == "side"].reset_index(drop=True)
    first = main.iloc[0]
    by_stage = df.set_index("stage")

    leads, transfers = by_stage.loc["leads", "value"], by_stage.loc["transfers", "value"]
    sanctions = by_stage.loc["sanctions", "value"]
    title = tr(lang,
               f"Of {style.fmt(leads)} problem leads, {style.fmt(transfers)} were transferred "
               f"and {style.fmt(sanctions)} people were sanctioned",
               f"{style.fmt(leads)}条问题线索中，移交{style.fmt(transfers)}件，"
               f"{style.fmt(sanctions)}人受到党政纪处分")
    subtitle = tr(lang,
                  "What followed the problem leads of Xianning's first round of inspections "
                  "(city and counties, 34 units, July 2016 to January 2017). The bars count "
                  "different things: leads (条), cases (件) and people (人).",
                  "咸宁市县两级首轮巡察（2016年7月至2017年1月，共34家单位）发现的问题线索的后续处理。"
                  "各条形计数的对象不同：线索（条）、案件（件）、人（人）。")
    if lang == "en" and not style.zh_ok():
        subtitle = subtitle.replace(" (条)", "").replace(" (件)", "").replace(" (人)", "")
    note = tr(lang,
              "Bar lengths are proportional to the counts (linear scale). † The unit changes: the "
              "percentage compares counts of different things and is not a share of the same items "
              "(a transfer may bundle several leads; a case may involve several people). Shuanggui "
              "(detention at a designated time and place) is a measure taken during case review: a side "
              "branch of the cases filed, not a stage after sanctions.",
              "条形长度与数量成正比（线性刻度）。† 计量单位改变：百分比是不同对象的数量之比，"
              "并非同一对象中的占比（一件移交可能包含多条线索，一件案件可能涉及多人）。"
              "“两规”是立案审查中采取的措施，是立案的旁支，不是处分之后的环节。")

    fig = style.new_figure(10, 6.4, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    label_w = 0.24 * w
    bars_w = 0.44 * w
    ax = fig.add_axes((x0 + label_w, y0, bars_w, h))

    rows: list[tuple[float, pd.Series, bool]] = [(float(i), r, False) for i, r in main.iterrows()]
    side_y = len(main) + 0.35
    rows += [(side_y + i, r, True) for i, r in side.iterrows()]
    vmax = float(df["value"].max())
    for y, r, is_side in rows:
        v = float(r["value"])
        ax.barh(y, v, height=0.56, color=COLORS["side"] if is_side else COLORS["main"],
                hatch="//" if is_side else None, edgecolor="white" if not is_side else "#555555",
                linewidth=0.6, gid=f"bar-{r['stage']}")
        noun = STAGE_NOUN_EN[r["stage"]]
        text = style.count_label(v, r["unit"], noun, lang)
        inside = v / vmax > 0.3
        ax.text(v - vmax * 0.01 if inside else v + vmax * 0.012, y, text,
                ha="right" if inside else "left", va="center", fontsize=style.LABEL_SIZE,
                color="white" if inside else COLORS["text"], fontweight="bold")
    ticks = [y for y, _, _ in rows]
    labels = []
    for _, r, is_side in rows:
        lab = r["label_zh"] if lang == "zh" else r["label_en"]
        if is_side:
            lab = tr(lang, f"Side branch of cases filed:\n{lab}", f"立案的旁支：\n{lab}")
        labels.append(lab)
    ax.set_yticks(ticks, labels, fontsize=style.LABEL_SIZE)
    style.tidy_axes(ax)
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(side_y + 0.55, -0.6)
    ax.set_xlim(0, vmax * 1.02)
    ax.set_xlabel(tr(lang, "Count (leads, cases or people: see each bar)", "数量（条、件或人，见各条形）"),
                  fontsize=style.SMALL_SIZE)
    ax.tick_params(axis="x", labelsize=style.SMALL_SIZE)
    ax.axhline(len(main) - 0.5 + 0.2, color="#cccccc", lw=0.8, ls=":")

    # Unit changes between consecutive main stages, and into the side branch.
    for i in range(1, len(main)):
        cur, prev = main.iloc[i], main.iloc[i - 1]
        if bool(cur["unit_changes"]):
            ax.text(vmax * 0.01, i - 0.5, _unit_change_text(prev, cur, lang), ha="left", va="center",
                    fontsize=style.SMALL_SIZE, color=COLORS["accent"], gid="unit-change")
    for _, r in side.iterrows():
        if bool(r["unit_changes"]):
            parent = df[df["stage"] == r["parent_stage"]].iloc[0]
            ax.text(vmax * 0.01, side_y - 0.5, _unit_change_text(parent, r, lang, side=True), ha="left",
                    va="center", fontsize=style.SMALL_SIZE, color=COLORS["accent"],
                    gid="unit-change")

    # Rate columns, in axes-x = figure coordinates to the right of the bars.
    c1 = x0 + 0.79 * w
    c2 = x0 + 0.93 * w
    from matplotlib.transforms import blended_transform_factory
    bt = blended_transform_factory(fig.transFigure, ax.transData)
    head1 = tr(lang, "% of previous\nstage", "占上一环节\n的百分比")
    head2 = tr(lang, f"% of first stage\n({style.fmt(first['value'])} leads)",
               f"占第一环节的百分比\n（{style.fmt(first['value'])}条线索）")
    ax.text(c1, -0.55, head1, transform=bt, ha="center", va="bottom", fontsize=style.SMALL_SIZE,
            fontweight="bold", color=COLORS["text"])
    ax.text(c2, -0.55, head2, transform=bt, ha="center", va="bottom", fontsize=style.SMALL_SIZE,
            fontweight="bold", color=COLORS["text"])
    for y, r, is_side in rows:
        dagger = "†" if bool(r["unit_changes"]) else ""
        if pd.isna(r["pct_of_previous"]):
            prev_txt = "—"
        else:
            prev_txt = _pct(r["pct_of_previous"]) + dagger
            if is_side:
                prev_txt += tr(lang, "\nof cases filed", "\n（占立案）")
        first_txt = _pct(r["pct_of_first"]) + ("†" if r["unit"] != first["unit"] else "")
        ax.text(c1, y, prev_txt, transform=bt, ha="center", va="center", fontsize=style.LABEL_SIZE,
                color=COLORS["text"], gid="pct-previous")
        ax.text(c2, y, first_txt, transform=bt, ha="center", va="center", fontsize=style.LABEL_SIZE,
                color=COLORS["text"], gid="pct-first")
    return fig


def _unit_change_text(prev: pd.Series, cur: pd.Series, lang: str, side: bool = False) -> str:
    a_en, b_en = STAGE_NOUN_EN[prev["stage"]], STAGE_NOUN_EN[cur["stage"]]
    if lang == "zh":
        return f"▼ 计量单位改变：{prev['unit']}（{_ZH_NOUN[prev['unit']]}）→ {cur['unit']}（{_ZH_NOUN[cur['unit']]}）"
    if style.zh_ok():
        return f"▼ unit changes: {prev['unit']} {a_en} → {cur['unit']} {b_en}"
    return f"▼ unit changes: {a_en} → {b_en}"


_ZH_NOUN = {"条": "线索", "件": "案件", "人": "人", "名": "人", "个": "问题"}


def xianan_chart(figures: pd.DataFrame, language: str = "en") -> Figure:
    """Xian'an district's first round: four counts of four different things, one small panel each.

    Each panel has its own bar on a shared linear count axis (so lengths compare as counts) and
    its own measure word; the panels are separate because problems (个), leads (条) and people (名)
    are not the same kind of thing.
    """
    lang = style.resolve(language)
    items = [
        ("xianan_general_problems", "general problems", "problems"),
        ("xianan_problem_leads", "problem leads", "leads"),
        ("xianan_held_accountable", "Party members and cadres held accountable\n(irregularly granting minimum living allowances)", "people"),
        ("xianan_put_on_file", "Party members and cadres put on file for review\n(irregularly receiving minimum living allowances)", "people"),
    ]
    zh_labels = {
        "xianan_general_problems": "面上问题",
        "xianan_problem_leads": "问题线索",
        "xianan_held_accountable": "违规办理低保被追责问责的党员干部",
        "xianan_put_on_file": "违规领取低保被立案审查的党员干部",
    }
    f = figures.set_index("figure_id")
    vals = [float(f.loc[i, "value"]) for i, _, _ in items]
    leads = float(f.loc["xianan_problem_leads", "value"])
    held = float(f.loc["xianan_held_accountable", "value"])
    on_file = float(f.loc["xianan_put_on_file", "value"])
    people = held + on_file
    title = tr(lang,
               f"Xian'an district: {style.fmt(leads)} problem leads; {style.fmt(held)} Party members and "
               f"cadres held accountable and {style.fmt(on_file)} put on file over minimum living allowances",
               f"咸安区：问题线索{style.fmt(leads)}条，{style.fmt(people)}名党员干部因低保问题被追责问责或立案审查")
    subtitle = tr(lang,
                  "Xian'an district's first round of inspections (part of the city-wide round of July 2016 "
                  "to January 2017). Each bar counts a different thing; the measure word is on each label.",
                  "咸安区首轮巡察（属2016年7月至2017年1月市县首轮巡察）。各条形计数对象不同，计量单位见标注。")
    note = tr(lang,
              "Lengths are proportional to the counts (linear scale, one axis). The article gives the 5 "
              "and 2 only for minimum living allowance (dibao) cases; it does not say what followed "
              "the other leads.",
              "长度与数量成正比（线性刻度，同一坐标轴）。文章只给出低保问题的5名和2名，未说明其余线索的处理结果。")
    fig = style.new_figure(9, 4.6, lang)
    x0, y0, w, h = style.frame(fig, lang, title, subtitle, note)
    ax = fig.add_axes((x0 + 0.40 * w, y0, 0.52 * w, h))
    vmax = max(vals)
    for y, ((fid, lab_en, noun), v) in enumerate(zip(items, vals)):
        unit = str(f.loc[fid, "unit"])
        ax.barh(y, v, height=0.55, color=COLORS["main"] if y < 2 else COLORS["accent"], gid=f"bar-{fid}")
        text = style.count_label(v, unit, noun, lang)
        ax.text(v + vmax * 0.015, y, text, ha="left", va="center", fontsize=style.LABEL_SIZE,
                fontweight="bold", color=COLORS["text"])
    labels = [zh_labels[i] if lang == "zh" else lab[0].upper() + lab[1:] for (i, lab, _) in items]
    ax.set_yticks(range(len(items)), labels, fontsize=style.SMALL_SIZE + 0.5)
    style.tidy_axes(ax)
    ax.tick_params(axis="y", length=0, labelsize=style.SMALL_SIZE + 0.5)
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.set_xlim(0, vmax * 1.25)
    ax.set_xlabel(tr(lang, "Count (problems, leads or people)", "数量（个、条或名）"), fontsize=style.SMALL_SIZE)
    ax.tick_params(axis="x", labelsize=style.SMALL_SIZE)
    ax.axhline(1.5, color="#cccccc", lw=0.8, ls=":")
    return fig
