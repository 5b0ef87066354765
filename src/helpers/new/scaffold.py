"""Start a new article's folder from a plain-text article.

``python -m helpers.new path/to/article.txt --slug NAME`` (``make new TEXT=path/to/article.txt SLUG=NAME``):

1. archives the text byte for byte in ``data/articles/NAME/raw/`` with its SHA-256, a metadata stub to fill
   (``<stem>.meta.json``) and ``SHA256SUMS`` (refused, with one line, if the file is not UTF-8 or has a BOM);
2. runs the extractor (:func:`helpers.parse.extract.find_figures`) and writes every figure it finds (a count,
   an amount, a duration) as a candidate curated quote in ``curated/quotes.csv``: the shortest quote around
   it that is unique in the text and still reads the same value (checked by the code that locates and reads
   curated quotes), with an empty ``role`` and ``label_zh`` proposed from the extractor's ``counted`` noun (巡察组; to check);
   every date as a candidate row of ``curated/dates.csv``; every ordinal and enumeration as a candidate row of
   ``curated/left_out.csv`` with its category and an empty reason;
3. runs the coverage audit (:func:`helpers.tidy.coverage.audit`) over these candidates and prints its counts.

``make data ARTICLE=NAME`` then says, one line per entry, which roles, labels and metadata remain
(:mod:`helpers.tidy.todo`); once they are filled in, the tables and charts appear.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from pathlib import Path

import pandas as pd

from ..base import paths
from ..base.errors import DataError, repo_path
from ..curate.curation import DATE_COLUMNS, FUNNEL_STAGE_COLUMNS, QUOTE_COLUMNS
from ..curate.left_out import LEFT_OUT_COLUMNS
from ..parse.extract import find_figures, infer_published
from ..parse.locate import locate_quote
from ..parse.values import value_from_quote
from ..source.article import decode_article
from ..tidy.coverage import audit

#: extractor kinds written as candidate figures, dates and left-out numbers
FIGURE_KINDS = ("count", "amount", "duration")
LEFT_OUT_KINDS = ("ordinal", "enumeration")
#: the metadata a user fills in (the stub holds them empty)
META_TO_FILL = ("title", "title_en", "outlet", "outlet_en", "section", "published", "byline", "byline_en", "origin", "url")
_MAX_GROW = 40
#: a candidate quote has at least this many characters (or its whole line), for context a reader can check
MIN_QUOTE = 8


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def unique_quote(text: str, start: int, end: int, check=None) -> tuple[int, int] | None:
    """The shortest span around ``text[start:end]`` (on its line, context added left first, at least
    :data:`MIN_QUOTE` characters) that occurs once in ``text`` and passes ``check(quote)``; ``None`` if there is
    none within 40 characters."""
    lo, hi = _line_bounds(text, start, end)
    least = max(0, min(MIN_QUOTE, hi - lo) - (end - start))
    for grow in range(least, _MAX_GROW + 1):
        for left in range(grow, -1, -1):
            s, e = start - left, end + grow - left
            if s < lo or e > hi:
                continue
            quote = text[s:e]
            if quote == quote.strip() and text.count(quote) == 1 and (check is None or check(quote)):
                return s, e
    return None


def _reads(value: float, unit: str):
    def check(quote: str) -> bool:
        try:
            return float(value_from_quote(quote, unit, "-", "-")) == float(value)
        except DataError:
            return False
    return check


def _csv(header: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def candidates(text: str, published=None) -> tuple[list[dict], list[dict], list[dict], pd.DataFrame]:
    """Candidate quotes, dates and left-out rows for every quantity the extractor finds, and its rows."""
    found = find_figures(text, published=published)
    quotes, dates, left, seen = [], [], [], set()
    for n, r in enumerate(found.itertuples(), start=1):
        check = _reads(r.value, r.unit) if r.kind in FIGURE_KINDS else None
        span = unique_quote(text, r.start, r.end, check)
        if span is None or text[span[0]:span[1]] in seen:
            continue
        quote = text[span[0]:span[1]]
        locate_quote(text, quote, "-", "-")  # the same code that locates curated quotes: found once
        seen.add(quote)
        if r.kind in FIGURE_KINDS:
            counted = r.counted or ""
            quotes.append({**dict.fromkeys(QUOTE_COLUMNS, ""), "figure_id": f"figure_{n:02d}", "quote": quote,
                           "unit": r.unit, "kind": r.kind if r.kind != "duration" else "duration",
                           "label_zh": counted if counted and counted != r.unit else "",  # a proposal to check
                           "note": f"candidate: the extractor read {r.text} ({r.kind}"
                                   + (f", counted: {counted})" if counted else ")")})
        elif r.kind == "date":
            dates.append({**dict.fromkeys(DATE_COLUMNS, ""), "date_id": f"date_{n:02d}", "quote": quote,
                          "note": f"candidate: the extractor read {r.text} ({r.precision})"})
        elif r.kind in LEFT_OUT_KINDS:
            left.append({"quote": quote, "text": r.text, "category": r.kind, "reason": ""})
    return quotes, dates, left, found


def _audit(text: str, found: pd.DataFrame, quotes: list[dict], dates: list[dict], left: list[dict]) -> pd.DataFrame:
    """The coverage audit over the candidates (each located as the build locates curated rows)."""
    def spans(rows: list[dict], key: str) -> pd.DataFrame:
        out = []
        for row in rows:
            start, end = locate_quote(text, row["quote"], "-", row[key])
            out.append({**row, "start": start, "end": end})
        return pd.DataFrame(out, columns=[*(rows[0] if rows else {key: ""}), "start", "end"])

    figures = spans(quotes, "figure_id")
    figures["value"] = [value_from_quote(q["quote"], q["unit"], "-", q["figure_id"]) for q in quotes]
    timeline = spans(dates, "date_id")
    timeline["expr_start"], timeline["expr_end"] = timeline["start"], timeline["end"]
    return audit(found, figures, timeline, spans(left, "quote").assign(category=[r["category"] for r in left] or None))


def scaffold(source: Path, slug: str, root: Path = paths.ROOT) -> list[str]:
    """Create ``data/articles/<slug>/`` from ``source``; return the lines to print."""
    folder = root / "data" / "articles" / slug
    if folder.exists():
        raise DataError(folder, "folder", "already exists", "choose another --slug, or delete the folder first")
    raw = Path(source).read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    text = decode_article(raw, Path(source), sha)  # refuses a BOM or bytes that are not UTF-8, in one line
    published = infer_published(text)
    name = Path(source).stem
    meta = {"file": f"{name}.txt", "encoding": "utf-8", "sha256": sha, "bytes": len(raw), "characters": len(text),
            **dict.fromkeys(META_TO_FILL, ""), "timezone": "China Standard Time (UTC+8)", "language": "zh-Hans"}
    if published:
        meta["published"] = f"{published.isoformat()}T00:00:00+08:00"
    quotes, dates, left, found = candidates(text, published)
    result = _audit(text, found, quotes, dates, left)
    (folder / "raw").mkdir(parents=True)
    (folder / "curated").mkdir()
    (folder / "raw" / f"{name}.txt").write_bytes(raw)
    meta_bytes = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    (folder / "raw" / f"{name}.meta.json").write_bytes(meta_bytes)
    (folder / "raw" / "SHA256SUMS").write_text(
        f"{sha}  {name}.txt\n{hashlib.sha256(meta_bytes).hexdigest()}  {name}.meta.json\n", encoding="utf-8")
    curated = folder / "curated"
    (curated / "quotes.csv").write_text(_csv(QUOTE_COLUMNS, quotes), encoding="utf-8")
    (curated / "dates.csv").write_text(_csv(DATE_COLUMNS, dates), encoding="utf-8")
    (curated / "left_out.csv").write_text(_csv(LEFT_OUT_COLUMNS, left), encoding="utf-8")
    (curated / "derived.csv").write_text("derived_id,formula,unit,method,label_en,label_zh,short_en,short_zh,note\n",
                                         encoding="utf-8")
    (curated / "funnel_stages.csv").write_text(",".join(FUNNEL_STAGE_COLUMNS) + "\n", encoding="utf-8")
    (curated / "labels.csv").write_text("key,en,zh\n", encoding="utf-8")
    (folder / "datapackage.json").write_text(_datapackage(slug, f"raw/{name}.txt", {q["unit"] for q in quotes}),
                                             encoding="utf-8")
    counts = result["status"].value_counts()
    rel = repo_path(folder)
    loose = [f"  unexplained: {r.text!r} ({r.kind}) at {r.start}: no unique quote reads it; quote it in quotes.csv "
             f"or give it a row in left_out.csv" for r in result[result["status"] == "unexplained"].itertuples()]
    return [f"archived {rel}/raw/{name}.txt ({len(raw)} bytes, sha256 {sha[:12]}…) with {name}.meta.json and SHA256SUMS",
            f"wrote {rel}/curated/quotes.csv ({len(quotes)} candidate figures), dates.csv ({len(dates)} candidate dates), "
            f"left_out.csv ({len(left)} candidate ordinals and enumerations)",
            f"audit: {len(result)} quantities found: {int(counts.get('in_tables', 0))} in the candidate tables, "
            f"{int(counts.get('left_out', 0))} left out, {int(counts.get('unexplained', 0))} unexplained",
            *loose,
            f"next: fill in what `make data ARTICLE={slug}` lists, one line per entry"]


def _datapackage(slug: str, source: str, units: set[str]) -> str:
    """The default article's data dictionary for the four tables every article has, renamed for ``slug``."""
    dp = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")) if paths.SLUG == paths.DEFAULT_ARTICLE else \
        json.loads((paths.ARTICLES / paths.DEFAULT_ARTICLE / "datapackage.json").read_text(encoding="utf-8"))
    dp["name"], dp["title"], dp["description"] = slug, "", ""
    dp["sources"] = [{"title": "", "path": source}]
    dp["resources"] = [r for r in dp["resources"] if r["name"] in ("figures", "funnel", "timeline", "derived")]
    for res in dp["resources"]:
        for f in res["schema"]["fields"]:
            enum = f.get("constraints", {}).get("enum")
            if enum is not None and f["name"] == "unit":
                f["constraints"]["enum"] = sorted(set(enum) | units)
            if enum is not None and f["name"] in ("stage", "parent_stage"):
                del f["constraints"]["enum"]  # this article's stages: list them when funnel_stages.csv is filled
    return json.dumps(dp, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.new", description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="the article as plain text (UTF-8)")
    parser.add_argument("--slug", required=True, help="the article's folder name under data/articles/ (a-z, 0-9, -)")
    args = parser.parse_args(argv)
    if not args.slug.replace("-", "").isalnum() or not args.slug.islower():
        print(f"error: --slug {args.slug!r}: use lower-case letters, digits and - only", file=sys.stderr)
        return 2
    try:
        lines = scaffold(args.text, args.slug)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except FileNotFoundError:
        print(f"error: {args.text}: no such file; give the path of a plain-text article", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0
