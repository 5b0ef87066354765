"""The city-wide funnel (leads -> transfers -> case filings -> sanctions, shuanggui aside) and Xian'an's figures."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from ..text import prose
from . import style
from .style import COLORS, label

__all__ = ["funnel_chart"]


def funnel_chart(funnel: pd.DataFrame, language: str = "en") -> Figure:
    """Horizontal bars, one per stage, lengths proportional to the counts (linear scale).

    Every bar names what it counts (28 leads transferred, 19 cases filed); the two columns on the
    right are ratios per 100 (of the stage before; of the problem leads), never shares; a red
    marker between stages says where the counted thing changes. Shuanggui is drawn apart, as a
    measure taken during case review.
    """
    lang = style.resolve(language)
    df = funnel.sort_values("stage_order").reset_index(drop=True)
    main = df[df["branch"] == "main"].reset_index(drop=True)
    side = df[df["branch"] == "side"].reset_index(drop=True)
    extra = {**style.values(df), **style.timeline_extras(lang)}

    fig = style.new_figure(style.WIDTH_IN, 6.4, lang)
    x0, y0, w, h = style.frame(fig, lang, label("chart.funnel.title", lang, extra),
                               label("chart.funnel.subtitle", lang, extra),
                               label("chart.funnel.note", lang, extra), computed=True)
    label_w, bars_w = 0.25 * w, 0.42 * w
    ax = fig.add_axes((x0 + label_w, y0, bars_w, h))

    rows: list[tuple[float, pd.Series, bool]] = [(float(i), r, False) for i, r in main.iterrows()]
    side_y = len(main) + 0.35
    rows += [(side_y + i, r, True) for i, r in side.iterrows()]
    vmax = float(df["value"].max())
    for y, r, is_side in rows:
        v = float(r["value"])
        ax.barh(y, v, height=0.56, color=COLORS["side"] if is_side else COLORS["main"],
                hatch="//" if is_side else None, edgecolor="#555555" if is_side else "white",
                linewidth=0.6, gid=f"bar-{r['stage']}")
        inside = v / vmax > 0.5
        ax.text(v - vmax * 0.015 if inside else v + vmax * 0.015, y, label(f"stage.{r['stage']}.bar", lang, extra),
                ha="right" if inside else "left", va="center", fontsize=style.LABEL_SIZE,
                color="white" if inside else COLORS["text"], fontweight="bold", gid=f"value-{r['stage']}")
    ticks, names = [], []
    for y, r, is_side in rows:
        name = r["label_zh"] if lang == "zh" else r["label_en"]
        ticks.append(y)
        names.append(label("chart.funnel.side", lang, {"label": name}) if is_side else name)
    ax.set_yticks(ticks, names)
    style.tidy_axes(ax)
    ax.tick_params(axis="y", length=0, labelsize=style.LABEL_SIZE)
    ax.set_ylim(side_y + 0.55, -0.75)
    ax.set_xlim(0, vmax * 1.02)
    ax.set_xlabel(label("chart.funnel.xlabel", lang), fontsize=style.SMALL_SIZE)
    ax.axhline(len(main) - 0.5 + 0.2, color="#cccccc", lw=0.8, ls=":")

    # A marker wherever what is counted changes: the measure word (条 -> 件, 件 -> 人) or, with the
    # same measure word, the thing counted (28 leads transferred -> 19 cases filed, both 件).
    for i in range(1, len(main)):
        cur, prev = main.iloc[i], main.iloc[i - 1]
        if _counts_change(prev["stage"], cur["stage"], bool(cur["unit_changes"]), lang):
            _change(ax, i - 0.5, prev["stage"], cur["stage"], lang, vmax)
    for _, r in side.iterrows():
        if _counts_change(r["parent_stage"], r["stage"], bool(r["unit_changes"]), lang):
            _change(ax, side_y - 0.5, r["parent_stage"], r["stage"], lang, vmax)

    # Two ratio columns to the right of the bars: per 100 of the stage before; per 100 leads.
    c1, c2 = x0 + 0.79 * w, x0 + 0.955 * w
    bt = blended_transform_factory(fig.transFigure, ax.transData)
    for c, key in ((c1, "chart.funnel.head_previous"), (c2, "chart.funnel.head_first")):
        ax.text(c, -0.6, label(key, lang), transform=bt, ha="center", va="bottom", fontsize=style.SMALL_SIZE,
                fontweight="bold", color=COLORS["text"])
    for y, r, _ in rows:
        if pd.isna(r["pct_of_previous"]):
            prev_txt, first_txt = "—", "—"
        else:
            prev_txt = _two_lines(label(f"stage.{r['stage']}.per_previous", lang,
                                        {"rate": prose.Computed(float(r["pct_of_previous"]))}))
            first_txt = _number(float(r["pct_of_first"]), lang)
        ax.text(c1, y, prev_txt, transform=bt, ha="center", va="center", fontsize=style.SMALL_SIZE,
                color=COLORS["text"], gid="per-previous")
        ax.text(c2, y, first_txt, transform=bt, ha="center", va="center", fontsize=style.LABEL_SIZE,
                color=COLORS["text"], gid="per-first")
    return fig


def _two_lines(text: str) -> str:
    """A ratio's text for the narrow column: as written when it has a line break of its own, else broken at the
    space nearest its middle (a new article's proposed labels are one line: "… per 100 …", "每百条问题线索 移交……")."""
    if "\n" in text or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


def _number(value: float, lang: str) -> str:
    """A computed rate, with the computed mark."""
    return prose.format_number(value, lang) + prose.computed_mark(lang)


def _counts_change(prev_stage: str, stage: str, unit_changes: bool, lang: str) -> bool:
    """True if the measure word changes or the two stages count different things."""
    return unit_changes or label(f"stage.{prev_stage}.counted", lang) != label(f"stage.{stage}.counted", lang)


def _change(ax, y: float, prev_stage: str, stage: str, lang: str, vmax: float) -> None:
    """The red marker where the counted thing changes between two stages."""
    text = label("chart.funnel.change", lang, {"prev": label(f"stage.{prev_stage}.counted", lang),
                                              "cur": label(f"stage.{stage}.counted", lang)})
    ax.text(vmax * 0.01, y, text, ha="left", va="center", fontsize=style.SMALL_SIZE, color=COLORS["accent"],
            gid="unit-change")


def _single_panels(fig: Figure, rect: tuple[float, float, float, float], panels: list[dict], lang: str,
                   vmax: float, label_frac: float = 0.36) -> list:
    """Stacked one-measure-word panels: each ``{"rows": [(name, value, text, color, gid)], "axis": str}``
    gets its own axes and x label (one measure word per axis), on a common linear scale."""
    x0, y0, w, h = rect
    n_rows = sum(len(p["rows"]) for p in panels)
    gap = 0.55 / fig.get_figheight()  # room for each panel's x label
    unit_h = (h - gap * (len(panels) - 1)) / n_rows
    top = y0 + h
    axes = []
    for p in panels:
        ph = unit_h * len(p["rows"])
        ax = fig.add_axes((x0 + label_frac * w, top - ph, (1 - label_frac) * w * 0.97, ph))
        style.tidy_axes(ax)
        for y, (name, value, text, color, gid) in enumerate(p["rows"]):
            ax.barh(y, value, height=0.6, color=color, gid=f"bar-{gid}")
            ax.text(value + vmax * 0.015, y, text, ha="left", va="center", fontsize=style.LABEL_SIZE,
                    fontweight="bold", color=COLORS["text"])
        ax.set_yticks(range(len(p["rows"])), [r[0] for r in p["rows"]])
        ax.tick_params(axis="y", length=0, labelsize=style.SMALL_SIZE + 0.5)
        ax.set_ylim(len(p["rows"]) - 0.5, -0.5)
        ax.set_xlim(0, vmax)
        ax.xaxis.set_major_locator(MaxNLocator(8, integer=True))
        ax.set_xlabel(p["axis"], fontsize=style.SMALL_SIZE, labelpad=2)
        top -= ph + gap
        axes.append(ax)
    return axes
