"""Where the annotated article puts its marks: per figure the number with its measure word as written
(``409条``, ``1个半月``) inside its quote, per left-out number its ``text``, per timeline date its expression.
Quotes overlap, these spans do not; a mark containing another is nested around it, a figure crossing another
shrinks to its number, and if that crosses too :class:`MarkError` names both."""
from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from ..parse.numerals import find_numbers

class MarkError(ValueError):
    """Two marks cross each other (neither contains the other) and cannot be shrunk apart."""


@dataclass(frozen=True)
class Mark:
    """A span ``[start, end)`` of the article text to wrap in one element."""

    start: int
    end: int
    kind: str  # "figure", "left-out" or "date"
    key: str  # figure_id, or "lo-<n>" for a left-out number
    quote_start: int
    quote_end: int
    number_end: int = 0  # end of the number alone (figures), for the fallback
    data: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def figure_marks(text: str, figures: Iterable[dict]) -> list[Mark]:
    """One mark per figure row: the number followed by its measure word inside the quote (:class:`MarkError`
    when the quote is not at its offsets or holds not exactly one such number)."""
    marks = []
    for row in figures:
        fid, quote, unit = str(row["figure_id"]), str(row["quote"]), str(row["unit"])
        q0, q1 = int(row["start"]), int(row["end"])
        if text[q0:q1] != quote:
            raise MarkError(f"data/tidy/figures.csv, {fid}: the quote is not at {q0}:{q1} of the article; "
                            "run `make data` to rebuild the tidy tables")
        spans = [(s, e) for s, e, _ in find_numbers(quote) if quote.startswith(unit, e)]
        if len(spans) != 1:
            raise MarkError(f"data/tidy/figures.csv, {fid}: {len(spans)} numbers followed by {unit!r} in "
                            f"{quote!r}; fix the quote in data/curated/quotes.csv")
        s, e = spans[0]
        marks.append(Mark(q0 + s, q0 + e + len(unit), "figure", fid, q0, q1, number_end=q0 + e))
    return marks


def left_out_marks(left_out: Iterable[dict]) -> list[Mark]:
    """One mark per located left-out number (rows with ``start``, ``end``, ``category``, ``reason``)."""
    return [Mark(int(r["start"]), int(r["end"]), "left-out", f"lo-{i}", int(r["start"]), int(r["end"]),
                 data={k: str(r[k]) for k in ("quote", "text", "category", "reason")})
            for i, r in enumerate(left_out, start=1)]


def date_marks(text: str, timeline: Iterable[dict]) -> list[Mark]:
    """One mark per date of ``data/tidy/timeline.csv`` the charts are drawn from (去年7月以来,
    今年1月底, 2月下旬至6月下旬 ...): the date expression inside its quote (``expr_start:expr_end``)."""
    marks = []
    for row in timeline:
        s, e = int(row["expr_start"]), int(row["expr_end"])
        if text[s:e] != str(row["expression"]):
            continue  # a date from the page header, not the article's words (the publication time)
        if text.startswith("以来", e):  # 去年7月以来: "since" belongs to the date
            e += len("以来")
        marks.append(Mark(s, e, "date", f"date-{row['date_id']}", int(row["start"]), int(row["end"]),
                          data={k: str(row[k]) for k in ("date_id", "expression", "quote", "label_en", "label_zh",
                                                           "start_earliest", "end_latest")}))
    return marks


def _crosses(a: Mark, b: Mark) -> bool:
    """True if ``a`` and ``b`` overlap and neither contains the other."""
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not nested


def arrange(marks: list[Mark]) -> list[Mark]:
    """Marks sorted for :func:`markup` (outer before inner), crossing figures shrunk to the number;
    :class:`MarkError` when two marks still cross, or two share one span."""
    out = list(marks)
    for i, a in enumerate(out):
        for j in range(len(out)):
            b = out[j]
            if j == i or not _crosses(out[i], b):
                continue
            for k in (i, j):  # shrink a figure to its number, if that ends the crossing
                m = out[k]
                if m.kind == "figure" and m.number_end and m.number_end < m.end:
                    shrunk = replace(m, end=m.number_end)
                    other = out[j if k == i else i]
                    if not _crosses(shrunk, other):
                        out[k] = shrunk
                        break
            else:
                raise MarkError(f"marks {out[i].key} ({out[i].start}:{out[i].end}) and {b.key} "
                                f"({b.start}:{b.end}) cross in the article; shorten one quote")
    spans: dict[tuple[int, int], str] = {}
    for m in out:
        if (m.start, m.end) in spans:
            raise MarkError(f"marks {spans[(m.start, m.end)]} and {m.key} cover the same characters "
                            f"{m.start}:{m.end}; two entries claim one number")
        spans[(m.start, m.end)] = m.key
    return sorted(out, key=lambda m: (m.start, -m.end))


def markup(text: str, marks: list[Mark], open_tag: Callable[[Mark, bool], tuple[str, str]]) -> str:
    """``text`` HTML-escaped with each mark wrapped in ``open_tag(mark, contains_other)``'s (opening, closing)
    tags (an ``<a>`` cannot hold an ``<a>``); stripping the tags and unescaping gives back ``text`` exactly."""
    ordered = arrange(marks)
    has_child = {m.key: any(o is not m and m.start <= o.start and o.end <= m.end for o in ordered)
                 for m in ordered}
    events: list[tuple[int, int, int, str]] = []  # (position, order, depth tiebreak, tag)
    for depth, m in enumerate(ordered):
        opening, closing = open_tag(m, has_child[m.key])
        events.append((m.start, 1, depth, opening))
        events.append((m.end, 0, -depth, closing))
    events.sort()
    parts, pos = [], 0
    for at, _order, _depth, tag in events:
        parts.append(html.escape(text[pos:at], quote=False))
        parts.append(tag)
        pos = at
    parts.append(html.escape(text[pos:], quote=False))
    return "".join(parts)
