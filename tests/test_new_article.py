"""``python -m helpers.new`` starts an article: the text archived byte for byte, candidate quotes the build's
own code locates, an audit with every number placed, and ``make data`` listing what remains, one line each."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.base import paths
from helpers.parse.extract import find_figures
from helpers.parse.locate import locate_quote
from helpers.parse.values import value_from_quote

#: any article of the repository serves as "a user's plain-text article"
ARTICLES = paths.article_slugs()


def _new(copy: Path, text: Path, slug: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    return subprocess.run([sys.executable, "-m", "helpers.new", str(text), "--slug", slug], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=300)


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("slug", ARTICLES)
def test_new_article_scaffold(project_copy: Path, slug: str) -> None:
    raw = paths.ARTICLES / slug / "raw"
    source = next(p for p in sorted(raw.glob("*.txt")))
    data = source.read_bytes()
    result = _new(project_copy, source, "started")
    assert result.returncode == 0, result.stderr
    folder = project_copy / "data" / "articles" / "started"
    archived = folder / "raw" / source.name
    assert archived.read_bytes() == data
    sums = dict(reversed(line.split()) for line in (folder / "raw" / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sums[source.name] == hashlib.sha256(data).hexdigest()
    text = data.decode("utf-8")
    quotes = _rows(folder / "curated" / "quotes.csv")
    found = find_figures(text)
    assert len(quotes) == int(found["kind"].isin(["count", "amount", "duration"]).sum()) - result.stdout.count("unexplained: ")
    for q in quotes:  # each quote is found once and reads a number the extractor found, with an empty role
        start, end = locate_quote(text, q["quote"], "quotes.csv", q["figure_id"])
        value = value_from_quote(q["quote"], q["unit"], "quotes.csv", q["figure_id"])
        assert not found[(found["start"] >= start) & (found["end"] <= end) & (found["value"] == value)].empty
        assert q["role"] == ""
    # the build lists what remains, one line per entry, and builds nothing
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src"), paths.ARTICLE_ENV: "started"}
    built = subprocess.run([sys.executable, "-m", "helpers.tidy.tables"], cwd=project_copy, env=env,
                           capture_output=True, text=True, timeout=300)
    todo = [line for line in built.stderr.splitlines() if line.startswith("todo: ")]
    dates = _rows(folder / "curated" / "dates.csv")
    left = _rows(folder / "curated" / "left_out.csv")
    # one line per candidate row, one for the metadata stub and one for the missing funnel stages
    assert built.returncode == 1 and len(todo) == len(quotes) + len(dates) + len(left) + 2
    assert not (folder / "tidy").exists()
    assert any("funnel_stages.csv: no stages" in line for line in todo)


def test_new_refuses_an_existing_folder_and_a_bom(project_copy: Path, tmp_path: Path) -> None:
    result = _new(project_copy, paths.ARTICLE, paths.SLUG)
    assert result.returncode == 1 and "already exists" in result.stderr and len(result.stderr.splitlines()) == 1
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + paths.ARTICLE.read_bytes())
    result = _new(project_copy, bom, "bom")
    assert result.returncode == 1 and "byte-order mark" in result.stderr
    assert not (project_copy / "data" / "articles" / "bom").exists()


def _write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _tables(copy: Path, slug: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), paths.ARTICLE_ENV: slug}
    return subprocess.run([sys.executable, "-m", "helpers.tidy.tables"], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=300)


def test_following_the_todo_lines_gives_a_first_funnel_chart(project_copy: Path, tmp_path: Path) -> None:
    """The README's walk-through: make new, fill in what each line asks (the rows they propose pasted as they are),
    and the tables build and the funnel chart draws, every character in the shipped font."""
    source = paths.ARTICLES / "canghe" / "raw" / "article.txt"
    assert _new(project_copy, source, "started").returncode == 0
    folder = project_copy / "data" / "articles" / "started"
    cur = folder / "curated"
    meta_path = folder / "raw" / "article.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({k: "x" for k in ("title", "title_en", "outlet", "outlet_en", "byline", "byline_en")}, invented=True)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    sums = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in (folder / "raw" / "article.txt", meta_path))
    (folder / "raw" / "SHA256SUMS").write_text(sums, encoding="utf-8")
    quotes = _rows(cur / "quotes.csv")
    leads = next(q for q in quotes if q["unit"] == "条" and "线索" in q["quote"])
    filed = next(q for q in quotes if q["unit"] == "件" and "立案" in q["quote"])
    for q in quotes:
        q.update(label_en=f"Figure {q['figure_id']}", label_zh=q["label_zh"] or "数字", short_en="Figure",
                 short_zh=q["label_zh"] or "数字", topic="first_round", place_zh="某县", place_en="A county", place_level="county")
    leads.update(role="funnel:leads", short_en="Problem leads", label_zh="问题线索", short_zh="问题线索")
    filed.update(role="funnel:case_filings", short_en="Cases filed", label_zh="立案", short_zh="立案")
    _write_rows(cur / "quotes.csv", quotes)
    (cur / "funnel_stages.csv").write_text("stage,branch,parent_stage\nleads,main,\ncase_filings,main,leads\n", encoding="utf-8")
    _write_rows(cur / "dates.csv", [{**d, "label_en": "A date", "label_zh": "日期", "topic": "timeline"}
                                    for d in _rows(cur / "dates.csv")])
    _write_rows(cur / "left_out.csv", [{**r, "reason": "An ordinal"} for r in _rows(cur / "left_out.csv")])

    first = _tables(project_copy, "started")
    todo = [line for line in first.stderr.splitlines() if line.startswith("todo: ")]
    assert first.returncode == 1 and todo and not any("git checkout" in line for line in todo), first.stderr
    pasted: dict[str, list[str]] = {"labels.csv": [], "derived.csv": []}
    for line in todo:  # every line left names the rows to add, ready to paste
        target = "derived.csv" if "derived.csv: no rows" in line else "labels.csv"
        rows = re.findall(r"`([^`]+)`", line.split("Fix:", 1)[1])
        assert rows, line
        pasted[target] += [r for r in rows if r not in pasted[target]]
    for name, rows in pasted.items():
        with open(cur / name, "a", encoding="utf-8") as fh:
            fh.write("".join(f"{r}\n" for r in rows))
    second = _tables(project_copy, "started")
    assert second.returncode == 0, second.stderr
    funnel = _rows(folder / "tidy" / "funnel.csv")
    expected = [value_from_quote(q["quote"], q["unit"], "-", "-") for q in (leads, filed)]
    assert [float(r["value"]) for r in funnel] == [float(v) for v in expected]

    png = tmp_path / "funnel.zh.png"
    draw = ("import warnings; warnings.simplefilter('error');"
            "from helpers import charts; from helpers.text import fonts; fonts.setup('zh');"
            f"charts.draw('funnel', 'zh').savefig({str(png)!r})")
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src"), paths.ARTICLE_ENV: "started",
           "XN_FONT_DIR": str(paths.ROOT / "fonts")}
    drawn = subprocess.run([sys.executable, "-c", draw], cwd=project_copy, env=env, capture_output=True, text=True,
                           timeout=300)
    assert drawn.returncode == 0 and "Glyph" not in drawn.stderr, drawn.stderr
    assert png.stat().st_size > 10_000
