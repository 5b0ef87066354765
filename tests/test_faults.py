"""Every injected fault ends clean (issue 16): a non-zero exit, ONE line naming the file, the entry and the fix,
nothing partial or stale kept, and the next build after the fix recovers.

One test per case of the issue, in-process where the fault allows, else on a throw-away copy of the project
(``project_copy``: data/ and src/). The numbers in the test names follow the issue's list.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_tables
from helpers.base import paths
from helpers.base.errors import DataError


def _one_line(result: subprocess.CompletedProcess, *expected: str) -> str:
    """The run failed with exactly one non-empty line of output on stderr (make's own '***' line aside)."""
    assert result.returncode != 0, result.stdout + result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip() and not ln.startswith("make: ***")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


def _make(copy: Path, *targets: str) -> subprocess.CompletedProcess:
    shutil.copy(paths.ROOT / "Makefile", copy / "Makefile")
    return subprocess.run(["make", "-s", *targets, f"PY={sys.executable}", "INSTALLED="], cwd=copy,
                          capture_output=True, text=True, timeout=120)


# ---- 6 and 10: the Makefile names the tidy tables and their inputs one by one ----

@pytest.mark.needs("make")
def test_06_deleted_tidy_table_is_rebuilt_by_make_data(project_copy: Path) -> None:
    assert _make(project_copy, "data").returncode == 0
    table = project_copy / "data/tidy/funnel.csv"
    before = table.read_bytes()
    table.unlink()
    result = _make(project_copy, "data")
    assert result.returncode == 0 and "wrote data/tidy/funnel.csv" in result.stdout, result.stdout + result.stderr
    assert table.read_bytes() == before


@pytest.mark.needs("make")
@pytest.mark.parametrize("name", ["data/curated/dates.csv", "data/raw/SHA256SUMS"])
def test_10_make_data_fails_after_an_input_is_deleted(project_copy: Path, name: str) -> None:
    assert _make(project_copy, "data").returncode == 0
    tidy = {p.name: p.read_bytes() for p in (project_copy / "data/tidy").iterdir()}
    saved = (project_copy / name).read_bytes()
    (project_copy / name).unlink()
    _one_line(_make(project_copy, "data"), name, "is missing", f"git checkout -- {name}")
    assert {p.name: p.read_bytes() for p in (project_copy / "data/tidy").iterdir()} == tidy
    (project_copy / name).write_bytes(saved)
    assert _make(project_copy, "data").returncode == 0
