"""The tidy tables as one set: written all together or not at all, and checked before anything reads them.

``write_set`` writes every table and a stamp into a new folder beside ``data/tidy/`` and swaps it in with two
renames, so ``data/tidy/`` always holds one whole build (a crash between the renames leaves no ``data/tidy/``
and no stamp, and ``make data`` rebuilds). The stamp ``data/tidy/.stamp.json`` records the sha256 of every
input (the article folder's :data:`RAW_FILES`, :data:`CURATED_FILES` and ``datapackage.json``; the kit's
``src/helpers/{base,source,parse,curate,tidy}/*.py`` and ``curate/labels.csv``) and every table.

:func:`helpers.tidy.fresh.check_fresh` is what the report build calls first, with :func:`stamp_matches`.
This module imports nothing heavy.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..base import paths



def _table_names(datapackage: Path = paths.DATAPACKAGE) -> list[str]:
    """The resources of the article's datapackage.json whose path is under ``tidy/``, in its order."""
    try:
        resources = json.loads(datapackage.read_text(encoding="utf-8"))["resources"]
        return [r["name"] for r in resources if str(r.get("path", "")).startswith("tidy/")]
    except (OSError, ValueError, KeyError, TypeError):  # schema.datapackage() reports it, with its fix
        return ["figures", "funnel", "timeline", "derived"]


#: the tables of one build, in the order they are listed in the article's datapackage.json
TABLE_NAMES: list[str] = _table_names()
#: the raw and curated files the tables are built from, by name (the Makefile's prerequisites): every
#: article's, then ``schedule.csv`` for a ``schedule_<year>`` table and ``<name>.csv`` for a ``units_<year>`` one
RAW_FILES = ("SHA256SUMS", f"{paths.ARTICLE_NAME}.meta.json", f"{paths.ARTICLE_NAME}.txt")
CURATED_FILES = ("dates.csv", "derived.csv", "funnel_stages.csv", "labels.csv", "left_out.csv", "quotes.csv",
                 *(("schedule.csv",) if any(n.startswith("schedule_") for n in TABLE_NAMES) else ()),
                 *(f"{n}.csv" for n in TABLE_NAMES if n.startswith("units_")))
STAMP_NAME = ".stamp.json"
_PREFIX = ".tidy-"
#: the helpers the tables are built from: the package itself and the stages up to tidy
TIDY_STAGES = ("", "base", "source", "parse", "curate", "tidy")


def _article_dir(root: Path) -> Path:
    """The chosen article's folder under ``root`` (the repository or a copy of it)."""
    return root / paths.ARTICLE_DIR_REL


def input_files(root: Path = paths.ROOT) -> list[Path]:
    """Every file the tidy tables are built from (the one declaration: the Makefile's ``TIDY_INPUTS`` asks it)."""
    article = _article_dir(root)  # named one by one: a deleted input is missing, not silently dropped from the set
    files = [article / "raw" / name for name in RAW_FILES] + [article / "curated" / name for name in CURATED_FILES]
    files.append(article / "datapackage.json")
    files += [p for stage in TIDY_STAGES for p in sorted((root / "src" / "helpers" / stage).glob("*.py"))]
    files.append(root / paths.KIT_LABELS_REL)
    return files


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def input_hashes(root: Path = paths.ROOT) -> dict[str, str]:
    """``{path relative to the repository: sha256}`` of every input."""
    return {p.relative_to(root).as_posix(): _sha(p) or "" for p in input_files(root)}


def _output_hashes(tidy: Path, names: list[str]) -> dict[str, str | None]:
    return {f"{name}.csv": _sha(tidy / f"{name}.csv") for name in names}


def _clean_leftovers(data: Path) -> None:
    """Remove half-written folders a killed ``make data`` left beside ``data/tidy/``."""
    for leftover in data.glob(f"{_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def write_set(texts: dict[str, str], inputs: dict[str, str], tidy: Path = paths.TIDY) -> None:
    """Write ``{table name: CSV text}`` and the stamp as one set, replacing ``tidy`` whole."""
    tidy = Path(tidy)
    _clean_leftovers(tidy.parent)
    new = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}new-", dir=tidy.parent))
    try:
        os.chmod(new, 0o755)
        if tidy.is_dir():  # keep anything else a user keeps there (not tables, not the stamp)
            for other in tidy.iterdir():
                if other.is_file() and other.name != STAMP_NAME and other.stem not in texts:
                    shutil.copy2(other, new / other.name)
        for name, text in texts.items():
            _write(new / f"{name}.csv", text.encode("utf-8"))
        stamp = {"inputs": inputs, "outputs": _output_hashes(new, list(texts))}
        _write(new / STAMP_NAME, (json.dumps(stamp, indent=1, sort_keys=True) + "\n").encode("utf-8"))
        old = tidy.parent / f"{_PREFIX}old-{os.getpid()}"
        if tidy.exists():
            os.rename(tidy, old)
        try:
            os.rename(new, tidy)
        except BaseException:
            if old.exists() and not tidy.exists():
                os.rename(old, tidy)
            raise
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())



def _stamp(tidy: Path) -> dict:
    try:
        stamp = json.loads((tidy / STAMP_NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, ValueError, UnicodeDecodeError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def stamp_matches(names: list[str] = TABLE_NAMES, root: Path = paths.ROOT) -> bool:
    """True when the stamp vouches for the tables on disk: same inputs, same outputs, all present."""
    tidy = _article_dir(root) / "tidy"
    stamp, outputs = _stamp(tidy), _output_hashes(tidy, names)
    return (None not in outputs.values() and stamp.get("outputs") == outputs
            and stamp.get("inputs") == input_hashes(root))
