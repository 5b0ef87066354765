"""Locations in the repository, resolved from this file so any working directory works."""
from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[3]
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
CURATED: Path = DATA / "curated"
TIDY: Path = DATA / "tidy"
DATAPACKAGE: Path = DATA / "datapackage.json"
NOTEBOOKS: Path = ROOT / "notebooks"
REPORTS: Path = ROOT / "reports"
#: Where charts are saved; ``XN_FIGURES_DIR`` redirects them (the report build and the tests use it).
FIGURES: Path = Path(os.environ.get("XN_FIGURES_DIR") or REPORTS / "figures")

ARTICLE_NAME = "xianning-inspection-2017-04-25"
ARTICLE: Path = RAW / f"{ARTICLE_NAME}.txt"
ARTICLE_META: Path = RAW / f"{ARTICLE_NAME}.meta.json"
QUOTES: Path = CURATED / "quotes.csv"
