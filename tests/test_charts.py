"""Chart helpers: marks, labels with values and units, title, source line, honest lengths, reproducible files."""
from __future__ import annotations

import hashlib
import io
import warnings

import pytest
from matplotlib.patches import Rectangle

from helpers import charts, fonts
from helpers.charts import style
from helpers.load import load_table

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
    assert "推动主体责任落地生根 咸宁市首轮巡察工作回眸" in src


def test_funnel_marks_and_labels_en(tables):
    fig = draw("funnel", tables, "en")
    marks = bars(fig)
    assert len(marks) == 5  # four main stages and the shuanggui side branch
    widths = {p.get_gid(): p.get_width() for p in marks}
    assert widths["bar-leads"] == 409 and widths["bar-sanctions"] == 8  # linear, proportional
    text = joined(fig)
    for s in ("409 leads", "28 cases", "19 cases", "8 people", "2 people", "Of 409 problem leads",
              "6.8%", "67.9%", "42.1%", "4.6%", "2.0%", "10.5%", "0.5%", "% of previous", "% of first",
              "unit changes: 条 leads → 件 cases", "unit changes: 件 cases → 人 people", "shuanggui"):
        assert s in text, s


def test_funnel_labels_zh(tables):
    text = joined(draw("funnel", tables, "zh"))
    for s in ("409 条", "28 件", "19 件", "8 人", "2 人", "计量单位改变", "占上一环节", "占第一环节", "“两规”"):
        assert s in text, s


def test_tiny_bar_label_outside(tables):
    fig = draw("funnel", tables, "en")
    ax = fig.axes[0]
    label = next(t for t in ax.texts if t.get_text().startswith("8 people"))
    assert label.get_position()[0] > 8 and label.get_ha() == "left"


def test_xianan(tables):
    for lang, wanted in (("en", ["55 problems", "52 leads", "5 people", "2 people"]),
                         ("zh", ["55 个", "52 条", "5 名", "2 名"])):
        fig = draw("xianan", tables, lang)
        assert len(bars(fig)) == 4
        text = joined(fig)
        assert all(w in text for w in wanted), (lang, wanted)


def test_timeline_uncertainty_drawn(tables):
    fig = draw("timeline", tables, "en")
    for r in ("round-1", "round-2", "first-round"):
        assert len(bars(fig, f"{r}-uncertain")) == 2 and len(bars(fig, f"{r}-certain")) == 1
    assert len(bars(fig, "milestone-")) == 3
    text = joined(fig)
    assert "9 units" in text and "13 units" in text and "25 April 2017" in text


def test_plan_2017(tables):
    fig = draw("plan-2017", tables, "en")
    assert len(bars(fig)) == 5
    text = joined(fig)
    for s in ("Round 1: 9 units", "Round 2: 13 units", "Routine: 19 units", "Special: 3 units", "Follow-up: 7 units", "= 22"):
        assert s in text, s
    assert "常规巡察：19家" in joined(draw("plan-2017", tables, "zh"))


def test_durations_and_findings(tables):
    assert "about 1.5 months (≈45 days)" in joined(draw("durations", tables, "en"))
    fig = draw("units-2016", tables, "en")
    assert len(bars(fig, "unit-")) == 7 and "Xianning Central Hospital" in joined(fig)
    assert "赤壁黄盖湖农场" in joined(draw("units-2016", tables, "zh"))
    text = joined(draw("plan-pace", tables, "en"))
    assert "94 units" in text and "4.9 years" in text and "18.8" in text
    text = joined(draw("county-cases", tables, "en"))
    for s in ("18 people", "11 Wuli town cadres", "3 cadres of other units", "4 cadres' children", "33 person-times",
              "25,969 yuan", "22 months", "59 social-assistance"):
        assert s in text, s
    text = joined(draw("per-unit", tables, "en"))
    assert "11.6 per unit" in text and "12.0 per unit" in text and "8.7 per unit" in text


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
