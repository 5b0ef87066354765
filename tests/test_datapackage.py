"""data/articles/xianning/datapackage.json describes every column of every table, and the tables satisfy it."""
from __future__ import annotations

import csv

from frictionless import validate

from helpers.base import paths
from helpers.tidy.schema import datapackage, validate_committed


def test_frictionless_validates_the_package_and_its_tables() -> None:
    report = validate(str(paths.DATAPACKAGE))
    errors = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors]
    assert report.valid, errors[:5]


def test_every_column_is_documented_and_every_field_exists() -> None:
    described = {res["path"] for res in datapackage()["resources"]}
    assert described == {f"tidy/{p.name}" for p in paths.TIDY.glob("*.csv")}
    for res in datapackage()["resources"]:
        with (paths.ARTICLE_DIR / res["path"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        fields = res["schema"]["fields"]
        assert header == [f["name"] for f in fields], res["name"]
        for field in fields:
            assert field["type"] and len(field.get("description", "")) > 10, (res["name"], field["name"])
        assert res["schema"]["primaryKey"] in header


def test_project_validator_accepts_the_committed_tables() -> None:
    validate_committed()


def test_every_numeric_column_names_its_unit() -> None:
    for res in datapackage()["resources"]:
        for field in res["schema"]["fields"]:
            if field["type"] in ("number", "integer"):
                assert field.get("unit"), (res["name"], field["name"])
