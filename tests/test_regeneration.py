"""The committed tidy tables equal what the code builds from the article now."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from helpers.base import paths
from helpers.base.errors import DataError
from helpers.tidy.schema import check_matches_committed, read_rows, serialise
from helpers.tidy.tables import TABLE_NAMES


def test_committed_tables_match_a_fresh_build(built) -> None:
    check_matches_committed(built)


def test_every_table_is_built() -> None:
    assert sorted(TABLE_NAMES) == sorted(p.stem for p in paths.TIDY.glob("*.csv"))


def _cells(built) -> list[tuple[str, int, int]]:
    """(table, row, column) of every cell of every table."""
    cells = []
    for name in TABLE_NAMES:
        header, rows = read_rows(serialise(built[name], name))
        cells += [(name, r, c) for r in range(len(rows)) for c in range(len(header))]
    return cells


def test_any_single_changed_cell_is_caught(built, tmp_path: Path) -> None:
    """Change each cell of each committed table in turn: the check names table, row and column."""
    checked = 0
    texts = {name: serialise(built[name], name) for name in TABLE_NAMES}
    for name in TABLE_NAMES:
        header, rows = read_rows(texts[name])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                edited = [list(x) for x in rows]
                edited[r][c] = (cell + "1") if not cell.isdigit() else str(int(cell) + 1)
                out = io.StringIO()
                csv.writer(out, lineterminator="\n").writerows([header, *edited])
                (tmp_path / f"{name}.csv").write_text(out.getvalue(), encoding="utf-8")
                with pytest.raises(DataError) as err:
                    check_matches_committed({name: built[name]}, tmp_path)
                message = str(err.value)
                assert f"{name}.csv" in message, message
                assert f"line {r + 2}" in message or "duplicate" in message, message
                checked += 1
    assert checked == len(_cells(built))


def test_hand_edit_of_a_value_names_table_row_and_column(built, tmp_path: Path) -> None:
    for name in TABLE_NAMES:
        shutil.copy(paths.TIDY / f"{name}.csv", tmp_path)
    path = tmp_path / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",409,", ",490,"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        check_matches_committed(built, tmp_path)
    assert "figures.csv: line 4 (figure_id=city_problem_leads), column value" in str(err.value)
    assert "the table holds '490' where a fresh build from the article gives '409'" in str(err.value)
    assert "git checkout -- data/articles/xianning/tidy/" in str(err.value)


def test_stamp_vouches_for_the_set_without_loading_pandas(project_copy: Path) -> None:
    """After `python -m helpers.tidy.tables` the report's pre-check is a hash comparison; a hand edit voids it."""
    import os
    import subprocess
    import sys

    from conftest import run_tables

    assert run_tables(project_copy).returncode == 0
    code = ("import sys; from helpers.tidy.fresh import check_fresh; from helpers.tidy.tidyset import stamp_matches; check_fresh(); "
            "assert stamp_matches(); assert 'pandas' not in sys.modules, 'the fast path loaded pandas'")
    env = {**os.environ, "PYTHONPATH": str(project_copy / "src")}
    ok = subprocess.run([sys.executable, "-c", code], cwd=project_copy, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    path = project_copy / "data/articles/xianning/tidy/timeline.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2016-07-01", "2016-08-01", 1), encoding="utf-8")
    bad = subprocess.run([sys.executable, "-c", code], cwd=project_copy, env=env, capture_output=True, text=True)
    assert bad.returncode != 0 and "data/articles/xianning/tidy/timeline.csv: line" in bad.stderr
    assert "the table changed after `make data` built it" in bad.stderr
