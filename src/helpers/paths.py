"""Locations in the repository, resolved from this file so any working directory works."""
from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[2]
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
CURATED: Path = DATA / "curated"
TIDY: Path = DATA / "tidy"
DATAPACKAGE: Path = DATA / "datapackage.json"
NOTEBOOKS: Path = ROOT / "notebooks"
REPORTS: Path = ROOT / "reports"
FIGURES: Path = REPORTS / "figures"

ARTICLE_NAME = "xianning-inspection-2017-04-25"
ARTICLE: Path = RAW / f"{ARTICLE_NAME}.txt"
ARTICLE_META: Path = RAW / f"{ARTICLE_NAME}.meta.json"
QUOTES: Path = CURATED / "quotes.csv"
