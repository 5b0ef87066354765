"""The tidy tables' contract: serialise them, validate them against ``data/datapackage.json``,
write them whole, and compare the committed copies with a fresh build."""
from __future__ import annotations

import csv
import io
import json
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..base import paths
from ..base.errors import DataError, restore_fix
from ..base.fileio import write_text_atomic

REBUILD_FIX = (f"if you edited the table by hand, restore it with `git checkout -- {paths.TIDY_REL}/`; values come from "
               f"the article: change {paths.CURATED_REL}/ and run `make data` instead")
STALE_FIX = (f"run `make data` to rebuild {paths.TIDY_REL}/ from the article; if you edited the table by hand, "
             f"restore it with `git checkout -- {paths.TIDY_REL}/` (values come from the article: change {paths.CURATED_REL}/ instead)")


@lru_cache(maxsize=1)
def datapackage() -> dict:
    """The data dictionary (Frictionless Data Package), checked for the shape this project reads."""
    path = paths.DATAPACKAGE
    fix = (f"{restore_fix(path)}; if you edited it, see the Data Package format: "
           "resources[].name, path and schema.fields[].name, type, primaryKey")
    try:
        package = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise DataError(path, "file", "is missing", restore_fix(path)) from None
    except UnicodeDecodeError as err:
        raise DataError(path, f"byte {err.start}", "the file is not UTF-8", fix) from None
    except json.JSONDecodeError as err:
        raise DataError(path, f"line {err.lineno} column {err.colno}", f"not valid JSON ({err.msg})", fix) from None
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list) or not resources:
        raise DataError(path, "resources", "missing or empty", fix)
    for n, res in enumerate(resources):
        where = f"resources[{n}]" + (f" ({res.get('name')})" if isinstance(res, dict) and res.get("name") else "")
        schema = res.get("schema") if isinstance(res, dict) else None
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not (isinstance(res, dict) and isinstance(res.get("name"), str) and isinstance(res.get("path"), str)
                and isinstance(fields, list) and fields
                and all(isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("type"), str)
                        for f in fields)):
            raise DataError(path, where, "needs a name, a path and schema.fields with a name and type each", fix)
        if schema.get("primaryKey") not in [f["name"] for f in fields]:
            raise DataError(path, f"{where}.schema.primaryKey", "is not one of the fields", fix)
    return package


def resource(name: str) -> dict:
    """The Data Package resource describing table ``name``."""
    for res in datapackage()["resources"]:
        if res["name"] == name:
            return res
    raise DataError(paths.DATAPACKAGE, f"resource {name}", "is missing",
                    f"{restore_fix(paths.DATAPACKAGE)} (every table in {paths.TIDY_REL}/ needs a resource)")


def check_curated(row: dict[str, str], table: str, path: Path | str, columns: list[str] | None = None) -> None:
    """Check a curated row's cells that pass unchanged into ``table`` against that table's schema.

    A wrong value is reported against the curated file, its line and column, with the values allowed.
    """
    for field in resource(table)["schema"]["fields"]:
        name = field["name"]
        if name not in row or name.startswith("_") or (columns is not None and name not in columns):
            continue
        problem = _check_cell(field, row[name])
        if problem:
            allowed = field.get("constraints", {}).get("enum")
            fix = (f"use one of {', '.join(map(str, allowed))}" if allowed and row[name]
                   else f"fill it in (see {paths.CURATED_REL}/README.md)")
            raise DataError(path, f"{row.get('_entry', 'row')}, column {name}", problem, fix)


def format_cell(value: object) -> str:
    """One CSV cell: integers without '.0', ISO dates, lower-case booleans, '' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def serialise(frame: pd.DataFrame, name: str) -> str:
    """CSV text of ``frame`` with the columns in the order the data dictionary gives."""
    columns = [f["name"] for f in resource(name)["schema"]["fields"]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in frame[columns].itertuples(index=False):
        writer.writerow(format_cell(v) for v in record)
    return out.getvalue()


def read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of CSV text, all cells as strings."""
    rows = list(csv.reader(io.StringIO(text)))
    return (rows[0] if rows else []), rows[1:]


