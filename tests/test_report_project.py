"""The real report: every project notebook built to HTML and PDF in both languages, Chinese text and font embedded."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import need
from helpers.base import paths

NOTEBOOKS = paths.notebooks()


@pytest.fixture()
def report(project_build):
    """The session's shared build (conftest.project_build), with PDFs: needs Chromium and poppler."""
    need("chromium", "poppler")
    assert project_build.pdf, project_build.log
    return project_build.out, project_build


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_notebook_has_html_and_pdf_in_both_languages(report) -> None:
    out, result = report
    assert result.ok, result.log
    assert len(NOTEBOOKS) >= 4
    for lang in ("en", "zh"):
        for nb in NOTEBOOKS:
            for ext in ("html", "pdf"):
                assert (out / lang / f"{nb.stem}.{ext}").stat().st_size > 10_000, (lang, nb.stem, ext)
        assert (out / lang / "reader-report.pdf").exists() and (out / lang / "reader-report.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "59bf12aa129caead8c2d368739b1431c4f7e384d41bed48f0dd547acb537c998" in index
    assert "reader-report.pdf" in index


def test_pdfs_show_the_articles_chinese_terms(report) -> None:
    out, _ = report
    zh = _pdf_text(out / "zh" / "reader-report.pdf")
    for term in ("巡察", "问题线索", "咸宁新闻网", "409"):
        assert term in zh, term
    funnel = _pdf_text(out / "en" / "02-funnel.pdf")
    assert "409" in funnel and "问题线索" in funnel


def test_pdfs_embed_a_cjk_font(report) -> None:
    out, _ = report
    fonts = subprocess.run(["pdffonts", str(out / "zh" / "reader-report.pdf")],
                           capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts


def test_reader_report_has_no_code_cells(report) -> None:
    out, _ = report
    html = (out / "en" / "reader-report.html").read_text(encoding="utf-8")
    assert "load_table(" not in html and "409 problem leads found" in html.replace("\u00a0", " ")
