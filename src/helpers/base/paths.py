"""Locations in the repository, resolved from this file so any working directory works.

The kit (``src/helpers/``) serves any article; each article has its own folder ``data/articles/<slug>/``
(``raw/`` the archived text, its metadata and checksums; ``curated/`` its quotes, dates, derived values,
left-out numbers and labels; ``tidy/`` its tables; ``datapackage.json``; ``notebooks/`` its own findings).
The article is chosen the way the language is: ``XIANNING_ARTICLE=<slug>`` in the environment (``make report
ARTICLE=<slug>``, ``make lab ARTICLE=<slug>``); without it, :data:`DEFAULT_ARTICLE`.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[3]
DATA: Path = ROOT / "data"
ARTICLES: Path = DATA / "articles"
#: the environment variable that chooses the article, like XIANNING_LANG chooses the language
ARTICLE_ENV = "XIANNING_ARTICLE"
DEFAULT_ARTICLE = "xianning"
SLUG: str = os.environ.get(ARTICLE_ENV) or DEFAULT_ARTICLE
#: the chosen article's folder
ARTICLE_DIR: Path = ARTICLES / SLUG
RAW: Path = ARTICLE_DIR / "raw"
CURATED: Path = ARTICLE_DIR / "curated"
TIDY: Path = ARTICLE_DIR / "tidy"
DATAPACKAGE: Path = ARTICLE_DIR / "datapackage.json"
#: the article's own notebooks (its findings beyond the kit's tables, funnel and schedule)
ARTICLE_NOTEBOOKS: Path = ARTICLE_DIR / "notebooks"
#: the kit's label file (reader-facing words any article uses); an article's own are in its curated/labels.csv
KIT_LABELS: Path = Path(__file__).resolve().parents[1] / "curate" / "labels.csv"
#: the kit's sections of the notebooks (``part``, ``en``, ``zh``); an article's texts/notebooks.csv may override one
KIT_PARTS: Path = KIT_LABELS.with_name("notebooks.csv")
NOTEBOOKS: Path = ROOT / "notebooks"
#: Where the chosen article's outputs go: ``reports/`` for the default article, ``reports/<slug>/`` for another.
REPORTS: Path = ROOT / "reports" if SLUG == DEFAULT_ARTICLE else ROOT / "reports" / SLUG
#: Where charts are saved; ``XN_FIGURES_DIR`` redirects them (the report build and the tests use it).
FIGURES: Path = Path(os.environ.get("XN_FIGURES_DIR") or REPORTS / "figures")


def article_slugs() -> list[str]:
    """Every article folder found under ``data/articles/`` (one with a ``raw/`` folder), default first."""
    found = sorted(p.name for p in ARTICLES.glob("*") if (p / "raw").is_dir())
    return sorted(found, key=lambda s: s != DEFAULT_ARTICLE)


def notebooks() -> list[Path]:
    """What the build runs, in file-name order: the kit's notebooks (any article's tables, funnel and schedule;
    the article's own prose in them is its ``texts/notebooks.csv``) and the chosen article's own."""
    found = [*NOTEBOOKS.glob("*.ipynb"), *ARTICLE_NOTEBOOKS.glob("*.ipynb")]
    return sorted((p for p in found if not p.name.startswith(".")), key=lambda p: p.name)


def _article_name(raw: Path) -> str:
    """The archived article's file stem: the one ``*.meta.json`` in ``raw/`` (``article`` if none yet)."""
    metas = sorted(raw.glob("*.meta.json"))
    return metas[0].name[: -len(".meta.json")] if metas else "article"


ARTICLE_NAME: str = _article_name(RAW)
ARTICLE: Path = RAW / f"{ARTICLE_NAME}.txt"
ARTICLE_META: Path = RAW / f"{ARTICLE_NAME}.meta.json"
QUOTES: Path = CURATED / "quotes.csv"

#: the chosen article's folders as a user types them (in messages and fixes)
RAW_REL: str = RAW.relative_to(ROOT).as_posix()
CURATED_REL: str = CURATED.relative_to(ROOT).as_posix()
TIDY_REL: str = TIDY.relative_to(ROOT).as_posix()
DATAPACKAGE_REL: str = DATAPACKAGE.relative_to(ROOT).as_posix()
ARTICLE_DIR_REL: str = ARTICLE_DIR.relative_to(ROOT).as_posix()
KIT_LABELS_REL: str = KIT_LABELS.relative_to(ROOT).as_posix()
