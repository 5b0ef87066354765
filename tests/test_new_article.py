"""``python -m helpers.new`` starts an article: the text archived byte for byte, candidate quotes the build's
own code locates, an audit with every number placed, and ``make data`` listing what remains, one line each."""
from __future__ import annotations

import csv
import hashlib
import os
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
