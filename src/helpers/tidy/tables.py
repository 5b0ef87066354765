"""Build the tidy tables in ``data/tidy/`` from the article and the curation files.

Run ``python -m helpers.tidy.tables`` (``make data``) to regenerate and write them, as one set (see
:mod:`helpers.tidy.tidyset`);
``python -m helpers.tidy.tables --check`` compares the committed tables with a fresh build.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date

import pandas as pd

from ..curate import curation
from ..base import paths
from ..source.article import Article, load_article
from ..base.errors import DataError, repo_path
from .formulas import FormulaError, evaluate, formula_inputs
from .schema import check_curated, check_matches_committed, serialise, validate_all
from ..curate import labels
from ..curate.checks import check_constants, check_period
from ..curate.left_out import left_out
from ..parse.locate import line_of, locate_quote, locate_within
from ..parse.quote_dates import QuotedDate, date_in_quote
from .tidyset import TABLE_NAMES, input_hashes, write_set
from .todo import remaining
from ..parse.values import value_from_quote

DECIMALS = 6

#: the inspection types a named unit may have; its typical duration is the figure ``duration_<type>_*``
UNIT_TYPES = ("routine", "special")


def build_figures(article: Article) -> pd.DataFrame:
    """One row per statistic: value parsed from its quote, with offsets into the article."""
    rows = []
    unit_en = labels.UNIT_EN
    quotes = curation.quotes()
    _check_roles(quotes)
    for q in quotes:
        curation.check_short_labels(q, paths.QUOTES)
        check_curated(q, "figures", paths.QUOTES)
        check_period(q, paths.QUOTES)
        start, end = locate_quote(article.text, q["quote"], paths.QUOTES, q["_entry"])
        value = value_from_quote(q["quote"], q["unit"], paths.QUOTES, q["_entry"])
        if q["unit"] not in unit_en:
            raise DataError(paths.QUOTES, q["_entry"], f"unknown unit {q['unit']!r}",
                            f"use one of {', '.join(unit_en)} or add a row unit.<measure word> to {paths.CURATED_REL}/labels.csv")
        rows.append({
            "figure_id": q["figure_id"], "value": value, "unit": q["unit"], "unit_en": unit_en[q["unit"]],
            "kind": q["kind"], "label_en": q["label_en"], "label_zh": q["label_zh"],
            "short_en": q["short_en"], "short_zh": q["short_zh"], "topic": q["topic"],
            "place_zh": q["place_zh"], "place_en": q["place_en"], "place_level": q["place_level"],
            "period": q["period"], "role": q["role"], "quote": q["quote"], "start": start, "end": end,
            "line": line_of(article.text, start), "note": q["note"],
        })
    return pd.DataFrame(rows)


def funnel_roles() -> list[str]:
    """``funnel:<stage>`` for each stage of the article's funnel (``curated/funnel_stages.csv``)."""
    return [f"funnel:{stage['stage']}" for stage in labels.FUNNEL_STAGES]


def _check_roles(quotes: list[dict[str, str]]) -> None:
    """Each row's role is empty or a funnel stage, and each stage is given to exactly one row."""
    holder: dict[str, str] = {}
    roles = funnel_roles()
    for q in quotes:
        role = q["role"]
        if role and role not in roles:
            raise DataError(paths.QUOTES, f"{q['_entry']}, column role", f"unknown role {role!r}",
                            f"use one of {', '.join(roles)}, or leave it empty")
        if role in holder:
            raise DataError(paths.QUOTES, f"{q['_entry']}, column role", f"role {role!r} is also on {holder[role]}",
                            "give each funnel stage to one row only")
        if role:
            holder[role] = q["_entry"]
    for role in roles:
        if role not in holder:
            raise DataError(paths.QUOTES, "column role", f"no row has role {role!r}",
                            f"set role to {role} on the row of that stage's figure")


def _parse_dates(article: Article) -> dict[str, tuple[dict[str, str], QuotedDate, int]]:
    """Curated dates: row, parsed date, and the quote's offset in the article, by date_id."""
    reference = article.published.date()
    found = {}
    path = paths.CURATED / "dates.csv"
    for d in curation.dates():
        check_curated(d, "timeline", path)
        start, _ = locate_quote(article.text, d["quote"], path, d["_entry"])
        parsed = date_in_quote(d["quote"], reference)
        if parsed is None:
            raise DataError(path, d["_entry"], f"no date expression in quote {d['quote']!r}",
                            "quote a date such as 2017年2月下旬, 去年7月 or 2月下旬至6月下旬")
        found[d["date_id"]] = (d, parsed, start)
    return found


