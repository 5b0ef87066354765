"""Every article folder under data/articles/ (found, not named): its tables equal a fresh build, the audit places
every number, its checks hold, and where the folder carries hand-checked expected values (``expected.json``),
the tables hold exactly those values. Counts come from the expected file or the data, never typed here."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from functools import lru_cache

import pytest

from helpers.base import paths

SLUGS = paths.article_slugs()

def _sections(slug: str) -> set[str]:
    path = paths.ARTICLES / slug / "expected.json"
    return set(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else set()


def with_expected(section: str) -> list[str]:
    """The articles whose expected.json holds ``section`` (hand-checked values)."""
    return [s for s in SLUGS if section in _sections(s)]


#: run in the article's own process: paths are chosen at import, as in the build
_PROBE = r"""
import json, sys
from helpers.tidy.tables import build_all
from helpers.tidy.schema import check_matches_committed, validate_all
from helpers.tidy.coverage import audit_article
from helpers.text.identities import check_identities
tables = build_all()
validate_all(tables)
check_matches_committed(tables)
audit = audit_article()
ids = check_identities(tables["figures"], "en", tables["derived"])
from helpers import charts
from helpers.charts import style
from helpers.text import fonts
sources = {}
for lang in ("en", "zh"):
    fonts.setup(lang)
    for name, (func, names) in charts.CHARTS.items():
        fig = func(*(tables[n] for n in names), lang)
        sources[f"{name}.{lang}"] = [t for t in style.texts(fig) if t.replace("\n", "") == style.source_line(lang).replace("\n", "")
                                     or style.source_line(lang).startswith(t.split("\n")[0])][:1]
print(json.dumps({"audit": audit[["text", "kind", "status", "covered_by"]].to_dict("records"),
                  "identities": ids[["identity_id", "kind", "holds", "statement"]].to_dict("records"),
                  "chart_sources": sources}))
