"""What a bilingual editor checks (issue 14, points 1-13): milestone labels on their own spans,
computed numbers marked, English units in English, 个 in Chinese durations, half-up rounding,
readable chart text (WCAG AA contrast)."""
from __future__ import annotations

import re

import pytest
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from helpers import charts
from helpers.text import fonts, prose
from helpers.curate import labels
from helpers.charts import style
from helpers.tidy.load import load_table

LANGS = ("en", "zh")


@pytest.fixture(scope="module", autouse=True)
def _fonts():
    fonts.setup("zh")


@pytest.fixture(scope="module")
def drawn():
    """Every chart in both languages, drawn once (the canvas too, for text extents)."""
    out = {}
    for lang in LANGS:
        for name in charts.CHARTS:
            fig = charts.draw(name, lang)
            fig.canvas.draw()
            out[name, lang] = fig
    return out


def _texts(fig, ticks: bool = True):
    from matplotlib.axis import Tick

    tick_ids = set() if ticks else {id(x) for tk in fig.findobj(Tick) for x in (tk.label1, tk.label2)}
    return [t for t in fig.findobj(Text) if t.get_text() and t.get_visible() and id(t) not in tick_ids]


# ---------- point 1: each milestone label stands on its own span, over no other ----------
@pytest.mark.parametrize("lang", LANGS)
def test_milestone_labels_stand_on_their_own_span(drawn, lang):
    fig = drawn["timeline", lang]
    renderer = fig.canvas.get_renderer()
    boxes = {p.get_gid().removeprefix("milestone-"): p.get_window_extent(renderer)
             for p in fig.findobj(Rectangle) if (p.get_gid() or "").startswith("milestone-")}
    keys = {"began": "inspections_began", "offices": "offices_complete", "done": "first_round_complete"}
    assert set(keys.values()) <= set(boxes), boxes
    for key, date_id in keys.items():
        text = next(t for t in fig.texts + fig.axes[0].texts if t.get_gid() == f"milestone-label-{key}")
        ext = text.get_window_extent(renderer)
        own = boxes[date_id]
        assert ext.x0 <= own.x1 and ext.x1 >= own.x0, (key, "label off its own span")
        assert own.x0 - 1 <= ext.x0 or ext.x0 <= own.x0 <= own.x1 <= ext.x1, (key, ext, own)
        for other, box in boxes.items():
            if other != date_id:
                assert ext.x1 < box.x0 or ext.x0 > box.x1, (key, "stands over", other)


@pytest.mark.parametrize("lang", LANGS)
def test_end_of_january_is_not_narrowed_to_late_january(drawn, lang):
    text = "\n".join(t.get_text() for t in _texts(drawn["timeline", lang])).replace("\n", " " if lang == "en" else "")
    assert ("by the end of January" in text) if lang == "en" else ("截至1月底" in text)
    assert "late January" not in text and "1月下旬" not in text


# ---------- point 2: computed numbers carry the mark, explained on the chart ----------
def _unique_computed(lang) -> dict[str, str]:
    """Derived values whose printed form no stated figure shares (so any sight of it is the computed one)."""
    figures = {prose.format_number(float(v), lang) for v in load_table("figures")["value"]}
    schedule = {prose.format_number(float(v), lang) for v in load_table("schedule_2017")["units"]}
    out = {}
    for did, v in zip(*(load_table("derived")[c] for c in ("derived_id", "value"))):
        shown = prose.format_number(float(v), lang)
        if shown not in figures | schedule | {"100"}:
            out[did] = shown
    return out


def assert_marked(text: str, lang: str, where: str) -> None:
    """Every computed value that appears in *text* is followed by the mark."""
    mark = prose.computed_mark(lang)
    for did, shown in _unique_computed(lang).items():
        for m in re.finditer(r"(?<![\d.,])" + re.escape(shown) + r"(?![\d]|[.,]\d|[年月日])", text):
            after = text[m.end():m.end() + 1]
            assert after == mark, (where, did, shown, text[max(0, m.start() - 30):m.end() + 10])


@pytest.mark.parametrize("lang", LANGS)
def test_every_computed_number_on_a_chart_carries_the_mark(drawn, lang):
    mark, note = prose.computed_mark(lang), prose.computed_note(lang)
    assert len(_unique_computed(lang)) >= 15  # 18 people, 22 units, 67.9, 18.8, 4.9 ...
    for name in charts.CHARTS:
        fig = drawn[name, lang]
        texts = [t.get_text() for t in _texts(fig, ticks=False)]  # axis ticks are scales, not findings
        joined = "\n".join(texts)
        for t in texts:
            assert_marked(t, lang, name)
        if mark in joined.replace(note, ""):
            flat = joined.replace("\n", " " if lang == "en" else "")
            assert note.replace(" ", "") in flat.replace(" ", ""), (name, "the mark is not explained")


def test_editions_agree_on_xianan_title(drawn):
    """Both editions give the same numbers in the Xian'an title (5 held accountable and 2 under investigation)."""
    def nums(lang):
        t = next(t.get_text() for t in drawn["xianan", lang].texts if t.get_gid() == "title")
        return sorted(re.findall(r"\d+", t))
    assert nums("en") == nums("zh")


