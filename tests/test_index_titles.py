"""reports/index.html names every output with a reader's title in each language (labels.csv report.*)."""
from __future__ import annotations

import pytest

from helpers.curate import labels
from helpers.base import paths
from helpers.text import prose
from helpers.report.index import output_title

OUTPUTS = ["reader-report", "article", *[p.stem for p in paths.notebooks()]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_output_has_a_title(lang):
    for name in OUTPUTS:
        title = output_title(name, lang)
        assert title != name, f"labels.csv has no report.{name}"
        assert not prose.typed_numbers(title), (name, title)


def test_no_title_for_an_output_that_does_not_exist():
    keys = {k.removeprefix("report.") for k in labels.load() if k.startswith("report.")}
    assert keys == set(OUTPUTS)


def test_chinese_titles_are_chinese():
    for name in OUTPUTS:
        assert any("\u4e00" <= c <= "\u9fff" for c in output_title(name, "zh")), name
