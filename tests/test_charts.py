"""Chart helpers: marks, labels with values and units, title, source line, honest lengths, reproducible files."""
from __future__ import annotations

import hashlib
import io
import logging
import re
import warnings

import pytest
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from helpers import charts
from helpers.charts.rounds import rounds_chart
from helpers.text import fonts, prose
from helpers.curate import labels
from helpers.base.errors import DataError
from helpers.charts import style
from helpers.tidy.load import load_table

LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def tables():
    return {n: load_table(n) for n in ("figures", "funnel", "timeline", "schedule_2017", "units_2016", "derived")}


@pytest.fixture(scope="module", autouse=True)
def _fonts():
    fonts.setup("zh")


def draw(name, tables, lang):
    func, names = charts.CHARTS[name]
    return func(*(tables[n] for n in names), lang)


def bars(fig, prefix="bar-"):
    return [p for p in fig.findobj(Rectangle) if (p.get_gid() or "").startswith(prefix)]


def joined(fig):
    return "\n".join(style.texts(fig))


def flat(fig, lang):
    """All texts with the wrapping undone (a line break is a space in English, nothing in Chinese)."""
    return "\n".join(t.replace("\n", " " if lang == "en" else "") for t in style.texts(fig))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_has_title_source_and_no_pyplot(tables, name, lang):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = draw(name, tables, lang)
    assert plt.get_fignums() == before  # not tracked by pyplot: no global state
    gids = {t.get_gid() for t in fig.texts}
    assert {"title", "subtitle", "source"} <= gids
    src = next(t.get_text() for t in fig.texts if t.get_gid() == "source")
    if lang == "en":
        assert src.startswith("Source: 咸宁新闻网") and "2017-04-25" in src
    else:
        assert src.startswith("来源：咸宁新闻网") and "2017-04-25" in src
    assert "推动主体责任落地生根 咸宁市首轮巡察工作回眸" in src and "通讯员 咸纪轩" in src


def test_funnel_marks_and_labels_en(tables):
    fig = draw("funnel", tables, "en")
    marks = bars(fig)
    assert len(marks) == 5  # four main stages and the shuanggui side branch
    widths = {p.get_gid(): p.get_width() for p in marks}
    assert widths["bar-leads"] == 409 and widths["bar-sanctions"] == 8  # linear, proportional
    text = joined(fig)
    for s in ("409 leads", "28 leads transferred", "19 cases filed", "8 people", "2 people", "409 problem leads found",
              "6.8† transfers\nper 100 leads", "67.9† cases filed\nper 100 transfers", "42.1† people\nper 100 cases filed",
              "4.6†", "2.0†", "10.5† people", "0.5", "Ratio to the\nstage before", "Per 100\nproblem leads",
              "what is counted changes: leads (条) → leads transferred (件)",
              "what is counted changes: cases filed (件) → people (人)", "Shuanggui"):
        assert s in text, s
    assert "%" not in text  # ratios between different things are per 100, never shares


def test_funnel_labels_zh(tables):
    text = joined(draw("funnel", tables, "zh"))
    for s in ("409条", "移交28件", "立案19件", "8人", "2人", "每百条线索\n移交6.8†件", "统计口径改变", "与上一环节之比",
              "每百条问题线索", "“两规”"):
        assert s in text, s
    for s in ("计量单位", "立案的旁支", "一件移交", "%"):
        assert s not in text, s


@pytest.mark.parametrize("lang", LANGS)
def test_transferred_leads_never_called_cases(tables, lang):
    """The 28 are leads transferred (移交问题线索28件), never cases, in any chart or label."""
    for name in charts.CHARTS:
        for t in style.texts(draw(name, tables, lang)):
            assert not re.search(r"\b28\s*(cases|件（案件）)", t), (name, t)
            if "28" in t and lang == "en":
                assert "case" not in t.split("28", 1)[1][:12], (name, t)
    fig = draw("funnel", tables, lang)
    value = next(t.get_text() for t in fig.axes[0].texts if t.get_gid() == "value-transfers")
    assert value == {"en": "28 leads transferred (件)", "zh": "移交28件"}[lang]
    for key in ("stage.transfers.label", "stage.transfers.counted", "stage.transfers.bar"):
        assert "case" not in labels.raw(key, "en").lower() and "案" not in labels.raw(key, "zh")


