"""Each edition reads in its own language: the share of the other language in every page's prose.

The reports come from the test session's shared build (conftest.project_build); :mod:`language_share` extracts the
prose of each page under ``en/`` and ``zh/`` (headings, paragraphs, list items, captions, table
headers; not code, not table cells, not the audit's pandas tables) and counts letters: Latin in a
Chinese page, CJK in an English page, leaving out what is marked as quoted (an element whose
``lang`` differs from the page's, text in quotation marks or brackets, checksums).

Bound, ``MAX_SHARE`` = 5 %: measured on this build, every page stays under 1 % (glossed Chinese
terms such as 条/件/人 and 通讯员 咸纪轩 in English; SHA-256, file names outside code spans in
Chinese). One untranslated paragraph in a typical page (500-3,000 letters of prose) adds 10-40 %,
an English heading alone in a Chinese page about 5-10 %, so 5 % leaves room for a few more glossed
terms while any untranslated heading or paragraph fails. The annotated article page's article text
must carry its own ``lang`` (or sit in quotation marks) to be left out.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from language_share import other_language_share

MAX_SHARE = 0.05


@pytest.fixture(scope="module")
def editions(project_build) -> Path:
    """The session's shared build of every notebook (conftest.project_build)."""
    assert project_build.ok, project_build.log
    return project_build.out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_reads_in_its_language(editions: Path, lang: str) -> None:
    pages = sorted((editions / lang).glob("*.html"))
    assert len(pages) >= 5, pages
    report = []
    for page in pages:
        share, letters, page_lang = other_language_share(page.read_text(encoding="utf-8"))
        assert page_lang == ("zh-cn" if lang == "zh" else "en"), (page.name, page_lang)
        assert letters > 300, (page.name, letters)
        report.append(f"{lang}/{page.name}: {share:.1%} of {letters} letters")
        assert share <= MAX_SHARE, f"{lang}/{page.name}: {share:.1%} of the prose is in the other language"
    print("\n" + "\n".join(report))


def test_the_measure_catches_an_untranslated_paragraph() -> None:
    zh = "<p>" + "问题线索移交纪检监察机关处理" * 10 + "</p>"
    en = "<p>" + "Of the problem leads, some were transferred. " * 3 + "</p>"
    page = '<html lang="zh-CN"><body><h1>巡察</h1>{}</body></html>'
    assert other_language_share(page.format(zh))[0] == 0
    assert other_language_share(page.format(zh + en))[0] > MAX_SHARE
    assert other_language_share(page.format(zh + f'<p lang="en">{en}</p>'))[0] == 0
    assert other_language_share(page.format(zh + "<pre>print('x' * 100)</pre>"))[0] == 0
