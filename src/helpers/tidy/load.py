"""Read the tidy tables in ``data/tidy/`` with the types ``data/datapackage.json`` gives them.

``load_table("funnel")`` reads ``data/tidy/funnel.csv``: ``date`` columns become datetimes,
``integer`` columns nullable integers (``Int64``), ``number`` floats, ``boolean`` booleans,
everything else strings. Paths come from :mod:`helpers.base.paths`, so any working directory works.
"""
from __future__ import annotations

import pandas as pd

from ..base import paths
from ..base.errors import DataError
from .schema import datapackage

__all__ = ["load_table", "table_names", "fields"]


def _resources() -> dict[str, dict]:
    return {res["name"]: res for res in datapackage()["resources"]}


def table_names() -> list[str]:
    """Names of the tidy tables described in ``data/datapackage.json``."""
    return [name for name, res in _resources().items() if res["path"].startswith("tidy/")]


def fields(name: str) -> dict[str, str]:
    """Column name -> Frictionless type for one table."""
    try:
        res = _resources()[name]
    except KeyError:
        raise DataError(paths.DATAPACKAGE, name, "no such resource",
                        f"use one of {', '.join(table_names())}") from None
    return {f["name"]: f.get("type", "string") for f in res["schema"]["fields"]}


def load_table(name: str) -> pd.DataFrame:
    """Read ``data/tidy/{name}.csv`` with parsed dates and the data dictionary's types."""
    types = fields(name)
    path = paths.TIDY / f"{name}.csv"
    if not path.exists():
        raise DataError(path, name, "tidy table missing", "run `make data` (python -m helpers.tidy.tables)")
    dtype: dict[str, str] = {}
    dates: list[str] = []
    for col, kind in types.items():
        if kind == "date":
            dates.append(col)
        elif kind == "integer":
            dtype[col] = "Int64"
        elif kind == "number":
            dtype[col] = "float64"
        elif kind == "boolean":
            dtype[col] = "boolean"
        else:
            dtype[col] = "str"
    df = pd.read_csv(path, dtype=dtype, keep_default_na=False, na_values={
        c: [""] for c in types if types[c] != "string"})
    for col in dates:
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
    for col, kind in types.items():
        # counts read as 409, not 409.0, when every value of the column is whole
        if kind == "number" and df[col].dropna().apply(float.is_integer).all():
            df[col] = df[col].astype("Int64")
    return df
