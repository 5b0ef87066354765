"""The shipped font (fonts/): covers every character the charts and reports draw, is bold where bold,
carries its licence, and ``make fonts`` regenerates it byte for byte."""
from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from helpers import charts
from helpers.text import fonts, fontsubset
from helpers.base import paths
from helpers.tidy.load import load_table

FONTS = paths.ROOT / "fonts"


def _cmap(weight: str) -> set[str]:
    return {chr(c) for c in TTFont(fontsubset.font_path(weight, FONTS)).getBestCmap()}


def _uncoverable() -> set[str]:
    """Characters Noto Sans CJK SC lacks (last line of charset.txt): drawn by a fallback font."""
    lines = (FONTS / "charset.txt").read_text(encoding="utf-8").split("\n")
    return set(lines[2]) if len(lines) > 2 else set()


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_subset_covers_every_character_of_the_projects_text(weight: str) -> None:
    needed = fontsubset.collect_chars()
    assert len(needed) > 1000 and "咸" in needed and "巡" in needed and "A" in needed
    missing = sorted(needed - _cmap(weight) - _uncoverable())
    assert not missing, (f"fonts/{fontsubset.font_path(weight).name} lacks {len(missing)} characters the project "
                         f"draws: {''.join(missing[:40])}; run `make fonts` and commit fonts/")


def test_subset_covers_every_character_drawn_on_the_charts() -> None:
    cmap = _cmap("Regular") & _cmap("Bold")
    tables = {n: load_table(n) for n in ("figures", "funnel", "timeline", "schedule_2017", "units_2016", "derived")}
    drawn: set[str] = set()
    for lang in ("en", "zh"):
        fonts.setup(lang)
        for name, (func, names) in charts.CHARTS.items():
            drawn.update("".join(charts.texts(func(*(tables[n] for n in names), lang))))
    drawn -= set("\n\t")
    missing = sorted(drawn - cmap)
    assert not missing, f"characters drawn on charts but not in the shipped font: {''.join(missing)}"


def test_the_collector_finds_text_added_anywhere_later(tmp_path: Path) -> None:
    for folder in ("data/articles/xianning/curated", "notebooks", "src/helpers/report"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "data/articles/xianning/curated/labels.csv").write_text("id,zh\nx,鑫\n", encoding="utf-8")
    (tmp_path / "notebooks/05-new.ipynb").write_text('{"cells": [{"source": "# 犇"}]}', encoding="utf-8")
    (tmp_path / "src/helpers/report/article.py").write_text('TITLE = "淼"\n', encoding="utf-8")
    assert {"鑫", "犇", "淼"} <= fontsubset.collect_chars(tmp_path)


def test_faces_are_named_weighted_and_licensed() -> None:
    for weight, value in fontsubset.WEIGHTS.items():
        font = TTFont(fontsubset.font_path(weight, FONTS))
        assert font["name"].getDebugName(1) == fontsubset.FAMILY and font["name"].getDebugName(2) == weight
        assert font["OS/2"].usWeightClass == value and "glyf" in font
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence


@pytest.mark.needs("noto-cjk")
def test_make_fonts_regenerates_the_same_bytes(tmp_path: Path) -> None:
    fontsubset.regenerate(tmp_path)
    for name in ("NotoSansCJKsc-Subset-Regular.ttf", "NotoSansCJKsc-Subset-Bold.ttf", "charset.txt", "OFL.txt"):
        assert (tmp_path / name).read_bytes() == (FONTS / name).read_bytes(), (
            f"fonts/{name} is not what `make fonts` makes now: run it and commit fonts/")


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_the_computed_mark_is_set_narrow(weight: str) -> None:
    """† follows a digit ("22†"): in the subset it is proportional, not the CJK font's full-width box."""
    font = TTFont(fontsubset.font_path(weight, FONTS))
    cmap, glyf = font.getBestCmap(), font["glyf"]
    dagger = cmap[ord("†")]
    advance, lsb = font["hmtx"][dagger]
    glyph = glyf[dagger]
    glyph.recalcBounds(glyf)
    assert advance < font["head"].unitsPerEm * 0.7, f"† advance {advance}"
    assert lsb == glyph.xMin == fontsubset.NARROW_SIDE
    assert advance == glyph.xMax - glyph.xMin + 2 * fontsubset.NARROW_SIDE
    assert font["hmtx"][cmap[ord("字")]][0] == font["head"].unitsPerEm  # CJK stays full width


def test_make_fonts_reads_every_article_folder() -> None:
    """`make fonts` collects the characters of every file of every article folder (data/articles/*/)."""
    read = set(fontsubset.source_files())
    for slug in paths.article_slugs():
        files = [p for p in (paths.ARTICLES / slug).rglob("*") if p.is_file() and p.name != "SHA256SUMS"
                 and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts]
        assert files and not [p for p in files if p not in read], slug


def _charset_without(folder: Path, chars: str) -> None:
    """A copy of the shipped fonts in ``folder`` whose charset.txt has not seen ``chars`` (as before `make fonts`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("NotoSansCJKsc-Subset-Regular.ttf", "NotoSansCJKsc-Subset-Bold.ttf"):
        (folder / name).write_bytes((FONTS / name).read_bytes())
    text = (FONTS / "charset.txt").read_text(encoding="utf-8")
    (folder / "charset.txt").write_text("".join(c for c in text if c not in chars), encoding="utf-8")


def test_a_new_articles_rare_character_is_found_with_its_file(tmp_path: Path) -> None:
    """A county named with a character outside the subset (鬯): found, with the file that uses it; once
    `make fonts` has seen it, nothing is left; another article's folder is not read."""
    article = tmp_path / "data" / "articles" / "started"
    (article / "curated").mkdir(parents=True)
    quotes = article / "curated" / "quotes.csv"
    quotes.write_text("figure_id,quote,place_zh\ncounty_groups,组建3个巡察组,鬯禾县\n", encoding="utf-8")
    (tmp_path / "data" / "articles" / "other").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "other" / "labels.csv").write_text("key,en,zh\nx,y,龘\n", encoding="utf-8")
    assert "鬯" not in fontsubset.charset(FONTS) and "龘" not in fontsubset.charset(FONTS)
    assert fontsubset.uncovered(tmp_path, article, FONTS) == {"鬯": quotes}
    seen = tmp_path / "fonts"
    seen.mkdir()
    (seen / "charset.txt").write_text((FONTS / "charset.txt").read_text(encoding="utf-8") + "鬯\n", encoding="utf-8")
    assert fontsubset.uncovered(tmp_path, article, seen) == {}


def test_a_character_outside_the_subset_stops_the_build_in_one_line(tmp_path: Path) -> None:
    """The chosen behaviour: the build fails before anything runs, one line naming the file and `make fonts`
    (never boxes on a chart, never another font on a page, silently). Here the shipped fonts' charset lacks 苍,
    which the invented article's text uses."""
    import os
    import subprocess
    import sys

    fonts_dir, out = tmp_path / "fonts", tmp_path / "out"
    _charset_without(fonts_dir, "苍")
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src"), "XN_FONT_DIR": str(fonts_dir), paths.ARTICLE_ENV: "canghe"}
    run = subprocess.run([sys.executable, "-m", "helpers.report", "--no-pdf", "--out", str(out)], cwd=paths.ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1 and len(lines) == 1, run.stderr
    assert "data/articles/canghe/" in lines[0] and "苍" in lines[0] and "`make fonts`" in lines[0], lines[0]
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))
