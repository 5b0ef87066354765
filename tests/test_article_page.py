"""The annotated article pages (reports/{en,zh}/article.html), built into a temporary folder."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.base import paths
from helpers.source.article import load_article
from helpers.charts import CHARTS
from helpers.tidy.coverage import left_out
from helpers.tidy.load import load_table
from helpers.text.prose import typed_numbers
from helpers.report.article_marks import Mark, MarkError, arrange, figure_marks, markup
from helpers.curate import labels
from helpers.report.article_page import page_text
from helpers.report.build import build

LANGS = ("en", "zh")


class _Page(HTMLParser):
    """Collects the article container's text with the offset and text of each mark inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.in_article = 0  # depth inside #article-text (0: outside)
        self.text: list[str] = []
        self.pos = 0
        self.marks: list[dict] = []  # attrs + offset + text, for elements with data-figure-id / data-left-out
        self.open_marks: list[dict] = []
        self.outside_marks: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs_list: list) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        self.elements.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("br", "meta", "img", "input", "link"):
            return
        if self.in_article:
            self.in_article += 1
        elif attrs.get("id") == "article-text":
            self.in_article = 1
            self.article_attrs = attrs
        marked = "data-figure-id" in attrs or "data-left-out" in attrs
        if marked:
            if self.in_article:
                rec = {**attrs, "_start": self.pos, "_text": ""}
                self.marks.append(rec)
                self.open_marks.append(rec)
            else:
                self.outside_marks.append(attrs)
        self.stack.append((tag, {**attrs, "_rec": "1" if marked and self.in_article else ""}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            return
        _tag, attrs = self.stack.pop()
        if attrs.get("_rec"):
            self.open_marks.pop()
        if self.in_article:
            self.in_article -= 1

    def handle_data(self, data: str) -> None:
        if self.in_article:
            self.text.append(data)
            self.pos += len(data)
            for rec in self.open_marks:
                rec["_text"] += data


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, _Page]]:
    out = tmp_path_factory.mktemp("reports")
    result = build([], out, LANGS, pdf=False, force=True, echo=None)  # the article pages (and index) only
    assert [(i.key, i.status) for i in result.items] == [("en/article", "built"), ("zh/article", "built")], \
        [i.error for i in result.items]
    pages, parsed = {}, {}
    for lang in LANGS:
        pages[lang] = (out / lang / "article.html").read_text(encoding="utf-8")
        parser = _Page()
        parser.feed(pages[lang])
        parsed[lang] = parser
    return out, pages, parsed


@pytest.fixture(scope="module")
def tables():
    article = load_article()
    return article, load_table("figures"), load_table("derived"), left_out(article)


