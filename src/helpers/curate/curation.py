"""Read the human-edited curation files in ``data/curated/`` and check their shape."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, restore_fix

QUOTE_COLUMNS = ["figure_id", "quote", "unit", "kind", "label_en", "label_zh", "short_en", "short_zh", "topic",
                 "place_zh", "place_en", "place_level", "period", "role", "note"]
DATE_COLUMNS = ["date_id", "quote", "label_en", "label_zh", "topic", "note"]
UNIT_2016_COLUMNS = ["unit_id", "quote", "name_zh", "name_en", "inspection_type"]
DERIVED_COLUMNS = ["derived_id", "formula", "unit", "method", "label_en", "label_zh", "short_en", "short_zh", "note"]
FUNNEL_STAGE_COLUMNS = ["stage", "branch", "parent_stage"]
SCHEDULE_COLUMNS = ["entry_id", "grouping", "inspection_type", "figure_id", "date_id"]

_ID = re.compile(r"[a-z][a-z0-9_]*")
EDIT_FIX = f"edit the row in the curation file (see {paths.CURATED_REL}/README.md), then run `make data`"


def _text(path: Path) -> str:
    """The file's text: UTF-8 without BOM, Windows line ends read as ``\\n``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, "file", "is missing", restore_fix(path)) from None
    except IsADirectoryError:
        raise DataError(path, "file", "is a folder, not a CSV file", restore_fix(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(path, f"byte {err.start}", "the file is not UTF-8", "save it as UTF-8 (no BOM)") from None
    if text.startswith("\ufeff"):
        raise DataError(path, "byte 0", "the file starts with a byte-order mark", "save it as UTF-8 without BOM")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_curated(path: Path, columns: list[str], id_column: str,
                 ids: re.Pattern[str] | None = None) -> list[dict[str, str]]:
    """Read a curated CSV: UTF-8, exactly the expected columns, at least one row, clean unique ids, no empty quote.

    Line breaks inside quoted fields are kept (as ``\\n``, never ``\\r\\n``); each row's entry names the
    physical line it starts on. ``ids`` is the pattern an id must match (default: lower-case letters, digits, _).
    """
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as err:
        raise DataError(path, "header", f"not valid CSV ({err})", f"the header must be: {','.join(columns)}") from None
    missing = [c for c in columns if c not in header]
    if missing:
        raise DataError(path, "header", f"missing column(s) {', '.join(missing)}", f"the header must be: {','.join(columns)}")
    unknown = [c for c in header if c not in columns]
    if unknown:
        raise DataError(path, f"header, column {unknown[0]}", "is not a column of this file (nothing reads it)",
                        f"delete the column or fix its name; the header must be: {','.join(columns)}")
    rows, seen = [], set()
    line_no = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise DataError(path, f"line {line_no}", f"not valid CSV ({err})",
                            "close the double quote that starts a field") from None
        entry = f"line {line_no} ({id_column}={row.get(id_column) or '?'})"
        line_no = reader.line_num + 1
        if None in row or any(v is None for v in row.values()):
            raise DataError(path, entry, "wrong number of fields", "quote fields that contain commas with double quotes")
        key = row[id_column]
        if not key.strip():
            raise DataError(path, entry, f"empty {id_column}", f"give the row a unique {id_column}")
        if key != key.strip():
            raise DataError(path, entry, f"{id_column} {key!r} has a space or line break at its start or end",
                            "delete it (ids are compared exactly)")
        if id_column != "quote" and not (ids or _ID).fullmatch(key):
            raise DataError(path, entry, f"{id_column} {key!r} is not an id",
                            "use lower-case letters, digits and _ only, starting with a letter")
        if key in seen:
            raise DataError(path, entry, f"duplicate {id_column} {key!r}", f"make {id_column} unique")
        if "quote" in row and not row["quote"]:
            raise DataError(path, entry, "empty quote", "copy the verbatim quote from the article")
        seen.add(key)
        row["_entry"] = entry
        rows.append(row)
    if not rows:
        raise DataError(path, "rows", "the file has a header but no rows",
                        f"{restore_fix(path)}, or add rows as {paths.CURATED_REL}/README.md describes")
    return rows


SHORT_FIX = ("write a short label of 2-5 words in short_en and a few characters in short_zh (as in "
             "Problem leads / 问题线索), each no longer than label_en / label_zh, then run `make data`")


def check_short_labels(row: dict[str, str], path: Path) -> None:
    """A row's short labels (``short_en``, ``short_zh``) are filled in and no longer than its long ones."""
    for lang in ("en", "zh"):
        short, long = row[f"short_{lang}"], row[f"label_{lang}"]
        where = f"{row.get('_entry', 'row')}, column short_{lang}"
        if not short.strip():
            raise DataError(path, where, "the short label is empty", SHORT_FIX)
        if short != short.strip():
            raise DataError(path, where, f"short label {short!r} has a space at its start or end", "delete it")
        if len(short) > len(long):
            raise DataError(path, where, f"short label {short!r} is longer than label_{lang} {long!r}", SHORT_FIX)


def quotes(path: Path = paths.QUOTES) -> list[dict[str, str]]:
    """The curated statistics: one row per figure, quote and labels, no values."""
    return read_curated(path, QUOTE_COLUMNS, "figure_id")


def dates(path: Path = paths.CURATED / "dates.csv") -> list[dict[str, str]]:
    """The curated date expressions (milestones and ranges)."""
    return read_curated(path, DATE_COLUMNS, "date_id")


def units_2016(path: Path = paths.CURATED / "units_2016.csv") -> list[dict[str, str]]:
    """Units an article names one by one (a ``units_<year>`` table), with inspection type."""
    return read_curated(path, UNIT_2016_COLUMNS, "unit_id")


def funnel_stages(path: Path = paths.CURATED / "funnel_stages.csv") -> list[dict[str, str]]:
    """The article's funnel, in order: each stage, its branch (main, side) and the stage it comes from."""
    rows = read_curated(path, FUNNEL_STAGE_COLUMNS, "stage")
    seen: set[str] = set()
    for row in rows:
        if row["branch"] not in ("main", "side"):
            raise DataError(path, f"{row['_entry']}, column branch", f"unknown branch {row['branch']!r}", "use main or side")
        if row["parent_stage"] and row["parent_stage"] not in seen:
            raise DataError(path, f"{row['_entry']}, column parent_stage",
                            f"{row['parent_stage']!r} is not a stage of an earlier row", "name an earlier stage, or leave it empty")
        seen.add(row["stage"])
    return rows


def schedule(path: Path = paths.CURATED / "schedule.csv") -> list[dict[str, str]]:
    """The article's plan: rounds and inspection types, each a figure (units) and a date (its span)."""
    return read_curated(path, SCHEDULE_COLUMNS, "entry_id")


def derived(path: Path = paths.CURATED / "derived.csv") -> list[dict[str, str]]:
    """Derived values: formulas over figure ids, no numbers but constants such as 100."""
    return read_curated(path, DERIVED_COLUMNS, "derived_id")
