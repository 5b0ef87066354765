"""The tidy tables as one set: written all together or not at all, and checked before anything reads them.

``write_set`` writes every table and a stamp into a new folder beside ``data/tidy/`` and swaps it in with two
renames, so ``data/tidy/`` always holds one whole build (a crash between the renames leaves no ``data/tidy/``
and no stamp, and ``make data`` rebuilds). The stamp ``data/tidy/.stamp.json`` records the sha256 of every
input (:data:`RAW_FILES`, :data:`CURATED_FILES`, ``data/datapackage.json``, ``src/helpers/{base,source,parse,curate,tidy}/*.py``) and every table.

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

#: the tables of one build, in the order they are listed in data/datapackage.json
TABLE_NAMES = ["figures", "funnel", "timeline", "schedule_2017", "units_2016", "derived"]
STAMP_NAME = ".stamp.json"
_PREFIX = ".tidy-"
#: the helpers the tables are built from: the package itself and the stages up to tidy
TIDY_STAGES = ("", "base", "source", "parse", "curate", "tidy")
#: the raw and curated files the tables are built from, by name (the Makefile's prerequisites)
RAW_FILES = ("SHA256SUMS", f"{paths.ARTICLE_NAME}.meta.json", f"{paths.ARTICLE_NAME}.txt")
CURATED_FILES = ("dates.csv", "derived.csv", "labels.csv", "left_out.csv", "quotes.csv", "units_2016.csv")


def input_files(root: Path = paths.ROOT) -> list[Path]:
    """Every file the tidy tables are built from (the one declaration: the Makefile's ``TIDY_INPUTS`` asks it)."""
    data = root / "data"  # named one by one: a deleted input is missing, not silently dropped from the set
    files = [data / "raw" / name for name in RAW_FILES] + [data / "curated" / name for name in CURATED_FILES]
    files.append(data / "datapackage.json")
    files += [p for stage in TIDY_STAGES for p in sorted((root / "src" / "helpers" / stage).glob("*.py"))]
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
    tidy = root / "data" / "tidy"
    stamp, outputs = _stamp(tidy), _output_hashes(tidy, names)
    return (None not in outputs.values() and stamp.get("outputs") == outputs
            and stamp.get("inputs") == input_hashes(root))