def test_a_changed_table_value_changes_the_chart(tables):
    funnel = tables["funnel"].copy()
    funnel.loc[funnel["stage"] == "transfers", "value"] = 27
    text = joined(charts.funnel_chart(funnel, "en"))
    assert "27 leads transferred" in text and "409 problem leads found" in text
    assert "28 leads transferred" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_carry_their_assumption(tables, lang):
    title, text = _title(draw("plan-pace", tables, lang)), flat(draw("plan-pace", tables, lang), lang)
    assert title.startswith({"en": "If ", "zh": "若"}[lang])
    for s in {"en": ("A scenario", "no start year", "94 ÷ 19 = 4.9† years", "no unit is inspected twice",
                     "22 county-run units + 1 township = 23†", "in 2016", "2 units", "5 units"),
              "zh": ("推算情景", "未交代规划从哪一年起算", "94 ÷ 19 ＝ 4.9†年", "没有单位重复巡察",
                     "县管县级单位22家＋乡镇1家＝23†家", "2016年常规巡察", "2016年专项巡察")}[lang]:
        assert s in text, s
    text = flat(draw("county-cases", tables, lang), lang)
    for s in {"en": ("Scenario: if the 59 are among the 409 leads", "the third panel assumes they are",
                     "(assumed)", "Two township cases and a city-county inspection"),
              "zh": ("假设情景：若这59条", "第三个分图假定包含", "（假设）", "两起乡镇案例与一次市县联动专项巡察")}[lang]:
        assert s in text, s
    assert "County case" not in text and "县级案例" not in text


def _title(fig):
    return next(t.get_text() for t in fig.texts if t.get_gid() == "title").replace("\n", " ")


def test_label_templates_have_no_typed_numbers():
    found = {(k, lang): prose.typed_numbers(v[lang]) for k, v in labels.load().items() for lang in LANGS}
    found = {k: v for k, v in found.items() if v}
    assert not found, found
    assert len(labels.load()) > 100  # the whole layer is checked, not an empty file


def _allowed_numbers(tables, lang) -> set[str]:
    """Every number a chart may show: the tables' values under the rounding rule, their dates and years."""
    nums: set[float] = set()
    for name in ("figures", "derived", "funnel"):
        nums |= {float(x) for x in tables[name]["value"]}
    for col in ("pct_of_previous", "pct_of_first"):
        nums |= {float(x) for x in tables["funnel"][col].dropna()}
    sched = tables["schedule_2017"]
    nums |= {float(x) for c in ("units", "min_days", "max_days") for x in sched[c].dropna()}
    out = {prose.format_number(x, lang) for x in nums}
    out |= {prose.format_number(x, lang, ".0f") for x in nums} | {prose.format_number(x, lang, ",.0f") for x in nums}
    for df in (tables["timeline"], sched):
        for c in ("start_earliest", "end_earliest"):
            for d in df[c].dropna():
                out |= {str(d.year), str(d.month), str(d.day)}
    out |= {str(i) for i in range(1, 1 + int(tables["figures"].set_index("figure_id").loc["plan_span_years", "value"]))}
    d = tables["derived"].set_index("derived_id")["value"]
    f = tables["figures"].set_index("figure_id")["value"]
    out.add(prose.format_number(d["duration_routine_days_approx"] / f["duration_routine_months"], lang))  # days a month
    out |= {"100", "2017-04-25"}  # the per-100 base; the source line's date (article metadata)
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_number_is_a_table_value(tables, name, lang):
    from matplotlib.axis import Tick

    fig = draw(name, tables, lang)
    fig.canvas.draw()
    ticks = {id(t) for tick in fig.findobj(Tick) for t in (tick.label1, tick.label2)}
    allowed = _allowed_numbers(tables, lang)
    checked = 0
    for t in fig.findobj(Text):
        if id(t) in ticks or t.get_gid() == "source" or not t.get_text():
            continue
        for n in re.findall(r"\d[\d,]*(?:\.\d+)?|\d{4}-\d\d-\d\d", t.get_text()):
            n = n.rstrip(",")
            assert n in allowed, (name, lang, n, t.get_text())
            checked += 1
    assert checked >= 5, checked


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_smallest_text_readable_on_a4(tables, name, lang):
    size, text = style.smallest_print_size(draw(name, tables, lang))
    assert size >= style.MIN_PRINT_PT, (name, lang, round(size, 2), text)


def test_english_charts_use_ascii_quotes_and_brackets(tables):
    """Full-width quotes and brackets appear in English charts only inside Chinese quoted in "..."."""
    for name in charts.CHARTS:
        for t in style.texts(draw(name, tables, "en")):
            outside = re.sub(r'"[^"]*"', "", t.replace("\n", " "))
            bad = [ch for ch in "“”‘’（）《》，：" if ch in outside]
            assert not bad, (name, t, bad)


def test_xianan(tables):
    for lang, wanted in (("en", ["55 problems", "52 leads", "5 people", "2 people", "General problems (个)",
                                 "Problem leads (条)", "Party members and cadres (名)"]),
                         ("zh", ["55个", "52条", "5名", "2名", "面上问题（个）", "问题线索（条）", "党员干部（名）"])):
        fig = draw("xianan", tables, lang)
        assert len(bars(fig)) == 4
        text = joined(fig)
        assert all(w in text for w in wanted), (lang, wanted)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["xianan", "per-unit"])
