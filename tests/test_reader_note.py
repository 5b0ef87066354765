"""The reader's note: at most four A4 pages per language, no code, both charts, readable numbers."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from conftest import need
from helpers.report.reader import build_note, merge_for_reader, reader_title


def _chrome() -> str:
    from helpers.report.pdf import find_chrome

    need("chromium")
    return find_chrome()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_note_prints_on_at_most_four_pages(tmp_path: Path, lang: str) -> None:
    from helpers.report.export_html import to_html
    from helpers.report.pdf import print_pdf

    need("poppler", "chromium")
    html = to_html(build_note(lang), reader_title(lang), reader=True)
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in html
    assert html.count('class="note-chart"') == 2 and "break-after: avoid" in html
    page = tmp_path / f"note-{lang}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"note-{lang}.pdf"
    print_pdf(_chrome(), page, pdf)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    assert 1 <= pages <= 4, pages
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for bad in ("NaN", "True", "np.int64", "<NA>", "LANGUAGE", "import "):
        assert bad not in text, bad
    assert ("25,969" if lang == "en" else "25969") in text


def test_project_notebooks_give_the_note_and_others_are_merged() -> None:
    prose_cell = nbformat.v4.new_code_cell("say(en='x', zh='y')")
    prose_cell.metadata["tags"] = ["prose"]
    project = nbformat.v4.new_notebook(cells=[prose_cell])
    note = merge_for_reader([project], "zh")
    assert note.metadata["language_code"] == "zh-CN" and "读者简报" == reader_title("zh")
    assert "名词解释" in note.cells[0].source
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# demo")])
    assert merge_for_reader([other], "en").cells[0].source == "# demo"


def test_note_embeds_the_charts_of_its_own_build(tmp_path, monkeypatch):
    """The note takes a build's own figures (<out>/figures), else the committed ones, wherever
    XN_FIGURES_DIR points (make bench and the tests point it at an empty temporary folder)."""
    import base64

    from helpers.report.reader import build_note

    monkeypatch.setenv("XN_FIGURES_DIR", str(tmp_path / "empty"))
    committed = build_note("en").cells[0].source
    own = tmp_path / "figures"
    own.mkdir()
    fake = b"\x89PNG own build"
    for name in ("funnel", "timeline"):
        (own / f"{name}.en.png").write_bytes(fake)
    mine = build_note("en", figures=own).cells[0].source
    assert base64.b64encode(fake).decode() in mine
    assert base64.b64encode(fake).decode() not in committed and "data:image/png;base64," in committed
