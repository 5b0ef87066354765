"""What remains to fill in before an article's tables can be built: one line per entry.

A new article (``python -m helpers.new``) starts with candidate quotes whose labels and roles are empty;
until its first build, ``make data`` calls :func:`remaining` first and, if anything is left, prints one line
per entry (file, entry, what is missing, the fix) and builds nothing. Once an article has tables, a broken
input stops the build with the usual single line. A finished article (Xianning) has nothing left.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path
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


def _choices(table: str) -> dict[str, list[str]]:
    """column -> the values its data dictionary allows (enum constraints)."""
    return {f["name"]: f["constraints"]["enum"] for f in resource(table)["schema"]["fields"]
            if "enum" in f.get("constraints", {})}


def _row(*fields: str) -> str:
    """``fields`` as one CSV row, quoted where needed, in backticks (ready to paste)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return f"`{out.getvalue()}`"


def _words(q: dict[str, str], stage: str) -> tuple[str, str, str, str]:
    """(figure id, English noun, Chinese noun, measure word) a stage's proposed labels are built from."""
    en = (q.get("short_en") or q.get("label_en") or stage.replace("_", " ")).strip()
    return q.get("figure_id", "figure_id"), en[:1].lower() + en[1:], (q.get("short_zh") or "").strip(), q.get("unit", "")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stage_rows(stage: str, q: dict[str, str], prev: dict[str, str] | None, keys: list[str]) -> str:
    """Proposed label rows for ``keys`` of ``stage``, built from the figure with its role (and the stage before)."""
    fid, en, zh, unit = _words(q, stage)
    texts = {"label": (_cap(en), zh), "counted": (f"{en}[[ ({unit})]]", f"{zh}（{unit}）"),
             "bar": (f"{{{fid}}} {en}[[ ({unit})]]", f"{zh}{{{fid}}}{unit}")}
    if prev is not None:
        _, pen, pzh, punit = _words(prev, "")
        texts["per_previous"] = (f"{{rate}} {en} per {{per}} {pen}", f"每百{punit}{pzh} {zh}{{rate}}{unit}")
    return " ".join(_row(k, *texts[k.rsplit(".", 1)[1]]) for k in keys)