def test_one_measure_word_per_axis(tables, name, lang):
    fig = draw(name, tables, lang)
    for ax in fig.axes:
        label = ax.get_xlabel()
        assert sum(mw in label for mw in "个条名人件") == 1, (name, label)


def test_timeline_uncertainty_drawn_and_explained(tables):
    fig = draw("timeline", tables, "en")
    for r in ("round-1", "round-2", "first-round"):
        assert len(bars(fig, f"{r}-uncertain")) == 2 and len(bars(fig, f"{r}-certain")) == 1
    assert len(bars(fig, "milestone-")) == 3
    text = joined(fig)
    assert "9 units" in text and "13 units" in text and "25 April 2017" in text
    assert "late February" in text and "early July" in text and "dates known" not in text
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend[0] == "First round, city and counties" and "ten-day period (旬)" in legend[3]
    assert "日期确定" not in joined(draw("timeline", tables, "zh"))


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_labels_stay_left_of_the_publication_line(tables, lang):
    fig = draw("timeline", tables, lang)
    fig.canvas.draw()
    ax = fig.axes[0]
    line = next(a for a in ax.lines if a.get_gid() == "publication")
    x_pub = ax.transData.transform((line.get_xdata()[0], 0))[0]
    boxes = [(t.get_text(), t.get_window_extent()) for t in ax.texts if (t.get_gid() or "").startswith("milestone-label")]
    assert len(boxes) == 3
    for text, box in boxes:
        assert box.x1 < x_pub, (lang, text)
    for i, (a, box_a) in enumerate(boxes):  # no milestone label runs into another
        for b, box_b in boxes[i + 1:]:
            assert not box_a.overlaps(box_b), (lang, a, b)


def test_plan_2017(tables):
    fig = draw("plan-2017", tables, "en")
    assert len(bars(fig)) == 5
    text = joined(fig)
    for s in ("Round 1: 9 units", "Round 2: 13 units", "Routine: 19 units", "Special: 3 units", "Follow-up: 7 units", "= 22"):
        assert s in text, s
    colors = {p.get_gid(): p.get_facecolor() for p in bars(fig)}
    assert colors["bar-round_1"] != colors["bar-routine"]
    totals = [t for t in fig.axes[0].texts if t.get_gid() == "total"]
    assert len(totals) == 2 and totals[0].get_position()[0] == totals[1].get_position()[0]
    assert not fig.axes[0].xaxis._major_tick_kw.get("gridOn", False)
    assert "常规巡察：19家" in joined(draw("plan-2017", tables, "zh"))


def test_durations_and_findings(tables):
    fig = draw("durations", tables, "en")
    assert "about 1.5 months (≈45† days)" in joined(fig)
    assert len(fig.axes) == 2  # one inspection and whole rounds never share an axis
    assert max(p.get_width() + p.get_x() for p in bars(fig) if "round" not in p.get_gid()) < 50
    assert "窗口" not in joined(draw("durations", tables, "zh"))
    fig = draw("units-2016", tables, "en")
    tiles = [p for p in fig.findobj() if (getattr(p, "get_gid", lambda: None)() or "").startswith("unit-")]
    assert len(tiles) == 7 and "Xianning Central Hospital" in flat(fig, "en")
    assert "赤壁黄盖湖农场" in joined(draw("units-2016", tables, "zh"))
    text = joined(draw("plan-pace", tables, "en"))
    assert "94 units" in text and "4.9† years" in text and "year 5\n18†" in text and "18.8" not in text  # whole years of 19
    text = flat(draw("county-cases", tables, "en"), "en")
    for s in ("18† people", "11 Wuli town cadres", "3 cadres of other units", "4 cadres' children", "33 person-times",
              "25,969 yuan", "22† months", "59 social-", "1,180† yuan a month"):
        assert s in text, s
    text = joined(draw("per-unit", tables, "en"))
    assert "11.6† per unit" in text and "12.0† per unit" in text and "8.7† per unit" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_no_font_warnings_when_rendering(tables, name, lang, caplog):
    caplog.set_level(logging.DEBUG, logger="matplotlib")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = draw(name, tables, lang)
        for fmt in ("png", "svg"):
            fig.savefig(io.BytesIO(), format=fmt, dpi=60)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    bad = [m for m in messages if "findfont" in m or "Glyph" in m or "missing from font" in m]
    assert not bad, bad[:3]


