"""The checks the article's numbers pass, split into what the article states and what rests on an assumption,
read from the article's ``curated/identities.csv`` (columns: ``identity_id``, ``kind`` stated|assumption,
``en``, ``zh`` the statement as a template, ``left``, ``relation`` == <= >= between, ``right`` formulas).

``STATED``: arithmetic the article's own numbers must satisfy (parts adding up to a total, a funnel that
never grows). ``ASSUMED``: relations the analysis relies on but the article does not say (a part read as
lying within a total). Statements are templates of :mod:`helpers.text.prose`, so the numbers shown come
from the tables.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..base import paths
from ..base.errors import DataError
from ..curate import labels
from ..tidy.formulas import evaluate
from ..tidy.load import load_table
from .prose import render

__all__ = ["Identity", "IDENTITIES", "STATED", "ASSUMED", "check_identities"]


class Identity(NamedTuple):
    identity_id: str
    kind: str  # "stated" or "assumption"
    en: str
    zh: str
    left: str
    relation: str
    right: str


IDENTITIES_FILE: Path = paths.CURATED / "identities.csv"
_KINDS = ("stated", "assumption")


def load_identities(path: Path = IDENTITIES_FILE) -> list[Identity]:
    """The article's checks from its ``curated/identities.csv`` (none if the article has no such file)."""
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for line, row in enumerate(rows, start=2):
        try:
            ident = Identity(*(row[f] for f in Identity._fields))
        except KeyError as err:
            raise DataError(path, "header", f"column {err} missing", f"the header must be: {','.join(Identity._fields)}") from None
        if ident.kind not in _KINDS:
            raise DataError(path, f"line {line} (identity_id={ident.identity_id}), column kind",
                            f"unknown kind {ident.kind!r}", f"use one of {', '.join(_KINDS)}")
        if ident.relation not in (*_RELATIONS, "between"):
            raise DataError(path, f"line {line} (identity_id={ident.identity_id}), column relation",
                            f"unknown relation {ident.relation!r}", f"use one of {', '.join(_RELATIONS)}, between")
        out.append(ident)
    return out




_RELATIONS = {"==": lambda a, b: a == b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}

IDENTITIES: list[Identity] = load_identities()
STATED: list[Identity] = [i for i in IDENTITIES if i.kind == "stated"]
ASSUMED: list[Identity] = [i for i in IDENTITIES if i.kind == "assumption"]


def _holds(identity: Identity, values: dict[str, float]) -> tuple[float, float, bool]:
    left = evaluate(identity.left, values)
    if identity.relation == "between":
        low, high = (evaluate(part.strip(), values) for part in identity.right.split("|"))
        return left, high, low <= left <= high
    right = evaluate(identity.right, values)
    return left, right, _RELATIONS[identity.relation](left, right)


def check_identities(figures: pd.DataFrame, language: str = "en", derived: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per check: its kind, its statement rendered in *language*, both sides, and whether it holds.

    Values come from ``figures`` (and ``derived``, default the tidy table), so a broken figure shows.
    """

    if derived is None:
        derived = load_table("derived")
    values = {**dict(zip(derived["derived_id"], derived["value"])), **dict(zip(figures["figure_id"], figures["value"]))}
    rows = []
    for ident in IDENTITIES:
        left, right, holds = _holds(ident, values)
        template = ident.zh if language == "zh" else ident.en
        rows.append({"identity_id": ident.identity_id, "kind": ident.kind,
                     "kind_label": labels.raw(f"kind.{ident.kind}", "zh" if language == "zh" else "en"),
                     "statement": render(template, language, values),
                     "left": ident.left, "relation": ident.relation, "right": ident.right,
                     "left_value": left, "right_value": right, "holds": bool(holds)})
    return pd.DataFrame(rows)