_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_cell(field: dict, cell: str) -> str | None:
    """What is wrong with ``cell`` under ``field`` (type, required, minimum, enum), or None."""
    constraints = field.get("constraints", {})
    if cell == "":
        return "is empty but required" if constraints.get("required") else None
    kind = field["type"]
    if kind in ("number", "integer"):
        if not _NUMBER.fullmatch(cell) or (kind == "integer" and not re.fullmatch(r"-?\d+", cell)):
            return f"{cell!r} is not {'an integer' if kind == 'integer' else 'a number'}"
        if "minimum" in constraints and float(cell) < constraints["minimum"]:
            return f"{cell} is below the minimum {constraints['minimum']}"
    if kind == "date" and not _DATE.fullmatch(cell):
        return f"{cell!r} is not a date (YYYY-MM-DD)"
    if kind == "boolean" and cell not in ("true", "false"):
        return f"{cell!r} is not true/false"
    if "enum" in constraints and cell not in constraints["enum"]:
        return f"{cell!r} is not one of {constraints['enum']}"
    return None


def validate_text(text: str, name: str, path: Path | str) -> None:
    """Check CSV text of table ``name`` against its schema; raise DataError naming row and column."""
    schema = resource(name)["schema"]
    fields = schema["fields"]
    header, rows = read_rows(text)
    missing = [f["name"] for f in fields if f["name"] not in header]
    if missing:
        raise DataError(path, "header", f"missing column(s) {', '.join(missing)}", REBUILD_FIX)
    key = schema["primaryKey"]
    key_index = header.index(key)
    seen: dict[str, int] = {}
    for line_no, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise DataError(path, f"line {line_no}", f"{len(row)} fields where the header has {len(header)}", REBUILD_FIX)
        entry = f"line {line_no} ({key}={row[key_index]})"
        for field in fields:
            problem = _check_cell(field, row[header.index(field["name"])])
            if problem:
                raise DataError(path, f"{entry}, column {field['name']}", problem, REBUILD_FIX)
        if row[key_index] in seen:
            raise DataError(path, entry, f"duplicate {key} {row[key_index]!r} (also line {seen[row[key_index]]})", REBUILD_FIX)
        seen[row[key_index]] = line_no


def table_path(name: str, tidy_dir: Path | None = None) -> Path:
    """Where table ``name`` is committed (``data/tidy/`` unless another folder is given)."""
    return (tidy_dir or paths.TIDY) / f"{name}.csv"


def validate_all(tables: dict[str, pd.DataFrame]) -> None:
    """Validate every built table before anything is written."""
    for name, frame in tables.items():
        validate_text(serialise(frame, name), name, table_path(name))


def validate_committed(names: list[str] | None = None) -> None:
    """Validate the committed CSVs in ``data/tidy/``."""
    for res in datapackage()["resources"]:
        if names is None or res["name"] in names:
            path = paths.ARTICLE_DIR / res["path"]
            validate_text(path.read_text(encoding="utf-8"), res["name"], path)


def write_tables(tables: dict[str, pd.DataFrame]) -> None:
    """Serialise every table first, then write each one atomically."""
    texts = {name: serialise(frame, name) for name, frame in tables.items()}
    for name, text in texts.items():
        write_text_atomic(table_path(name), text)


def check_matches_committed(tables: dict[str, pd.DataFrame], tidy_dir: Path | None = None,
                            fix: str = STALE_FIX) -> None:
    """Raise DataError at the first cell where a committed table differs from a fresh build."""
    for name, frame in tables.items():
        path = table_path(name, tidy_dir)
        if not path.exists():
            raise DataError(path, "file", "is missing", f"run `make data` (it rebuilds {paths.TIDY_REL}/ as one set)")
        validate_text(path.read_text(encoding="utf-8"), name, path)
        header, committed = read_rows(path.read_text(encoding="utf-8"))
        _, expected = read_rows(serialise(frame, name))
        key = resource(name)["schema"]["primaryKey"]
        key_index = header.index(key)
        if len(committed) != len(expected):
            raise DataError(path, "rows", f"{len(committed)} rows, a fresh build has {len(expected)}", fix)
        for line_no, (got, want) in enumerate(zip(committed, expected), start=2):
            for column, g, w in zip(header, got, want):
                if g != w:
                    raise DataError(path, f"line {line_no} ({key}={want[key_index]}), column {column}",
                                    f"the table holds {g!r} where a fresh build from the article gives {w!r}",
                                    fix)