def build_timeline(article: Article) -> pd.DataFrame:
    """One row per dated event or period, each end an interval that keeps its precision."""
    rows = []
    for date_id, (d, parsed, start) in _parse_dates(article).items():
        rows.append({
            "date_id": date_id, "label_en": d["label_en"], "label_zh": d["label_zh"], "topic": d["topic"],
            "kind": "range" if parsed.is_range else "point",
            "start_earliest": parsed.start.earliest, "start_latest": parsed.start.latest,
            "end_earliest": parsed.end.earliest, "end_latest": parsed.end.latest,
            "start_precision": parsed.start.precision, "end_precision": parsed.end.precision,
            "expression": d["quote"][parsed.expr_start:parsed.expr_end],
            "quote": d["quote"], "start": start, "end": start + len(d["quote"]),
            "expr_start": start + parsed.expr_start, "expr_end": start + parsed.expr_end, "note": d["note"],
        })
    return pd.DataFrame(rows)


def _pct(numerator: float, denominator: float) -> float:
    return round(100 * numerator / denominator, DECIMALS)


def build_funnel(figures: pd.DataFrame) -> pd.DataFrame:
    """The funnel from problem leads to sanctions (shuanggui a side branch off case filings)."""
    by_role = figures.set_index("role")
    rows: list[dict] = []
    for order, stage in enumerate(labels.FUNNEL_STAGES, start=1):
        fig = by_role.loc[f"funnel:{stage['stage']}"]
        rows.append({"stage_order": order, **stage, "value": fig["value"], "unit": fig["unit"],
                     "unit_en": fig["unit_en"], "figure_id": fig["figure_id"]})
    by_stage = {r["stage"]: r for r in rows}
    first = rows[0]
    for r in rows:
        parent = by_stage.get(r["parent_stage"])
        r["pct_of_previous"] = _pct(r["value"], parent["value"]) if parent else None
        r["pct_of_first"] = _pct(r["value"], first["value"])
        r["unit_changes"] = bool(parent and parent["unit"] != r["unit"])
        r["formula"] = (f"{r['figure_id']} / {parent['figure_id']} * 100" if parent else "")
    return pd.DataFrame(rows)