"""


@lru_cache(maxsize=None)
def probe(slug: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src"), paths.ARTICLE_ENV: slug}
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=paths.ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _table(slug: str, name: str) -> list[dict[str, str]]:
    with open(paths.ARTICLES / slug / "tidy" / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected(slug: str) -> dict:
    return json.loads((paths.ARTICLES / slug / "expected.json").read_text(encoding="utf-8"))


def _num(text: str) -> float:
    return float(text)


def test_the_articles_are_found() -> None:
    assert paths.DEFAULT_ARTICLE in SLUGS and SLUGS[0] == paths.DEFAULT_ARTICLE
    assert len(SLUGS) >= 2  # the kit serves more than one article
    assert all("figures" in _sections(s) for s in SLUGS)  # each article carries its hand-checked figures


@pytest.mark.parametrize("slug", SLUGS)
def test_tables_equal_a_fresh_build_and_every_number_is_placed(slug: str) -> None:
    result = probe(slug)
    unexplained = [r for r in result["audit"] if r["status"] == "unexplained"]
    assert result["audit"] and not unexplained


@pytest.mark.parametrize("slug", SLUGS)
def test_the_articles_checks_hold(slug: str) -> None:
    identities = probe(slug)["identities"]
    with open(paths.ARTICLES / slug / "curated" / "identities.csv", encoding="utf-8", newline="") as fh:
        curated = [r["identity_id"] for r in csv.DictReader(fh)]
    assert [i["identity_id"] for i in identities] == curated and curated
    assert all(i["holds"] for i in identities), [i for i in identities if not i["holds"]]
    assert {i["kind"] for i in identities} <= {"stated", "assumption"}
    for i in identities:  # an assumption is written as "if"
        assert (i["kind"] == "assumption") == i["statement"].startswith("if ")


@pytest.mark.parametrize("slug", with_expected("figures"))
def test_figures_are_the_hand_checked_values(slug: str) -> None:
    expected = _expected(slug)["figures"]
    rows = {r["figure_id"]: r for r in _table(slug, "figures")}
    assert set(rows) == set(expected)
    for fid, (value, unit) in expected.items():
        assert (_num(rows[fid]["value"]), rows[fid]["unit"]) == (value, unit), fid


@pytest.mark.parametrize("slug", with_expected("derived"))
def test_derived_values_to_one_decimal(slug: str) -> None:
    expected = _expected(slug)["derived"]
    rows = {r["derived_id"]: r for r in _table(slug, "derived")}
    assert set(rows) == set(expected)
    for did, (value, _unit) in expected.items():
        assert round(_num(rows[did]["value"]) + 1e-9, 1) == value, did


@pytest.mark.parametrize("slug", with_expected("funnel"))
def test_funnel_structure(slug: str) -> None:
    expected = _expected(slug)["funnel"]
    rows = _table(slug, "funnel")
    got = [{k: (_num(r[k]) if k == "value" else r[k]) for k in e} for r, e in zip(rows, expected)]
    assert len(rows) == len(expected) and got == expected


@pytest.mark.parametrize("slug", with_expected("timeline"))
def test_timeline_intervals(slug: str) -> None:
    expected = _expected(slug)["timeline"]
    rows = {r["date_id"]: r for r in _table(slug, "timeline")}
    assert set(rows) == set(expected)
    for did, e in expected.items():
        r = rows[did]
        assert [r["start_earliest"], r["start_latest"], r["start_precision"]] == e["start"], did
        assert [r["end_earliest"], r["end_latest"], r["end_precision"]] == e["end"], did


@pytest.mark.parametrize("slug", with_expected("schedule"))
def test_schedule_rounds(slug: str) -> None:
    expected = _expected(slug)["schedule"]
    name = next(p.stem for p in (paths.ARTICLES / slug / "tidy").glob("schedule_*.csv"))
    rows = _table(slug, name)
    assert len(rows) == len(expected)
    for r, e in zip(rows, expected):
        for key, value in e.items():
            got = r[key] if key not in ("units", "min_days", "max_days") else (_num(r[key]) if r[key] else None)
            assert got == value, (e["entry_id"], key)


@pytest.mark.parametrize("slug", with_expected("counts"))
def test_counts_follow_the_expected_file(slug: str) -> None:
    exp = _expected(slug)
    counts = exp["counts"]
    curated = paths.ARTICLES / slug / "curated"

    def rows(name: str) -> int:
        with open(curated / name, encoding="utf-8", newline="") as fh:
            return len(list(csv.DictReader(fh)))

    assert counts["figures"] == len(exp["figures"]) == rows("quotes.csv")
    assert counts["dates"] == len(exp["timeline"]) == rows("dates.csv")
    assert counts["derived"] == len(exp["derived"]) == rows("derived.csv")
    assert counts["left_out"] == rows("left_out.csv")
    funnel = exp["funnel"]
    assert counts["funnel_stages"] == len(funnel)
    assert counts["funnel_main_stages"] == sum(f["branch"] == "main" for f in funnel)
    assert counts["funnel_side_stages"] == sum(f["branch"] == "side" for f in funnel)
    assert counts["schedule_rounds"] == sum(s["grouping"] == "round" for s in exp["schedule"])
    audit = probe(slug)["audit"]
    assert counts["extractor_rows"] == len(audit)
    assert counts["extractor_rows_in_figures"] == sum(r["covered_by"].startswith("figures:") for r in audit)
    assert counts["extractor_rows_in_timeline"] == sum(r["covered_by"].startswith("timeline:") for r in audit)
    assert counts["extractor_rows_left_out"] == sum(r["status"] == "left_out" for r in audit)
    assert sorted(counts["units_used"]) == sorted({u for _, u in exp["figures"].values()})


@pytest.mark.parametrize("slug", SLUGS)
def test_every_chart_of_an_invented_article_says_so(slug: str) -> None:
    """Each chart the article draws carries its source line; an invented article's starts with the notice."""
    meta = json.loads(next((paths.ARTICLES / slug / "raw").glob("*.meta.json")).read_text(encoding="utf-8"))
    with open(paths.KIT_LABELS, encoding="utf-8", newline="") as fh:
        notice = next(r for r in csv.DictReader(fh) if r["key"] == "notice.invented")
    sources = probe(slug)["chart_sources"]
    assert sources and all(sources.values()), [k for k, v in sources.items() if not v]
    for key, (text,) in sources.items():
        lang = key.rsplit(".", 1)[1]
        assert text.replace("\n", " ").startswith(notice[lang][:12]) == bool(meta.get("invented")), key


def test_the_funnel_notebooks_rates_per_100_of_the_first_carry_the_mark(tmp_path) -> None:
    """Rates the funnel notebook computes itself and hands to an article's prose (``{<stage>_per_100_first}``) are
    marked computed in every article's pages, like the derived values (Canghe's zh prose showed 16.5 unmarked)."""
    import re

    from helpers.report.execute import run
    from helpers.text import prose

    mark, seen = prose.computed_mark("zh"), 0
    for slug in SLUGS:
        nb = run(paths.NOTEBOOKS / "02-funnel.ipynb", "zh", 300, tmp_path / f"{slug}.log",
                 {paths.ARTICLE_ENV: slug, "XN_FIGURES_DIR": str(tmp_path / slug)})
        prose_text = "\n".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells for o in c.get("outputs", []))
        rates = {prose.format_number(float(r["pct_of_first"]), "zh") for r in _table(slug, "funnel")
                 if r["pct_of_first"] and float(r["pct_of_first"]) != 100}
        for shown in rates:
            for m in re.finditer(r"(?<![\d.])" + re.escape(shown) + r"(?!\d|\.\d)", prose_text):
                seen += 1
                assert prose_text[m.end():m.end() + 1] == mark, (slug, shown, prose_text[m.start() - 20:m.end() + 5])
    assert seen, "no article's prose shows a rate per 100 of the first: the test checks nothing"
