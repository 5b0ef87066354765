"""Every bad input ends in one message naming the file, the entry and the fix; nothing is written.

Each test breaks one input in a throw-away copy of the project and runs `python -m helpers.tidy.tables`.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_tables
from helpers.base.errors import DataError
from helpers.tidy.schema import validate_text

QUOTES = Path("data/articles/xianning/curated/quotes.csv")


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
    return {p.name: p.read_bytes() for p in sorted((copy / "data" / "articles" / "xianning" / "tidy").glob("*"))}


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
    assert _tidy_snapshot(copy) == before, "a failed build wrote data/articles/xianning/tidy/"
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
    path = project_copy / "data/articles/xianning/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "not valid UTF-8", "git checkout -- data/articles/xianning/raw/")


def test_article_with_bom(project_copy: Path) -> None:
    path = project_copy / "data/articles/xianning/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "byte-order mark")


def test_edited_article(project_copy: Path) -> None:
    path = project_copy / "data/articles/xianning/raw/xianning-inspection-2017-04-25.txt"
    path.write_bytes(path.read_bytes().replace("立案19件".encode(), "立案91件".encode()))
    _fails_cleanly(project_copy, "xianning-inspection-2017-04-25.txt", "has changed")


def _tidy_text(name: str) -> str:
    from helpers.base import paths
    return (paths.TIDY / f"{name}.csv").read_text(encoding="utf-8")


def _tidy_error(text: str, name: str = "figures") -> str:
    with pytest.raises(DataError) as err:
        validate_text(text, name, f"data/articles/xianning/tidy/{name}.csv")
    message = str(err.value)
    assert f"data/articles/xianning/tidy/{name}.csv" in message and "Fix:" in message
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
    path = project_copy / "data/articles/xianning/tidy/derived.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("county_level_units_inferred,27,", "county_level_units_inferred,28,"), encoding="utf-8")
    result = run_tables(project_copy, "--check")
    assert result.returncode == 1
    assert "derived.csv: line" in result.stderr and "(derived_id=county_level_units_inferred), column value" in result.stderr


# ---- issue 10: every fault ends in one line naming the file, the entry and the fix ----

META = Path("data/articles/xianning/raw/xianning-inspection-2017-04-25.meta.json")
ARTICLE = Path("data/articles/xianning/raw/xianning-inspection-2017-04-25.txt")


def _append_row(copy: Path, name: str, line: str) -> None:
    path = copy / "data" / "articles" / "xianning" / "curated" / name
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def test_header_only_curated_csv(project_copy: Path) -> None:
    path = project_copy / "data/articles/xianning/curated/dates.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/dates.csv: rows:", "header but no rows",
                   "git checkout -- data/articles/xianning/curated/dates.csv")


def test_misspelt_funnel_role(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_problem_leads", role="funnel:lead")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/quotes.csv", "figure_id=city_problem_leads), column role",
                   "unknown role 'funnel:lead'", "use one of funnel:leads, funnel:transfers")


@pytest.mark.parametrize("name", ["quotes.csv", "units_2016.csv", "left_out.csv"])
def test_missing_curated_file(project_copy: Path, name: str) -> None:
    (project_copy / "data/articles/xianning/curated" / name).unlink()
    _fails_cleanly(project_copy, f"data/articles/xianning/curated/{name}: file: is missing", f"git checkout -- data/articles/xianning/curated/{name}")


@pytest.mark.parametrize("damage", ["truncate", "trailing comma", "not an object"])
def test_malformed_metadata(project_copy: Path, damage: str) -> None:
    path = project_copy / META
    text = path.read_text(encoding="utf-8")
    broken = {"truncate": text[: len(text) // 2], "trailing comma": text.rstrip().rstrip("}") + ",}",
              "not an object": "[]"}[damage]
    path.write_text(broken, encoding="utf-8")
    line = _fails_cleanly(project_copy, f"{META}:", f"git checkout -- {META}")
    assert "JSON" in line


def test_changed_published_date_is_refused(project_copy: Path) -> None:
    path = project_copy / META
    path.write_text(path.read_text(encoding="utf-8").replace("2017-04-25T23:54", "2018-04-25T23:54"), encoding="utf-8")
    line = _fails_cleanly(project_copy, f"{META}: sha256:", "the metadata has changed", f"git checkout -- {META}")
    assert "shared" not in line and "../" not in line


def test_article_with_crlf_line_ends_names_the_cause(project_copy: Path) -> None:
    path = project_copy / ARTICLE
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _fails_cleanly(project_copy, f"{ARTICLE}: line ends:", "CRLF", "core.autocrlf",
                   f"rm {ARTICLE} && git checkout -- {ARTICLE}")


@pytest.mark.parametrize("damage", ["truncate", "no resources"])
def test_malformed_datapackage(project_copy: Path, damage: str) -> None:
    path = project_copy / "data/articles/xianning/datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 3] if damage == "truncate" else '{"name": "x"}', encoding="utf-8")
    _fails_cleanly(project_copy, "data/articles/xianning/datapackage.json:", "git checkout -- data/articles/xianning/datapackage.json")


def test_enum_typo_is_reported_against_the_curated_file(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_cases_filed", kind="cuont")
    line = _fails_cleanly(project_copy, "data/articles/xianning/curated/quotes.csv:", "figure_id=city_cases_filed), column kind",
                          "'cuont' is not one of", "Fix: use one of count, amount, duration")
    assert "data/articles/xianning/tidy" not in line


def test_enum_typo_in_left_out_csv(project_copy: Path) -> None:
    path = project_copy / "data/articles/xianning/curated/left_out.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",ordinal,", ",ordnal,", 1), encoding="utf-8")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/left_out.csv:", "unknown category 'ordnal'", "use one of")


def test_figure_id_with_trailing_space(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_problem_leads", figure_id="city_problem_leads ")
    line = _fails_cleanly(project_copy, "data/articles/xianning/curated/quotes.csv:", "'city_problem_leads ' has a space",
                          "delete it")
    assert "formula" not in line and "derived" not in line


@pytest.mark.parametrize("column", ["short_en", "short_zh"])
def test_missing_short_label_names_row_and_fix(project_copy: Path, column: str) -> None:
    _edit_quote_row(project_copy, "city_leads_transferred", **{column: ""})
    _fails_cleanly(project_copy, "data/articles/xianning/curated/quotes.csv: line 5 (figure_id=city_leads_transferred), column "
                   f"{column}:", "the short label is empty", "write a short label", "make data")


def test_short_label_longer_than_long_one(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_cases_filed", short_zh="根据巡察移交问题线索立案审查的案件")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/quotes.csv:", "figure_id=city_cases_filed), column short_zh",
                   "is longer than label_zh", "no longer than label_en / label_zh")


def test_missing_short_label_in_derived_csv(project_copy: Path) -> None:
    _append_row(project_copy, "derived.csv", "no_short,city_problem_leads + 1,条,sum,Leads plus one,线索加一,,,\n")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/derived.csv:", "derived_id=no_short), column short_en",
                   "the short label is empty")


def test_malformed_formula_names_its_column(project_copy: Path) -> None:
    _append_row(project_copy, "derived.csv", "bad_one,city_problem_leads +* 2,条,sum,x,x,x,x,\n")
    _fails_cleanly(project_copy, "data/articles/xianning/curated/derived.csv:", "derived_id=bad_one), column formula",
                   "a value is missing before '*'")


def test_line_breaks_inside_quoted_fields_are_kept(project_copy: Path) -> None:
    _edit_quote_row(project_copy, "city_problem_leads", note="first line\nsecond line, with a comma")
    result = run_tables(project_copy)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((project_copy / "data/articles/xianning/tidy/figures.csv").read_text(encoding="utf-8"))))
    notes = {r["figure_id"]: r["note"] for r in rows}
    assert notes["city_problem_leads"] == "first line\nsecond line, with a comma"
    assert len(rows) == len(list(csv.DictReader(io.StringIO((project_copy / QUOTES).read_text(encoding="utf-8")))))
    assert run_tables(project_copy, "--check").returncode == 0


def test_formula_summing_3000_terms(project_copy: Path) -> None:
    terms = " + ".join(["units_2016_total"] * 3000)
    _append_row(project_copy, "derived.csv", f"big_sum,{terms},家,sum,Many units,很多单位,Units,单位,\n")
    result = run_tables(project_copy)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-500:]
    rows = {r["derived_id"]: r for r in csv.DictReader(io.StringIO(
        (project_copy / "data/articles/xianning/tidy/derived.csv").read_text(encoding="utf-8")))}
    figures = {r["figure_id"]: r for r in csv.DictReader(io.StringIO(
        (project_copy / "data/articles/xianning/tidy/figures.csv").read_text(encoding="utf-8")))}
    assert int(rows["big_sum"]["value"]) == 3000 * int(figures["units_2016_total"]["value"])
    assert rows["big_sum"]["inputs"] == "units_2016_total"


# ---- the report build: checks before any notebook runs ----

def _report_copy(copy: Path) -> Path:
    """Add the notebooks and the committed figures to a project copy."""
    from helpers.base import paths
    shutil.copytree(paths.NOTEBOOKS, copy / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(paths.FIGURES, copy / "reports" / "figures")
    shutil.copy(paths.ROOT / "requirements.lock", copy / "requirements.lock")  # checked before a build
    shutil.copytree(paths.ROOT / "fonts", copy / "fonts")  # the build checks the shipped font first
    return copy


def _run_report(copy: Path, *args: str, drop_root: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    cmd = [sys.executable, "-m", "helpers.report", "--lang", "en", "--no-pdf", "--jobs", "1", *args]
    if drop_root:  # root writes anywhere: drop the capability that lets it ignore permissions
        cmd = ["setpriv", "--bounding-set", "-dac_override", "--", *cmd]
    return subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=300)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_hand_edited_tidy_value_stops_the_report_before_any_notebook(project_copy: Path) -> None:
    copy = _report_copy(project_copy)
    path = copy / "data/articles/xianning/tidy/funnel.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",28,件,", ",82,件,"), encoding="utf-8")
    before = _files(copy / "reports")
    result = _run_report(copy, "02-funnel")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    assert "data/articles/xianning/tidy/funnel.csv: line 3 (stage=transfers), column value" in lines[0]
    assert "holds '82' where a fresh build from the article gives '28'" in lines[0]
    assert "git checkout -- data/articles/xianning/tidy/" in lines[0] and "Traceback" not in result.stderr
    assert _files(copy / "reports") == before, "the report build wrote something"


@pytest.mark.needs(*(["setpriv"] if os.geteuid() == 0 else []))
def test_read_only_reports_folder(project_copy: Path) -> None:
    copy = _report_copy(project_copy)
    reports = copy / "reports"
    before = _files(reports)
    reports.chmod(0o555)
    try:
        result = _run_report(copy, "02-funnel", drop_root=os.geteuid() == 0)
    finally:
        reports.chmod(0o755)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: reports: folder: cannot be written"), lines
    assert "Permission denied" in lines[0] and "chmod -R u+w reports" in lines[0] and "--out" in lines[0]
    assert _files(reports) == before


# ---- the tidy tables are one set ----

_CRASH = """
import os, sys
import helpers.tidy.tidyset as ts
{patch}
from helpers.tidy.tables import main
main([])
"""


def _crash(copy: Path, patch: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    return subprocess.run([sys.executable, "-c", _CRASH.format(patch=patch)], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=120)


def test_crash_while_writing_leaves_the_old_set_whole(project_copy: Path) -> None:
    before = _tidy_snapshot(project_copy)
    patch = ("calls = []\nreal = ts._write\n"
             "def write(path, data):\n    calls.append(path)\n    real(path, data)\n"
             "    if len(calls) == 3: os._exit(9)\nts._write = write")
    assert _crash(project_copy, patch).returncode == 9
    assert _tidy_snapshot(project_copy) == before
    assert run_tables(project_copy).returncode == 0
    assert not list((project_copy / "data" / "articles" / "xianning").glob(".tidy-*")), "a killed build's folder was left behind"


def test_crash_between_the_renames_is_detected_and_rebuilt(project_copy: Path) -> None:
    patch = ("real = os.rename\ncalls = []\n"
             "def rename(a, b):\n    calls.append(a)\n    real(a, b)\n    if len(calls) == 1: os._exit(9)\n"
             "ts.os.rename = rename")
    assert _crash(project_copy, patch).returncode == 9
    assert not (project_copy / "data/articles/xianning/tidy").exists()
    # the report build's check names the missing set and the fix
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src")}
    check = subprocess.run([sys.executable, "-c", "from helpers.tidy.fresh import check_fresh; check_fresh()"],
                           cwd=project_copy, env=env, capture_output=True, text=True)
    assert check.returncode != 0 and "is missing" in check.stderr and "make data" in check.stderr
    assert run_tables(project_copy).returncode == 0
    assert run_tables(project_copy, "--check").returncode == 0


def _make_data(copy: Path) -> subprocess.CompletedProcess:
    from helpers.base import paths
    shutil.copy(paths.ROOT / "Makefile", copy / "Makefile")
    return subprocess.run(["make", "-s", "data", f"PY={sys.executable}", "INSTALLED="], cwd=copy,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.needs("make")
def test_make_data_tracks_every_curated_file(project_copy: Path) -> None:
    assert _make_data(project_copy).returncode == 0
    stamp = project_copy / "data/articles/xianning/tidy/.stamp.json"
    assert stamp.is_file()
    derived = project_copy / "data/articles/xianning/curated/derived.csv"
    derived.write_text(derived.read_text(encoding="utf-8").replace(
        "funnel_transfer_rate,city_leads_transferred / city_problem_leads * 100",
        "funnel_transfer_rate,city_cases_filed / city_problem_leads * 100"), encoding="utf-8")
    os.utime(stamp, (derived.stat().st_mtime - 10,) * 2)  # the edit is newer than the last build
    result = _make_data(project_copy)
    assert result.returncode == 0 and "wrote data/articles/xianning/tidy/derived.csv" in result.stdout, result.stdout + result.stderr
    assert "funnel_transfer_rate,4.645477," in (project_copy / "data/articles/xianning/tidy/derived.csv").read_text(encoding="utf-8")
    left_out = project_copy / "data/articles/xianning/curated/left_out.csv"
    os.utime(stamp, (left_out.stat().st_mtime - 10,) * 2)
    assert "wrote" in _make_data(project_copy).stdout, "an edit to left_out.csv was not noticed"
    assert _make_data(project_copy).stdout == "", "nothing changed, yet make data rebuilt"