@pytest.mark.parametrize("lang", LANGS)
def test_article_text_is_byte_identical(built, tables, lang) -> None:
    _, pages, parsed = built
    article = tables[0]
    assert "".join(parsed[lang].text).encode("utf-8") == paths.ARTICLE.read_bytes()
    # the same by plain stripping of the markup
    inner = re.search(r'<div id="article-text"[^>]*>(.*?)</div>\n</section>', pages[lang], re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == article.text


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_highlighted_once_inside_its_quote(built, tables, lang) -> None:
    _, _, parsed = built
    article, figures, _, _ = tables
    marks = [m for m in parsed[lang].marks if "data-figure-id" in m]
    ids = [m["data-figure-id"] for m in marks]
    assert sorted(ids) == sorted(figures["figure_id"]), "each figure_id exactly once"
    assert len(ids) == len(figures) > 30, f"{len(ids)} of {len(figures)} figures highlighted"
    assert not [a for a in parsed[lang].outside_marks if "data-figure-id" in a], "highlights outside the text"
    by_id = figures.set_index("figure_id")
    for m in marks:
        row = by_id.loc[m["data-figure-id"]]
        start, text = m["_start"], m["_text"]
        assert text and article.text[start:start + len(text)] == text
        assert row["start"] <= start and start + len(text) <= row["end"], (m["data-figure-id"], start, text)
        assert text in row["quote"]
        assert text.endswith(row["unit"]) or text.isdigit(), (text, row["unit"])
        assert m["id"] == f"fig-{m['data-figure-id']}"
    # the overlapping quotes of Wuli town: 3起 and 33人次 are two elements, neither split
    texts = {m["data-figure-id"]: m["_text"] for m in marks}
    assert texts["wuli_trips"] == "3起" and texts["wuli_person_times"] == "33人次"
    assert texts["city_problem_leads"] == "409条"


@pytest.mark.parametrize("lang", LANGS)
def test_left_out_numbers_marked_with_their_reason(built, tables, lang) -> None:
    _, _, parsed = built
    excluded = tables[3]
    marks = [m for m in parsed[lang].marks if "data-left-out" in m]
    assert len(marks) == len(excluded) > 20
    got = {(m["_start"], m["_text"]): m for m in marks}
    for r in excluded.itertuples():
        m = got[(r.start, r.text)]
        assert m["data-left-out"] == r.category and m["data-reason"] == r.reason
        assert "data-figure-id" not in m
        tip = re.search(rf'<div class="tip-src" id="{m["data-tip"]}" hidden>(.*?)</div>', built[1][lang], re.S)
        assert tip and labels.raw(f"left_out.{r.category}", lang) in html.unescape(tip.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_derived_values_listed_with_formula_and_working_links(built, tables, lang) -> None:
    _, pages, parsed = built
    _, figures, derived, _ = tables
    page, ids = pages[lang], parsed[lang].ids
    fids, dids = set(figures["figure_id"]), set(derived["derived_id"])
    timeline = load_table("timeline").set_index("date_id")
    for r in derived.itertuples():
        item = re.search(rf'<li id="d-{r.derived_id}" data-derived-id="{r.derived_id}">(.*?)</li></ul>', page, re.S)
        assert item, r.derived_id
        body = item.group(1)
        for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", r.formula):
            if name in fids:
                assert f'href="#fig-{name}"' in body, (r.derived_id, name)
            elif name in dids:
                assert f'href="#d-{name}"' in body, (r.derived_id, name)
            elif name in timeline.index:
                assert html.escape(timeline.loc[name, "expression"]) in body, (r.derived_id, name)
        formula = re.search(r'<p class="d-formula">(.*?)</p>', body).group(1)
        assert " = " in formula and (set("÷+−×") & set(formula) or "months" in r.formula), formula
    # every in-page link points at an element of the page
    for target in set(re.findall(r'href="#([^"]+)"', page)):
        assert target in ids, f"broken link #{target}"
    assert "#fig-units_2016_total" in page if lang == "en" else True  # a reason's figures: link


@pytest.mark.parametrize("lang", LANGS)
def test_rows_charts_and_notebooks_linked(built, tables, lang) -> None:
    _, pages, parsed = built
    figures = tables[1]
    page = pages[lang]
    for fid in figures["figure_id"]:
        assert f"row-{fid}" in parsed[lang].ids
    charts = set(re.findall(rf'href="\.\./figures/([a-z0-9-]+)\.{lang}\.png"', page))
    assert charts and charts <= set(CHARTS), charts
    assert charts == set(CHARTS), f"charts never linked: {set(CHARTS) - charts}"
    notebooks = set(re.findall(r'href="([0-9]{2}-[a-z0-9-]+)\.html"', page))
    assert notebooks and all(any(p.stem == n for p in paths.notebooks()) for n in notebooks)
    tip = re.search(r'<div class="tip-src" id="tip-city_problem_leads" hidden>(.*?)</div>', page, re.S).group(1)
    assert 'href="../figures/funnel.' in tip and 'href="02-funnel.html"' in tip and 'href="#row-city_problem_leads"' in tip
    label = figures.set_index("figure_id").loc["city_problem_leads", "label_zh" if lang == "zh" else "label_en"]
    assert html.escape(label) in tip and "409" in tip


@pytest.mark.parametrize("lang", LANGS)
def test_short_labels_head_the_info_box_and_the_table(built, tables, lang) -> None:
    """The info box is headed by the short label (the long one under "Meaning"); the table shows the short one."""
    _, pages, _ = built
    page, figures = pages[lang], tables[1].set_index("figure_id")
    for fid in ("city_leads_transferred", "xianan_held_accountable"):
        short, long = figures.loc[fid, f"short_{lang}"], figures.loc[fid, f"label_{lang}"]
        assert short != long
        tip = re.search(rf'<div class="tip-src" id="tip-{fid}" hidden>(.*?)</div>', page, re.S).group(1)
        assert f'<p class="tip-title">{html.escape(short)}</p>' in tip
        assert f'<dt>{page_text(lang)["tip_label"]}</dt><dd>{html.escape(long)}</dd>' in tip
        row = re.search(rf'<tr id="row-{fid}"[^>]*>(.*?)</tr>', page, re.S).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        assert f'<span title="{html.escape(long)}">{html.escape(short)}</span>' in cells[1]
    assert "Leads transferred" in page if lang == "en" else "移交问题线索" in page


@pytest.mark.parametrize("lang", LANGS)
def test_no_unfilled_placeholder_on_the_page(built, lang) -> None:
    """Templates such as the rounding rule are rendered: no ``{figure_id}`` reaches the reader."""
    _, pages, _ = built
    body = re.sub(r"<(style|script)\b.*?</\1>", "", pages[lang], flags=re.S)
    assert not re.findall(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}", body)
    assert ("25,969" if lang == "en" else "25969") in pages[lang].split('id="derived"')[1].split("</p>")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_offline_and_languages(built, lang) -> None:
    _, pages, parsed = built
    page = pages[lang]
    assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', page), "external resource"
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", page)
    assert "<script src" not in page and '<link rel="stylesheet"' not in page
    tag, attrs = parsed[lang].elements[0]
    assert tag == "html" and attrs["lang"] == ("zh-CN" if lang == "zh" else "en")
    assert parsed[lang].article_attrs["lang"] == "zh-CN"
    for tag, attrs in parsed[lang].elements:
        if tag == "q":
            assert attrs.get("lang") == "zh-CN"
    assert "@media print" in page and "max-width: 52rem" in page and 'name="viewport"' in page
    assert "tabindex" in page and "addEventListener('focus'" in page


def test_templates_type_no_number() -> None:
    for lang in LANGS:
        page = [(k, v[lang]) for k, v in labels.load().items()
                if k.startswith(("page.", "left_out.")) or (k.startswith("chart.") and k.endswith(".name"))]
        assert len(page_text(lang)) > 1 and page
        for key, text in page:
            assert not typed_numbers(text), (lang, key, typed_numbers(text))


def test_rebuilt_only_when_needed(built) -> None:
    out, pages, _ = built
    again = build([], out, LANGS, pdf=False, echo=None)
    assert [i.status for i in again.items] == ["skipped", "skipped"]
    (out / "zh" / "article.html").unlink()
    third = build([], out, LANGS, pdf=False, echo=None)
    assert [i.status for i in third.items] == ["skipped", "built"]
    assert (out / "zh" / "article.html").read_text(encoding="utf-8") == pages["zh"]
    assert not list(out.rglob(".*.tmp"))


# ---------- the marks: overlapping quotes ----------
def _fig(fid: str, quote: str, unit: str, text: str) -> dict:
    start = text.index(quote)
    return {"figure_id": fid, "quote": quote, "unit": unit, "start": start, "end": start + len(quote)}


def test_overlapping_quotes_give_disjoint_marks() -> None:
    text = "违规集体公款旅游3起33人次,涉及11人"
    marks = figure_marks(text, [_fig("trips", "违规集体公款旅游3起", "起", text), _fig("times", "3起33人次", "人次", text)])
    assert [(text[m.start:m.end]) for m in arrange(marks)] == ["3起", "33人次"]


def test_nested_marks_wrap_without_splitting() -> None:
    text = "共3起33人次。"
    outer = Mark(1, 7, "figure", "outer", 1, 7, number_end=2)
    inner = Mark(3, 7, "figure", "inner", 3, 7, number_end=5)
    out = markup(text, [inner, outer], lambda m, has_child: (f'<b data-figure-id="{m.key}">', "</b>"))
    assert out == '共<b data-figure-id="outer">3起<b data-figure-id="inner">33人次</b></b>。'
    assert out.count('data-figure-id="outer"') == 1


def test_crossing_marks_shrink_to_the_number_or_fail() -> None:
    text = "甲12个半月乙"
    a = Mark(1, 6, "figure", "a", 1, 6, number_end=3)  # 12个半月 -> shrinks to 12
    b = Mark(3, 5, "figure", "b", 3, 5, number_end=3)  # 个半 (contrived), crosses nothing once a is 12
    b = Mark(4, 7, "left-out", "b", 4, 7)  # 半月乙 crosses 12个半月
    got = {m.key: (m.start, m.end) for m in arrange([a, b])}
    assert got == {"a": (1, 3), "b": (4, 7)}
    c = Mark(0, 3, "left-out", "c", 0, 3)
    d = Mark(2, 5, "left-out", "d", 2, 5)
    with pytest.raises(MarkError, match="cross"):
        arrange([c, d])
    with pytest.raises(MarkError, match="same characters"):
        arrange([Mark(0, 2, "figure", "x", 0, 2), Mark(0, 2, "figure", "y", 0, 2)])


def test_stale_offsets_are_refused() -> None:
    with pytest.raises(MarkError, match="make data"):
        figure_marks("abc 3起", [{"figure_id": "f", "quote": "3起", "unit": "起", "start": 0, "end": 2}])


def test_chart_links_point_at_committed_figures(built) -> None:
    _, pages, _ = built
    for lang in LANGS:
        for chart in set(re.findall(rf'href="\.\./figures/([a-z0-9-]+\.{lang}\.png)"', pages[lang])):
            assert (paths.FIGURES / chart).is_file(), chart


def test_a_failure_is_one_line_and_leaves_no_page(tmp_path: Path, monkeypatch) -> None:
    from helpers.base.errors import DataError
    from helpers.report import article_page

    out = tmp_path / "out"
    assert [i.status for i in build([], out, ("en",), pdf=False, echo=None).items] == ["built"]

    def broken():
        raise DataError(paths.ARTICLE, "sha256", "the article has changed", "restore it")

    monkeypatch.setattr(article_page, "load_page_data", broken)
    lines: list[str] = []
    result = build([], out, ("en",), pdf=False, force=True, echo=lines.append)
    lines = [line for line in lines if not line.startswith("[ok]   index")]
    assert [i.status for i in result.items] == ["failed"] and len(lines) == 1 and "\n" not in lines[0]
    assert "the article has changed" in lines[0] and lines[0].startswith("[FAIL] en/article")
    assert not (out / "en" / "article.html").exists() and not result.ok
    again = build([], out, ("en",), pdf=False, echo=None)  # a failed page is never taken as up to date
    assert [i.status for i in again.items] == ["failed"] and not (out / "en" / "article.html").exists()
