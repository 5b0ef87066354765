"""The annotated article ``reports/{en,zh}/article.html``: the archived text byte for byte with every figure, left-out
number and date marked, the derived values with their formulas and a table of the figures; self-contained. Anchors:
``#fig-<figure_id>`` (a highlight, focused with its box), ``#row-<figure_id>``, ``#d-<derived_id>``."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..curate.labels import load as load_labels, raw as raw_label
from ..text.prose import computed_note, render, rounding_rule
from ..text.readable import unit_text
from .article_marks import Mark, date_marks, figure_marks, left_out_marks, markup
from .article_assets import CSS, JS
from . import LANG_CODES

_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FIG_REF = re.compile(r"figures:([A-Za-z_][A-Za-z0-9_]*)")
esc = html.escape


def page_text(lang: str) -> dict[str, str]:
    """The page's own words in ``lang``: the kit's ``page.*`` labels, prefix dropped (HTML allowed, not escaped)."""
    labels = load_labels()
    words = {k[5:]: v[lang] for k, v in labels.items() if k.startswith("page.")}
    # one copy of a word the tables also use: the method code "inference", the header "Measure word"
    return {**words, "inference": labels["code.method.inference"][lang], "tip_unit": labels["header.unit"][lang]}


def _named(prefix: str, name: str, lang: str) -> str:
    """The label ``<prefix>.<name>`` (a chart's short name, a left-out category) in ``lang``, else ``name``."""
    key = f"{prefix}.{name}" if prefix == "left_out" else f"{prefix}.{name}.name"
    return load_labels().get(key, {}).get(lang, name)


@dataclass
class PageData:
    """Everything one page is made of (read once, rendered per language)."""

    text: str
    meta: dict[str, Any]
    figures: list[dict[str, Any]]
    derived: list[dict[str, Any]]
    timeline: dict[str, dict[str, Any]]
    left_out: list[dict[str, Any]]
    charts_by_figure: dict[str, tuple[str, ...]]
    notebooks_by_chart: dict[str, tuple[str, ...]]


def load_page_data() -> PageData:
    """Read the verified article, the tidy tables, the left-out list and the chart usage maps."""
    from ..source.article import load_article
    from ..charts.usage import charts_by_figure, notebooks_by_chart
    from ..tidy.coverage import left_out
    from ..tidy.load import load_table

    article = load_article()
    return PageData(text=article.text, meta=article.meta,
                    figures=load_table("figures").sort_values("start", kind="stable").to_dict("records"),
                    derived=load_table("derived").to_dict("records"),
                    timeline={r["date_id"]: r for r in load_table("timeline").to_dict("records")},
                    left_out=left_out(article).to_dict("records"), charts_by_figure=charts_by_figure(),
                    notebooks_by_chart=notebooks_by_chart())


def _value(ident: str, lang: str) -> str:
    return render("{" + ident + "}", lang)


def _figure_value(row: dict[str, Any], lang: str) -> str:
    """HTML: ``409条`` (zh) or ``409 items (条)`` (en, the measure word marked as Chinese)."""
    v = _value(row["figure_id"], lang)
    if lang == "zh":
        return esc(f"{v}{unit_text(str(row['unit']), lang)}")
    noun = str(row["unit_en"])
    if float(row["value"]) == 1 and noun.endswith("s"):  # 1 unit, not 1 units
        noun = noun[:-1]
    return f'{esc(v)} {esc(noun)} (<span lang="zh-CN">{esc(row["unit"])}</span>)'


def _links(fid: str, data: PageData, lang: str, t: dict[str, str]) -> tuple[str, str]:
    """HTML lists of the charts and the notebook pages that show ``fid``."""
    charts = data.charts_by_figure.get(fid, ())
    chart_html = t["list_sep"].join(
        f'<a href="../figures/{esc(c)}.{lang}.png">{esc(_named("chart", c, lang))}</a>' for c in charts)
    notebooks = dict.fromkeys(n for c in charts for n in data.notebooks_by_chart.get(c, ()))  # in order, once each
    nb_html = t["list_sep"].join(f'<a href="{esc(n)}.html"><code>{esc(n)}</code></a>' for n in notebooks)
    return chart_html or t["none"], nb_html or t["none"]


def _figure_tip(row: dict[str, Any], mark: Mark, data: PageData, lang: str, t: dict[str, str]) -> str:
    fid = row["figure_id"]
    charts, notebooks = _links(fid, data, lang, t)
    short, label = row[f"short_{lang}"], row[f"label_{lang}"]
    place = row["place_zh"] if lang == "zh" else row["place_en"]
    unit = f'<span lang="zh-CN">{esc(row["unit"])}</span>' + ("" if lang == "zh" else f' ({esc(row["unit_en"])})')
    note = f'<p class="tip-note">{esc(str(row["note"]))}</p>' if lang == "en" and _present(row.get("note")) else ""
    return (f'<div class="tip-src" id="tip-{esc(fid)}" hidden>'
            f'<p class="tip-title">{esc(short)}</p><dl>'
            f'<dt>{t["tip_label"]}</dt><dd>{esc(label)}</dd>'
            f'<dt>{t["col_value"]}</dt><dd>{esc(_value(fid, lang))}</dd>'
            f'<dt>{t["tip_unit"]}</dt><dd>{unit}</dd>'
            f'<dt>{t["col_quote"]}</dt><dd><q lang="zh-CN">{esc(row["quote"])}</q> '
            f'<span class="offs">{mark.quote_start}:{mark.quote_end}</span></dd>'
            f'<dt>{t["tip_place"]}</dt><dd>{esc(str(place))}</dd>'
            f'<dt>{t["col_charts"]}</dt><dd>{charts}</dd>'
            f'<dt>{t["tip_notebooks"]}</dt><dd>{notebooks}</dd></dl>{note}'
            f'<p><a href="#row-{esc(fid)}">{t["tip_row"]}</a></p></div>')


def _left_out_tip(mark: Mark, lang: str, t: dict[str, str]) -> str:
    cat = mark.data["category"]
    what = _named("left_out", cat, lang)
    link = _FIG_REF.sub(lambda m: f'<a href="#fig-{m.group(1)}">{m.group(1)}</a>', esc(mark.data["reason"]))
    reason = "" if lang == "zh" else f'<p>{link}</p>'
    return (f'<div class="tip-src" id="tip-{mark.key}" hidden><p class="tip-title">{t["tip_left_out"]}{t["colon"]}'
            f'{esc(what)}</p><p><q lang="zh-CN">{esc(mark.data["quote"])}</q></p>{reason}</div>')


def _date_tip(mark: Mark, lang: str, t: dict[str, str]) -> str:
    d = mark.data
    label = d["label_zh"] if lang == "zh" else d["label_en"]
    span = f'{str(d["start_earliest"])[:10]} – {str(d["end_latest"])[:10]}'
    return (f'<div class="tip-src" id="tip-{esc(mark.key)}" hidden><p class="tip-title">{t["tip_date"]}{t["colon"]}'
            f'{esc(label)}</p><p><q lang="zh-CN">{esc(d["quote"])}</q></p><p>{t["tip_date_span"]}{t["colon"]}'
            f'{esc(span)}</p><p>{t["tip_date_charts"]}</p></div>')


def _present(value: Any) -> bool:
    return value is not None and str(value) not in ("", "nan", "<NA>", "None")


def _open_tag(mark: Mark, contains_other: bool) -> tuple[str, str]:
    if mark.kind == "figure":
        common = (f'class="fig" id="fig-{esc(mark.key)}" data-figure-id="{esc(mark.key)}" '
                  f'data-quote="{mark.quote_start}:{mark.quote_end}" aria-describedby="tip-{esc(mark.key)}" '
                  f'data-tip="tip-{esc(mark.key)}"')
        if contains_other:  # an <a> cannot hold another <a>
            return (f'<span role="link" tabindex="0" data-href="#row-{esc(mark.key)}" {common}>', "</span>")
        return f'<a href="#row-{esc(mark.key)}" {common}>', "</a>"
    d = mark.data
    if mark.kind == "date":
        return (f'<span class="date" tabindex="0" id="{esc(mark.key)}" data-date-id="{esc(d["date_id"])}" '
                f'aria-describedby="tip-{esc(mark.key)}" data-tip="tip-{esc(mark.key)}">', "</span>")
    return (f'<span class="left-out" tabindex="0" id="{mark.key}" data-left-out="{esc(d["category"])}" '
            f'data-reason="{esc(d["reason"])}" aria-describedby="tip-{mark.key}" data-tip="tip-{mark.key}">',
            "</span>")


def _formula_html(row: dict[str, Any], data: PageData, lang: str, marks: dict[str, Mark],
                  derived_ids: set[str]) -> str:
    """The formula with each figure as written in the article, linked to its highlight."""
    def token(m: re.Match[str]) -> str:
        name = m.group(0)
        if name in marks:
            mk = marks[name]
            return f'<a href="#fig-{name}" lang="zh-CN">{esc(data.text[mk.start:mk.end])}</a>'
        if name in derived_ids:
            return f'<a href="#d-{name}">{esc(_value(name, lang))}</a>'
        if name in data.timeline:
            return f'<span lang="zh-CN">{esc(str(data.timeline[name]["expression"]))}</span>'
        return load_labels()["unit.月"][lang] if name == "months" else esc(name)  # a formula's months: the unit's noun

    out = _ID.sub(token, str(row["formula"]))
    for a, b in {"*": "×", "/": "÷", "+": "+", "-": "−"}.items():
        out = out.replace(f" {a} ", f" {b} ")
    return out


def _inputs_html(row: dict[str, Any], data: PageData, lang: str, t: dict[str, str], marks: dict[str, Mark],
                 by_fid: dict[str, dict[str, Any]], by_did: dict[str, dict[str, Any]]) -> str:
    items = []
    for name in dict.fromkeys(_ID.findall(str(row["formula"]))):
        if name in by_fid:
            mk = marks[name]
            items.append(f'<li><a href="#fig-{name}" lang="zh-CN">{esc(data.text[mk.start:mk.end])}</a> '
                         f'{esc(str(by_fid[name][f"short_{lang}"]))}</li>')
        elif name in by_did:
            items.append(f'<li><a href="#d-{name}">{esc(_value(name, lang))}</a> {t["input_derived"]}{t["colon"]}'
                         f'{esc(str(by_did[name][f"short_{lang}"]))}</li>')
        elif name in data.timeline:
            r = data.timeline[name]
            label = r["label_zh"] if lang == "zh" else r["label_en"]
            items.append(f'<li>{t["input_date"]}{t["colon"]}<span lang="zh-CN">{esc(str(r["expression"]))}</span> '
                         f'{esc(str(label))}</li>')
    return f'<ul class="inputs" aria-label="{t["inputs"]}">{"".join(items)}</ul>'


def _derived_html(data: PageData, lang: str, t: dict[str, str], marks: dict[str, Mark]) -> str:
    by_fid = {r["figure_id"]: r for r in data.figures}
    by_did = {r["derived_id"]: r for r in data.derived}
    items = []
    for r in data.derived:
        did = r["derived_id"]
        label = r["label_zh"] if lang == "zh" else r["label_en"]
        value = _value(did, lang)
        unit = str(r["unit"])  # a funnel rate: "6.8† transfers per 100 leads" / "6.8†件" (the label says 每百……)
        if unit == "%" or "/百" in unit and lang == "zh":
            shown = esc(value + unit.split("/")[0])
        else:
            shown = esc(value + ("" if lang == "zh" else " ") + unit_text(unit, lang))
        flag = f' <span class="flag">{t["inference"]}</span>' if r["method"] == "inference" else ""
        note = f'<p class="note">{esc(str(r["note"]))}</p>' if lang == "en" and _present(r.get("note")) else ""
        items.append(
            f'<li id="d-{esc(did)}" data-derived-id="{esc(did)}"><p class="d-label">{esc(str(label))}{flag}</p>'
            f'<p class="d-formula"><span class="d-value">{shown}</span> = '
            f'{_formula_html(r, data, lang, marks, set(by_did))}</p>'
            f'{_inputs_html(r, data, lang, t, marks, by_fid, by_did)}{note}</li>')
    rule = esc(rounding_rule(lang) + ("" if lang == "zh" else " ") + computed_note(lang))
    return (f'<h2 id="derived">{t["derived_heading"]}</h2><p class="small">'
            f'{t["derived_intro"].format(rule=rule)}</p><ol class="derived">{"".join(items)}</ol>')


def _table_html(data: PageData, lang: str, t: dict[str, str], marks: dict[str, Mark]) -> str:
    rows = []
    for r in data.figures:
        fid, mk = r["figure_id"], marks[r["figure_id"]]
        charts, notebooks = _links(fid, data, lang, t)
        short, label = r[f"short_{lang}"], r[f"label_{lang}"]
        code = "" if lang == "zh" else f'<br><code>{esc(fid)}</code>'
        rows.append(
            f'<tr id="row-{esc(fid)}" data-figure-row="{esc(fid)}">'
            f'<td><a href="#fig-{esc(fid)}" lang="zh-CN" title="{t["back"]}">{esc(data.text[mk.start:mk.end])}</a></td>'
            f'<td><span title="{esc(str(label))}">{esc(str(short))}</span>{code}</td>'
            f'<td class="num">{_figure_value(r, lang)}</td>'
            f'<td lang="zh-CN">{esc(r["quote"])}</td><td class="num">{mk.quote_start}:{mk.quote_end}</td>'
            f'<td>{charts}</td><td>{notebooks}</td></tr>')
    head = "".join(f"<th scope=\"col\">{t[c]}</th>" for c in
                   ("col_text", "col_label", "col_value", "col_quote", "col_offsets", "col_charts", "col_notebooks"))
    return (f'<h2 id="figures">{t["table_heading"]}</h2><p class="small">{t["table_intro"]}</p>'
            f'<div class="table-wrap"><table class="figures"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_page(data: PageData, lang: str, font_css: str = "") -> str:
    """The whole page for ``lang`` ("en" or "zh"); ``font_css`` is the embedded-font ``<style>``."""
    t = page_text(lang)
    rows = {r["figure_id"]: r for r in data.figures}
    fig_marks, lo_marks = figure_marks(data.text, data.figures), left_out_marks(data.left_out)
    dt_marks = date_marks(data.text, data.timeline.values())
    body = markup(data.text, fig_marks + lo_marks + dt_marks, _open_tag)
    marks = {m.key: m for m in fig_marks}
    tips = "".join(_figure_tip(rows[m.key], m, data, lang, t) for m in fig_marks)
    tips += "".join(_left_out_tip(m, lang, t) for m in lo_marks)
    tips += "".join(_date_tip(m, lang, t) for m in dt_marks)
    meta = data.meta
    published = render("{published}", lang)  # 2017年4月25日 / 25 April 2017, as the other pages say it
    counts = {"n_figures": len(fig_marks), "n_left_out": len(lo_marks), "n_derived": len(data.derived)}
    intro = render(t["intro"], lang, {**counts, "published": published, **{k: esc(meta.get(k, "")) for k in (
        "outlet", "outlet_en", "byline", "byline_en", "title", "title_en")}})
    own = load_labels()  # the article's own note on its source (article.source_note), if it has one
    source_note = f'\n<p class="small">{esc(own["article.source_note"][lang], quote=False)}</p>' if "article.source_note" in own else ""
    notice = (f'<p class="intro"><strong>{esc(raw_label("notice.invented", lang))}</strong></p>'
              if meta.get("invented") else "")  # an invented article says so on its page
    other = "zh" if lang == "en" else "en"
    kinds = (("fig", fig_marks, t["legend_figure"]), ("left-out", lo_marks, render(t["legend_left_out"], lang, counts)),
             ("date", dt_marks, t["legend_date"]))  # each with its first mark as the sample
    samples = "".join(f'<li><span class="{c} sample" lang="zh-CN">{esc(data.text[m[0].start:m[0].end])}</span> {v}</li>'
                      for c, m, v in kinds)
    legend = (f'<section class="legend" aria-labelledby="legend-h"><h2 id="legend-h">{t["legend"]}</h2><ul>{samples}'
              f'<li><span class="d-sample">=</span> {render(t["legend_derived"], lang, counts)}</li></ul></section>')
    return f"""<!DOCTYPE html>
<html lang="{LANG_CODES[lang]}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t['page_title'])}</title>
<style>{CSS}</style>
{font_css}</head>
<body>
<header class="top"><nav><a href="../index.html">{t['index']}</a> · <a href="../{other}/article.html" lang="{LANG_CODES[other]}">{t['other_lang']}</a> · <a href="#figures">{t['skip_table']}</a> · <a href="#derived">{t['derived_heading']}</a></nav>
<h1>{esc(t['page_title'])}</h1>
<p class="intro">{intro}</p>{notice}{source_note}
{legend}
</header>
<main class="layout">
<section class="article" aria-labelledby="article-h">
<h2 id="article-h">{t['article_heading']}</h2>
<div id="article-text" class="article-text" lang="zh-CN">{body}</div>
</section>
<aside class="side" aria-labelledby="derived">
{_derived_html(data, lang, t, marks)}
</aside>
</main>
<section class="table-section">
{_table_html(data, lang, t, marks)}
</section>
<footer class="small">{render(t['footer'], lang, {'algo': 'sha256', 'sha256': esc(str(meta.get('sha256', '')))})}</footer>
<div id="tips" hidden>{tips}</div>
<div id="tip" class="tip" hidden></div>
<script>{JS}</script>
</body></html>
"""


def write_page(lang: str, path: Path) -> None:
    """The build's article step: ``<lang>/article.html`` with the project's CJK font embedded."""
    from ..base.fileio import write_text_atomic
    from .fonts import cjk_font_css

    data = load_page_data()
    write_text_atomic(path, render_page(data, lang, cjk_font_css(data.text)))
