"""What remains to fill in before an article's tables can be built: one line per entry.

A new article (``python -m helpers.new``) starts with candidate quotes whose labels and roles are empty;
until its first build, ``make data`` calls :func:`remaining` first and, if anything is left, prints one line
per entry (file, entry, what is missing, the fix) and builds nothing. Once an article has tables, a broken
input stops the build with the usual single line. A finished article (Xianning) has nothing left.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ..base import paths
from ..base.errors import repo_path
from ..curate import labels
from ..curate.curation import QUOTE_COLUMNS
from .schema import resource

#: the metadata every article needs before its pages can name it
META_KEYS = ("title", "title_en", "outlet", "outlet_en", "published", "byline", "byline_en")
#: the funnel chart's texts each article writes (the kit has the rest)
FUNNEL_CHART_KEYS = ("chart.funnel.title", "chart.funnel.subtitle", "chart.funnel.note")


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (FileNotFoundError, UnicodeDecodeError, csv.Error):
        return []  # the build's own checks report a missing or broken file


def _required(table: str, columns: list[str]) -> list[str]:
    return [f["name"] for f in resource(table)["schema"]["fields"]
            if f.get("constraints", {}).get("required") and f["name"] in columns]


def remaining() -> list[str]:
    """One line per entry still to fill in (empty when the article is complete)."""
    out: list[str] = []
    meta_path = paths.ARTICLE_META
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = None  # load_meta reports it
    if isinstance(meta, dict):
        empty = [k for k in META_KEYS if not str(meta.get(k) or "").strip()]
        if empty:
            out.append(f"{repo_path(meta_path)}: {', '.join(empty)}: empty. Fix: fill them in, then record the new "
                       f"checksum (`cd {paths.RAW_REL} && sha256sum {paths.ARTICLE.name} {meta_path.name} > SHA256SUMS`)")
    quotes_path = paths.QUOTES
    quotes = _rows(quotes_path)
    need = _required("figures", QUOTE_COLUMNS)
    units = labels.UNIT_EN
    for n, q in enumerate(quotes, start=2):
        entry = f"{repo_path(quotes_path)}: line {n} (figure_id={q.get('figure_id', '?')}, quote {q.get('quote', '')!r})"
        empty = [c for c in need if not (q.get(c) or "").strip()]
        no_unit = bool(q.get("unit")) and q["unit"] not in units
        if empty or no_unit:
            hint = f" (proposed label_zh: {q['label_zh']})" if q.get("label_zh") else ""
            what = [f"{', '.join(empty)} empty{hint}"] if empty else []
            fix = ["fill them in (or delete the row and list the number in left_out.csv)"] if empty else []
            if no_unit:
                what.append(f"unit {q['unit']!r} has no label")
                fix.append(f"add a row unit.{q['unit']} to {paths.CURATED_REL}/labels.csv (what it counts, en and zh)")
            out.append(f"{entry}: {'; '.join(what)}. Fix: {'; '.join(fix)}")
    stages = _rows(paths.CURATED / "funnel_stages.csv")
    if not stages:
        out.append(f"{paths.CURATED_REL}/funnel_stages.csv: no stages. Fix: list the funnel's stages in order "
                   "(stage,branch,parent_stage), e.g. leads,main, then case_filings,main,leads")
    roles = {q.get("role") for q in quotes}
    known = labels.load()
    for i, s in enumerate(stages):
        stage = s.get("stage", "")
        if f"funnel:{stage}" not in roles:
            out.append(f"{repo_path(quotes_path)}: role funnel:{stage}: no row has it. Fix: set role to funnel:{stage} "
                       "on the row of that stage's figure")
        keys = [f"stage.{stage}.{p}" for p in ("label", "counted", "bar", *(("per_previous",) if i else ()))]
        missing = [k for k in keys if k not in known]
        if missing:
            out.append(f"{paths.CURATED_REL}/labels.csv: {', '.join(missing)}: missing. Fix: add these rows (en, zh)")
    if stages:
        missing = [k for k in FUNNEL_CHART_KEYS if k not in known]
        if missing:
            out.append(f"{paths.CURATED_REL}/labels.csv: {', '.join(missing)}: missing. Fix: add the funnel chart's "
                       "title, subtitle and note (en, zh)")
    for n, d in enumerate(_rows(paths.CURATED / "dates.csv"), start=2):
        empty = [c for c in ("label_en", "label_zh", "topic") if not (d.get(c) or "").strip()]
        if empty:
            out.append(f"{paths.CURATED_REL}/dates.csv: line {n} (date_id={d.get('date_id', '?')}, quote "
                       f"{d.get('quote', '')!r}): {', '.join(empty)} empty. Fix: fill them in, or move the date to left_out.csv")
    for n, r in enumerate(_rows(paths.CURATED / "left_out.csv"), start=2):
        if not (r.get("reason") or "").strip():
            out.append(f"{paths.CURATED_REL}/left_out.csv: line {n} (quote {r.get('quote', '')!r}, {r.get('category', '')}): "
                       "reason empty. Fix: say why the number is not a statistic, or quote it in quotes.csv")
    return out