def build_schedule(figures: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """The article's plan (``curated/schedule.csv``): the rounds and the units by inspection type, dates as intervals."""
    path = paths.CURATED / "schedule.csv"
    fig = figures.set_index("figure_id")
    tl = timeline.set_index("date_id")
    type_zh = labels.INSPECTION_TYPE_ZH
    rows = []
    for s in curation.schedule():
        entry_id, grouping, itype, figure_id, date_id = (s[c] for c in curation.SCHEDULE_COLUMNS)
        if grouping not in ("round", "inspection_type"):
            raise DataError(path, f"{s['_entry']}, column grouping", f"unknown grouping {grouping!r}",
                            "use round or inspection_type")
        if itype not in type_zh:
            raise DataError(path, f"{s['_entry']}, column inspection_type", f"unknown type {itype!r}",
                            f"use one of {', '.join(type_zh)}")
        for column, value, known in (("figure_id", figure_id, fig.index), ("date_id", date_id, tl.index)):
            if value not in known:
                raise DataError(path, f"{s['_entry']}, column {column}", f"no {column} {value!r}",
                                f"name a {column} of {'quotes' if column == 'figure_id' else 'dates'}.csv")
        f, t = fig.loc[figure_id], tl.loc[date_id]
        rows.append({
            "entry_id": entry_id, "grouping": grouping, "inspection_type": itype,
            "inspection_type_zh": type_zh[itype], "label_en": f["label_en"], "label_zh": f["label_zh"],
            "units": f["value"], "unit": f["unit"], "figure_id": figure_id, "date_id": date_id,
            "start_earliest": t["start_earliest"], "start_latest": t["start_latest"],
            "end_earliest": t["end_earliest"], "end_latest": t["end_latest"],
            "precision": t["start_precision"],
            "min_days": (t["end_earliest"] - t["start_latest"]).days + 1 if grouping == "round" else None,
            "max_days": (t["end_latest"] - t["start_earliest"]).days + 1 if grouping == "round" else None,
        })
    return pd.DataFrame(rows)


def build_units(article: Article, figures: pd.DataFrame, name: str = "units_2016") -> pd.DataFrame:
    """The units an article names one by one (``curated/<name>.csv``), each located in the article."""
    path = paths.CURATED / f"{name}.csv"
    durations = [f for f, k in zip(figures["figure_id"], figures["kind"]) if k == "duration"]
    type_zh = labels.INSPECTION_TYPE_ZH
    rows = []
    for u in curation.units_2016(path):
        check_curated(u, name, path)
        start, end, name_start, name_end = locate_within(article.text, u["quote"], u["name_zh"], path, u["_entry"])
        if u["inspection_type"] not in UNIT_TYPES:
            raise DataError(path, u["_entry"], f"inspection_type {u['inspection_type']!r}", "use routine or special")
        typical = [f for f in durations if f.startswith(f"duration_{u['inspection_type']}_")]
        if len(typical) != 1:
            raise DataError(path, u["_entry"], f"{len(typical)} figures of kind duration named duration_{u['inspection_type']}_*",
                            f"give the typical {u['inspection_type']} inspection's length one row in quotes.csv")
        rows.append({
            "unit_id": u["unit_id"], "name_zh": u["name_zh"], "name_en": u["name_en"],
            "inspection_type": u["inspection_type"], "inspection_type_zh": type_zh[u["inspection_type"]],
            "typical_duration_figure_id": typical[0],
            "quote": u["quote"], "start": start, "end": end,
            "name_start": name_start, "name_end": name_end,
        })
    return pd.DataFrame(rows)


def _months_function(timeline: pd.DataFrame) -> Callable[[str], int]:
    """``months(date_id)``: whole months a range covers, counting both end months."""
    tl = timeline.set_index("date_id")

    def months(date_id: str) -> int:
        start: date = tl.loc[date_id, "start_earliest"]
        end: date = tl.loc[date_id, "end_earliest"]
        return (end.year - start.year) * 12 + end.month - start.month + 1
    return months


def build_derived(figures: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """Derived values: each computed from its formula, with the ids it reads."""
    path = paths.CURATED / "derived.csv"
    values: dict[str, float] = dict(zip(figures["figure_id"], figures["value"]))
    functions = {"months": _months_function(timeline)}
    rows = []
    for d in curation.derived():
        curation.check_short_labels(d, path)
        check_curated(d, "derived", path, ["derived_id", "unit", "method", "formula", "label_en", "label_zh"])
        try:
            value = evaluate(d["formula"], values, functions)
        except (FormulaError, KeyError, ZeroDivisionError) as err:
            raise DataError(path, f"{d['_entry']}, column formula", f"formula {d['formula']!r} fails: {err}",
                            "use figure ids, earlier derived ids, numbers, + - * / and months(date_id)") from None
        check_constants(d, path)  # after the syntax: a malformed formula is named as such first
        value = round(value, DECIMALS)
        value = int(value) if float(value).is_integer() else value
        values[d["derived_id"]] = value
        rows.append({"derived_id": d["derived_id"], "value": value, "unit": d["unit"], "method": d["method"],
                     "formula": d["formula"], "inputs": " ".join(formula_inputs(d["formula"])),
                     "label_en": d["label_en"], "label_zh": d["label_zh"],
                     "short_en": d["short_en"], "short_zh": d["short_zh"], "note": d["note"]})
    return pd.DataFrame(rows)


def build_all(article: Article | None = None) -> dict[str, pd.DataFrame]:
    """Every tidy table the article's datapackage.json lists, built in memory from the article and its curation:
    ``figures``, ``funnel``, ``timeline``, ``derived``, a ``schedule_<year>`` plan and ``units_<year>`` named units."""
    article = article or load_article()
    figures = build_figures(article)
    timeline = build_timeline(article)
    built = {"figures": figures, "funnel": build_funnel(figures), "timeline": timeline,
             "derived": build_derived(figures, timeline)}
    for name in TABLE_NAMES:
        if name.startswith("schedule_"):
            built[name] = build_schedule(figures, timeline)
        elif name.startswith("units_"):
            built[name] = build_units(article, figures, name)
        elif name not in built:
            raise DataError(paths.DATAPACKAGE, f"resource {name}", "the kit builds no such table",
                            "name tables figures, funnel, timeline, derived, schedule_<year> or units_<year>")
    return {name: built[name] for name in TABLE_NAMES}


def build_checked(article: Article | None = None) -> dict[str, pd.DataFrame]:
    """Every tidy table, validated against the data dictionary, with left_out.csv checked too."""
    article = article or load_article()
    tables = build_all(article)
    validate_all(tables)
    left_out(article)  # feeds the coverage audit: a bad row stops `make data`, not notebook 01
    return tables


def main(argv: list[str] | None = None) -> int:
    """Build, validate and write (or ``--check``) the tidy tables as one set; print one line per table."""
    parser = argparse.ArgumentParser(prog="python -m helpers.tidy.tables", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare the committed tables with a fresh build")
    args = parser.parse_args(argv)
    try:
        todo = [] if paths.TIDY.exists() else remaining()  # a new article (never built): list all that remains
        if todo:
            for line in todo:
                print(f"todo: {line}", file=sys.stderr)
            print(f"error: {len(todo)} entries of {paths.ARTICLE_DIR_REL}/ to fill in "
                  "(above, one line each); nothing was built", file=sys.stderr)
            return 1
        inputs = input_hashes()  # before reading them, so an edit made during the build is seen next time
        tables = build_checked()
        if args.check:
            check_matches_committed(tables)
            print(f"{paths.TIDY_REL}/ matches a fresh build from the article")
        else:
            write_set({name: serialise(frame, name) for name, frame in tables.items()}, inputs)
            for name, frame in tables.items():
                print(f"wrote {paths.TIDY_REL}/{name}.csv ({len(frame)} rows)")
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        where = repo_path(err.filename or paths.TIDY)
        print(f"error: {where}: cannot write ({err.strerror}); nothing was changed. "
              f"Fix: make data/ writable (e.g. `chmod u+w data {paths.TIDY_REL}`), then run `make data`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