def _chart_rows(keys: list[str], staged: list[dict[str, str]]) -> str:
    """Proposed rows for the funnel chart's title, subtitle and note, naming every stage's figure."""
    words, draft = [_words(q, "") for q in staged], labels.load(paths.KIT_LABELS)
    texts = {"chart.funnel.title": (", ".join(f"{{{f}}} {en}" for f, en, _, _ in words),
                                    "，".join(f"{zh}{{{f}}}{u}" for f, _, zh, u in words)),
             **{k: (draft[f"draft.{k}"]["en"], draft[f"draft.{k}"]["zh"])  # the kit's drafts (labels.csv draft.*)
                for k in ("chart.funnel.subtitle", "chart.funnel.note")}}
    return " ".join(_row(k, *texts[k]) for k in keys)


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
            out.append(f"{repo_path(meta_path)}: {', '.join(empty)}: empty. Fix: fill them in (\"invented\": true marks "
                       f"a made-up article on every page and chart), then record the new checksum "
                       f"(`cd {paths.RAW_REL} && sha256sum {paths.ARTICLE.name} {meta_path.name} > SHA256SUMS`)")
    quotes_path = paths.QUOTES
    quotes = _rows(quotes_path)
    need = _required("figures", QUOTE_COLUMNS)
    choices = _choices("figures")
    try:
        known = labels.written()
    except DataError:
        known = {}  # a broken label file: the build reports it, with its fix
    units = {k.split(".", 1)[1] for k in known if k.startswith("unit.")}
    for n, q in enumerate(quotes, start=2):
        entry = f"{repo_path(quotes_path)}: line {n} (figure_id={q.get('figure_id', '?')}, quote {q.get('quote', '')!r})"
        empty = [c for c in need if not (q.get(c) or "").strip()]
        no_unit = bool(q.get("unit")) and q["unit"] not in units
        if empty or no_unit:
            hint = f" (proposed label_zh: {q['label_zh']})" if q.get("label_zh") else ""
            what = [f"{', '.join(empty)} empty{hint}"] if empty else []
            allowed = [f"{c}: {' or '.join(choices[c])}" for c in empty if c in choices and c not in ("unit", "kind")]
            if "topic" in empty:
                allowed.append("topic: a word of yours grouping figures, e.g. first_round")
            fix = [f"fill them in ({'; '.join(allowed)})" if allowed else "fill them in"] if empty else []
            fix[-1:] = [f"{fix[-1]}, or delete the row and list the number in left_out.csv"] if empty else []
            if no_unit:
                what.append(f"unit {q['unit']!r} has no label")
                fix.append(f"add a row {_row('unit.' + q['unit'], 'what it counts', '所计事物')} "
                           f"to {paths.CURATED_REL}/labels.csv")
            out.append(f"{entry}: {'; '.join(what)}. Fix: {'; '.join(fix)}")
    stages = _rows(paths.CURATED / "funnel_stages.csv")
    if not stages:
        out.append(f"{paths.CURATED_REL}/funnel_stages.csv: no stages. Fix: list the funnel's stages in order, one row "
                   "each (stage,branch,parent_stage), e.g. `leads,main,` then `case_filings,main,leads` (branch side: "
                   "a measure drawn apart from the main line); then give each stage's figure in quotes.csv the role "
                   "funnel:<stage>")
    by_role = {q.get("role", ""): q for q in quotes}
    staged: list[dict[str, str]] = []
    for i, s in enumerate(stages):
        stage = s.get("stage", "")
        q = by_role.get(f"funnel:{stage}")
        if q is None:
            out.append(f"{repo_path(quotes_path)}: role funnel:{stage}: no row has it. Fix: set role to funnel:{stage} "
                       "on the row of that stage's figure")
        staged.append(q or {"figure_id": "figure_id", "short_en": stage.replace("_", " ")})
        parent = by_role.get(f"funnel:{s.get('parent_stage', '')}") if s.get("parent_stage") else None
        keys = [f"stage.{stage}.{p}" for p in ("label", "counted", "bar", *(("per_previous",) if i else ()))]
        missing = [k for k in keys if k not in known]
        if missing:
            out.append(f"{paths.CURATED_REL}/labels.csv: {', '.join(missing)}: missing. Fix: add these rows "
                       f"(key,en,zh; {{figure_id}} is filled in from the tables, [[...]] is Chinese kept in English "
                       f"when a CJK font draws it), edited to read well, e.g. "
                       f"{_stage_rows(stage, staged[-1], parent or (staged[-2] if i else None), missing)}")
    if stages:
        missing = [k for k in FUNNEL_CHART_KEYS if k not in known]
        if missing:
            out.append(f"{paths.CURATED_REL}/labels.csv: {', '.join(missing)}: missing. Fix: add the funnel chart's "
                       f"title, subtitle and note, e.g. {_chart_rows(missing, staged)}")
    if stages and not _rows(paths.CURATED / "derived.csv") and len(staged) > 1:
        (f0, en0, zh0, u0), (f1, en1, zh1, u1) = _words(staged[0], ""), _words(staged[1], "")
        out.append(f"{paths.CURATED_REL}/derived.csv: no rows. Fix: add the computed values the text quotes, at "
                   f"least one, e.g. {_row('funnel_rate_1', f'{f1} / {f0} * 100', '%', 'ratio', _cap(f'{en1} per 100 {en0}'), f'每百{u0}{zh0}{zh1}数', _cap(f'{en1} per 100'), f'每百{u0}{zh1}', '')}")
    for n, d in enumerate(_rows(paths.CURATED / "dates.csv"), start=2):
        empty = [c for c in ("label_en", "label_zh", "topic") if not (d.get(c) or "").strip()]
        if empty:
            out.append(f"{paths.CURATED_REL}/dates.csv: line {n} (date_id={d.get('date_id', '?')}, quote "
                       f"{d.get('quote', '')!r}): {', '.join(empty)} empty. Fix: fill them in (topic: a word of yours, "
                       "e.g. timeline), or move the date to left_out.csv (category page_furniture for the page's "
                       "own date and time)")
    for n, r in enumerate(_rows(paths.CURATED / "left_out.csv"), start=2):
        if not (r.get("reason") or "").strip():
            out.append(f"{paths.CURATED_REL}/left_out.csv: line {n} (quote {r.get('quote', '')!r}, {r.get('category', '')}): "
                       "reason empty. Fix: say why the number is not a statistic, or quote it in quotes.csv")
    return out