def test_label_file_errors_name_file_key_and_fix(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("key,en,zh\nchart.x.title,A title,\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        labels.load(path)
    msg = str(err.value)
    assert str(path) in msg and "chart.x.title" in msg and "no zh text" in msg and "Fix:" in msg
    path.write_text("key,en\nchart.x.title,A title\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing column\\(s\\) zh"):
        labels.load(path)
    with pytest.raises(DataError, match="missing"):
        labels.load(tmp_path / "absent.csv")
    with pytest.raises(DataError, match="no such label"):
        labels.raw("chart.nope", "en")


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_chinese_charts_have_no_missing_glyphs(tables, name):
    fig = draw(name, tables, "zh")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
        fig.savefig(io.BytesIO(), format="png", dpi=60)
    glyph = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
    assert not glyph, glyph[:3]


def test_save_is_atomic_named_and_reproducible(tables, tmp_path):
    written = charts.save(draw("funnel", tables, "zh"), "funnel", directory=tmp_path)
    assert sorted(p.name for p in written) == ["funnel.zh.png", "funnel.zh.svg"]
    first = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in written}
    again = charts.save(draw("funnel", tables, "zh"), "funnel", directory=tmp_path)
    assert first == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in again}
    assert b"Software" not in written[0].read_bytes()[:400]
    assert not list(tmp_path.glob(".*.tmp"))


def test_without_a_cjk_font_every_chart_is_english_without_chinese(tables, monkeypatch):
    """One function resolves the language: with no CJK font, 'zh' draws English and drops [[...]]."""
    monkeypatch.setattr(fonts, "cjk_available", lambda: False)
    monkeypatch.setattr(fonts, "resolve_language", lambda language: "en")
    for name in charts.CHARTS:
        texts = style.texts(draw(name, tables, "zh"))
        cjk = [t for t in texts if re.search(r"[\u3000-\u9fff\uff00-\uffef]", t)]
        assert not cjk, (name, cjk[:3])
        assert any(t.startswith("Source: Xianning News Network") for t in texts), name


def test_every_chart_label_is_used(tables, monkeypatch):
    """No dead text in the label file: each chart.*, stage.*, date.* key is drawn by some chart."""
    used: set[str] = set()
    real = labels.raw
    monkeypatch.setattr(labels, "raw", lambda key, lang, *a: used.add(key) or real(key, lang, *a))
    for name in charts.CHARTS:
        for lang in LANGS:
            draw(name, tables, lang).canvas.draw()  # tick labels are formatted when drawn
    schedule = next(t for n, t in tables.items() if n.startswith("schedule_"))
    exact = schedule.copy()  # and with a round whose days are known exactly (start and end to the day)
    exact.loc[0, "start_latest"], exact.loc[0, "end_earliest"] = exact.loc[0, "start_earliest"], exact.loc[0, "end_latest"]
    exact.loc[0, "min_days"] = exact.loc[0, "max_days"]
    for lang in LANGS:  # the kit's rounds chart, drawn here on this article's plan (another article publishes it)
        for plan in (schedule, exact):
            rounds_chart(plan, tables["timeline"], lang).canvas.draw()
    used.add("notice.invented")  # drawn on an invented article's charts: tests/test_articles.py
    table_only = {k for k in labels.load() if k.startswith(("unit.", "itype."))} | {
        k for k in labels.load() if k.startswith("stage.") and k.endswith(".label")} | {
        k for k in labels.load() if k.startswith("date.xun.")} | {  # the three ten-day periods, as a set
        k for k in labels.load() if k.startswith("report.")} | {  # output titles: tests/test_index_titles.py
        k for k in labels.load() if k.startswith(("rule.", "kind.", "header."))}  # prose and table headers: tests/test_prose.py, test_identities.py, test_readable.py
    table_only |= {k for k in labels.load() if k.startswith(("page.", "left_out.", "article.", "code.", "word.", "sep.", "readme.", "reader.", "edition", "index.", "date.month_end", "draft.")) or (
        k.startswith("chart.") and k.endswith(".name"))}  # pages, tables, README: tests/test_article_page.py, test_readable.py, test_prose_bound.py, test_reader_note.py
    unused = set(labels.load()) - used - table_only
    assert not unused, sorted(unused)


def test_chinese_titles_break_after_a_clause_not_inside_a_word() -> None:
    """A Chinese title breaks after ，、；： when one lies late in the line (提出 is never split as 提/出)."""
    from helpers.charts import style

    title = "首轮巡察平均每家单位发现面上问题约12†个、问题线索约12†条，提出意见建议约9†条"
    width = style._display_width(title) - 12  # a line too short for the whole title
    assert style.wrap(title, width, clauses=True).split("\n") == [title[:title.index("，") + 1],
                                                                  title[title.index("，") + 1:]]
    assert "提\n出" in style.wrap(title, width)  # without clauses it breaks where the width ends