def test_the_mark_is_defined_once():
    rows = [k for k in labels.load() if k.startswith("mark.")]
    assert rows == ["mark.computed", "mark.computed.note"]
    assert labels.load()["mark.computed"]["en"] == labels.load()["mark.computed"]["zh"]


# ---------- point 9: half-up rounding ----------
def test_half_up_rounding_on_the_charts(drawn):
    """45 days ÷ 20 days = 2.25 prints 2.3 wherever the ratio is shown."""
    assert prose.format_number(2.25, "en") == "2.3" and prose.format_number(2.25, "zh") == "2.3"
    assert prose.format_number(67.85, "en") == "67.9" and prose.format_number(18.75, "en") == "18.8"


# ---------- point 13: chart text contrast >= 4.5:1 (WCAG AA) ----------
def _luminance(rgb) -> float:
    def ch(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(to_rgb(a)), _luminance(to_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _background(fig, text, renderer):
    """The colour under the text's centre: filled patches there composited in drawing order over white."""
    from matplotlib.legend import Legend
    from matplotlib.patches import Patch

    ext = text.get_window_extent(renderer)
    cx, cy = (ext.x0 + ext.x1) / 2, (ext.y0 + ext.y1) / 2
    legends = {id(p) for lg in fig.findobj(Legend) for p in lg.findobj(Patch)}
    under = (1.0, 1.0, 1.0)
    patches = [p for p in fig.findobj(Patch) if p.get_visible() and p.get_fill() and p is not fig.patch
               and id(p) not in legends and not any(p is ax.patch for ax in fig.axes)]
    for p in sorted(patches, key=lambda p: p.get_zorder()):
        if p.contains_point((cx, cy), radius=0) and p.get_facecolor()[3] > 0:
            r, g, b, a = p.get_facecolor()
            under = tuple(a * c + (1 - a) * u for c, u in zip((r, g, b), under))
    return under


@pytest.mark.parametrize("lang", LANGS)
def test_chart_text_contrast_meets_wcag_aa(drawn, lang):
    assert contrast("white", style.COLORS["main"]) >= 4.5
    for name in charts.CHARTS:
        fig = drawn[name, lang]
        renderer = fig.canvas.get_renderer()
        for t in _texts(fig):
            ratio = contrast(t.get_color(), _background(fig, t, renderer))
            assert ratio >= 4.5, (name, lang, t.get_text()[:30], round(ratio, 2))
    assert contrast("white", "#d08c2c") < 3  # the old orange tiles: the test can fail


# ---------- point 8: units in the reader's language ----------
_MEASURE_WORDS = "条件人名家个元起次天月年轮倍"


def _english_texts(drawn) -> dict[str, str]:
    """English reader-facing text: chart labels, the reader's note, the README block, notebook prose."""
    from helpers.report import readme
    from helpers.report.reader import note_markdown

    out = {f"chart {name}": "\n".join(t.get_text() for t in _texts(drawn[name, "en"], ticks=False))
           for name in charts.CHARTS}
    out["reader's note"] = note_markdown("en")
    out["README"] = readme.block("en")
    return out


def _outside_quotes_and_parentheses(text: str) -> str:
    text = re.sub(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)|`[^`]*`", " ", text)  # tags, chart captions, code
    text = re.sub(r'"[^"\n]*"|“[^”]*”', " ", text)
    while re.search(r"\([^()]*\)", text):
        text = re.sub(r"\([^()]*\)", " ", text)
    return text


def test_no_chinese_measure_word_in_english_outside_quotes_and_parentheses(drawn):
    for where, text in _english_texts(drawn).items():
        bare = _outside_quotes_and_parentheses(text)
        found = [m.group(0) for m in re.finditer(r"[\u4e00-\u9fff]+", bare) if set(m.group(0)) & set(_MEASURE_WORDS)]
        assert not found, (where, found[:5])
    assert _outside_quotes_and_parentheses('11.6 个/家 and "22月" (件)').count("个") == 1  # the test can fail


def test_chinese_durations_take_ge(drawn):
    """22个月 and 1.5个月, never 22月 / 1.5 月, wherever a Chinese reader sees the two durations."""
    from helpers.report import readme
    from helpers.report.article_page import load_page_data, render_page
    from helpers.report.reader import note_markdown

    mark = re.escape(prose.computed_mark("zh"))
    months = {prose.render("{yanxia_fraud_months}", "zh").rstrip(prose.computed_mark("zh")),
              prose.render("{duration_routine_months}", "zh")}
    texts = {f"chart {n}": "\n".join(t.get_text() for t in _texts(drawn[n, "zh"], ticks=False)) for n in charts.CHARTS}
    texts |= {"note": note_markdown("zh"), "README": readme.block("zh"),
              "article": render_page(load_page_data(), "zh")}
    seen = 0
    for where, text in texts.items():
        for n in months:
            for m in re.finditer(r"(?<![\d.])" + re.escape(n) + f"(?:{mark})?" + r"\s*(个月|月)", text):
                seen += 1
                assert m.group(1) == "个月", (where, text[max(0, m.start() - 15):m.end() + 5])
    assert seen >= 5, seen
