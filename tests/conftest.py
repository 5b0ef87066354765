"""Shared fixtures: the verified article and the tidy tables, built once per session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths
from helpers.article import Article, load_article
from helpers.tables import build_all


@pytest.fixture(scope="session")
def article() -> Article:
    return load_article()


@pytest.fixture(scope="session")
def built(article: Article) -> dict[str, pd.DataFrame]:
    """Every tidy table as the code builds it from the article now."""
    return build_all(article)


@pytest.fixture(scope="session")
def figures(built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return built["figures"]


@pytest.fixture(scope="session")
def value(figures: pd.DataFrame):
    """Look up a figure's value by id."""
    values = dict(zip(figures["figure_id"], figures["value"]))
    return values.__getitem__


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of data/ and src/ in which inputs may be broken."""
    for folder in ("data", "src"):
        shutil.copytree(paths.ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return tmp_path


def run_tables(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``python -m helpers.tables`` against a project copy."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    return subprocess.run([sys.executable, "-m", "helpers.tables", *args], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=120)
