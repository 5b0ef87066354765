"""Every bad input ends in one message naming the file, the entry and the fix; nothing is written.

Each test breaks one input in a throw-away copy of the project and runs `python -m helpers.tables`.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import run_tables
from helpers.errors import DataError
from helpers.schema import validate_text

QUOTES = Path("data/curated/quotes.csv")


def _edit_quote_row(copy: Path, target: str, **changes: str) -> None:
    path = copy / QUOTES
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if row["figure_id"] == target:
            row.update(changes)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _tidy_snapshot(copy: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((copy / "data" / "tidy").glob("*"))}


def _fails_cleanly(copy: Path, *expected: str) -> str:
    """Run the build; it must fail with one error line containing ``expected`` and write nothing."""
    before = _tidy_snapshot(copy)
    result = run_tables(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    assert "Fix:" in lines[0]
    assert "Traceback" not in result.stderr
    assert _tidy_snapshot(copy) == before, "a failed build wrote data/tidy/"
    assert not list((copy / "data").rglob("*.tmp"))
    return lines[0]


def test_quote_not_in_article(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_problem_leads", quote="问题线索490条")
    _fails_cleanly(project_copy, "quotes.csv", "figure_id=city_problem_leads", "is not in the article")


def test_quote_found_twice(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "units_2016_total", quote="7家单位")
    _fails_cleanly(project_copy, "quotes.csv", "figure_id=units_2016_total", "more than once", "lengthen the quote")


def test_quote_with_no_number(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_cases_filed", quote="根据巡察移交问题线索,立案")
    _fails_cleanly(project_copy, "quotes.csv", "figure_id=city_cases_filed", "contains no number")


def test_unit_that_does_not_match_the_quote(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_problem_leads", unit="件")
    _fails_cleanly(project_copy, "quotes.csv", "figure_id=city_problem_leads", "unit '件' does not follow")


def test_duplicate_figure_id_in_curation(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_cases_filed", figure_id="city_problem_leads")
    _fails_cleanly(project_copy, "quotes.csv", "duplicate figure_id")


def test_article_resaved_in_gbk(project_copy: Path) -> None:
    path = project_copy / "data/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "not valid UTF-8", "git checkout -- data/raw/")


def test_article_with_bom(project_copy: Path) -> None:
    path = project_copy / "data/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "byte-order mark")


def test_edited_article(project_copy: Path) -> None:
    path = project_copy / "data/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(path.read_bytes().replace("立案19件".encode(), "立案91件".encode()))
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "has changed")


def _tidy_text(name: str) -> str:
    from helpers import paths
    return (paths.TIDY / f"{name}.csv").read_text(encoding="utf-8")


def _tidy_error(text: str, name: str = "figures") -> str:
    with pytest.raises(DataError) as err:
        validate_text(text, name, f"data/tidy/{name}.csv")
    message = str(err.value)
    assert f"data/tidy/{name}.csv" in message and "Fix:" in message
    return message


def test_tidy_csv_missing_column() -> None:
    rows = list(csv.reader(io.StringIO(_tidy_text("funnel"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row[:-1] for row in rows)
    assert "missing column(s) formula" in _tidy_error(out.getvalue(), "funnel")


def test_tidy_csv_non_numeric_value() -> None:
    message = _tidy_error(_tidy_text("figures").replace(",409,", ",four hundred,"))
    assert "line 4 (figure_id=city_problem_leads), column value" in message and "not a number" in message


def test_tidy_csv_negative_value() -> None:
    message = _tidy_error(_tidy_text("figures").replace(",409,", ",-409,"))
    assert "line 4 (figure_id=city_problem_leads), column value" in message and "below the minimum 0" in message


def test_tidy_csv_duplicate_id() -> None:
    text = _tidy_text("figures").replace("city_cases_filed,", "city_leads_transferred,")
    assert "duplicate figure_id 'city_leads_transferred'" in _tidy_error(text)


def test_committed_tidy_csv_edited_fails_the_check(project_copy: Path) -> None:
    path = project_copy / "data/tidy/derived.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("county_level_units_inferred,27,", "county_level_units_inferred,28,"), encoding="utf-8")
    result = run_tables(project_copy, "--check")
    assert result.returncode == 1
    assert "derived.csv: line" in result.stderr and "(derived_id=county_level_units_inferred), column value" in result.stderr
