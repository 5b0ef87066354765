"""Score helpers.parse.extract against hand-labelled passages (a development script, not a test).

    .venv/bin/python tests/extract_eval.py LABELS.py PASSAGES_DIR

``PASSAGES_DIR`` holds one UTF-8 text file per passage (``NAME.txt``); ``LABELS.py`` defines
``GOLD = {"NAME": [(value, unit), ...]}``, every statistic of the passage as (value, simplified measure
word) with 万/亿 applied (or, in text order, (value, unit, counted): ``counted`` the noun phrase the figure
counts as the text writes it, "" where none), and ``NOT_COUNTS = {"NAME": ["三个代表", "第十一轮", ...]}``, the slogans,
enumerations and ordinals of the passage. Passages copied from web pages stay outside the repository.

It prints, over all passages:
- recall: the share of labelled (value, unit) pairs found by a row of any kind (dates aside);
- precision: the share of rows of kind count, amount or percent whose (value, unit) is labelled;
- the slogans, enumerations and ordinals reported as a count, amount or percent;
- with (value, unit, counted) labels: for the labelled figures found, the share whose ``counted`` column
  equals the label exactly, and the share where one contains the other (巡察组 / 县委巡察组).
"""
from __future__ import annotations

import importlib.util
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from helpers.parse.extract import find_figures

QUANTITY_KINDS = ("count", "amount", "percent")


def _key(value: float, unit: str) -> tuple[float, str]:
    return round(float(value), 4), unit


def _counted(labels: list[tuple], df) -> list[tuple[str, str]]:
    """(labelled, found) ``counted`` of each labelled figure that has a row: the k-th label with a given
    (value, unit) is paired with the k-th such row in text order. Empty when the labels or the table
    have no counted column."""
    if not labels or len(labels[0]) < 3 or "counted" not in df.columns:
        return []
    rows: dict[tuple, list[str]] = {}
    for r in df.itertuples():
        if r.kind != "date" and not (isinstance(r.value, float) and math.isnan(r.value)):
            rows.setdefault(_key(r.value, r.unit), []).append(r.counted)
    seen: Counter = Counter()
    pairs = []
    for value, unit, counted in labels:
        key = _key(value, unit)
        found = rows.get(key, [])
        if seen[key] < len(found):
            pairs.append((counted, found[seen[key]]))
        seen[key] += 1
    return pairs


def score(gold: dict, not_counts: dict, folder: Path) -> dict:
    """Totals and the per-passage misses, wrong rows and slogans taken for counts."""
    totals = Counter()
    report = []
    for name, labels in sorted(gold.items()):
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        df = find_figures(text, date(2024, 1, 1))
        expected = Counter(_key(v, u) for v, u, *_ in labels)
        found = Counter(_key(r.value, r.unit) for r in df.itertuples()
                        if r.kind != "date" and not (isinstance(r.value, float) and math.isnan(r.value)))
        quantities = df[df.kind.isin(QUANTITY_KINDS)]
        reported = Counter(_key(v, u) for v, u in zip(quantities.value, quantities.unit))
        slogans = []
        for fragment in not_counts.get(name, []):
            at = text.find(fragment)
            while at >= 0:
                hit = quantities[(quantities.start < at + len(fragment)) & (quantities.end > at)]
                slogans += [(fragment, t) for t in hit.text]
                at = text.find(fragment, at + 1)
        totals.update(labelled=sum(expected.values()), found=sum((expected & found).values()),
                      reported=len(quantities), right=sum((reported & expected).values()), slogans=len(slogans))
        counted = _counted(labels, df)
        totals.update(counted_scored=len(counted), counted_exact=sum(g == f for g, f in counted),
                      counted_near=sum(g == f or (bool(g) and bool(f) and (g in f or f in g)) for g, f in counted))
        report.append((name, dict(expected - found), dict(reported - expected), slogans,
                       [(g, f) for g, f in counted if g != f]))
    return {"totals": totals, "passages": report}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location("labels", argv[0])
    labels = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(labels)
    result = score(labels.GOLD, getattr(labels, "NOT_COUNTS", {}), Path(argv[1]))
    for name, missed, wrong, slogans, counted in result["passages"]:
        if missed or wrong or slogans:
            print(f"{name}: missed {missed} wrong {wrong} slogans as counts {slogans}")
        if counted:
            print(f"{name}: counted (label, found) {counted}")
    t = result["totals"]
    print(f"recall {t['found']}/{t['labelled']} = {t['found'] / max(t['labelled'], 1):.1%}; "
          f"precision {t['right']}/{t['reported']} = {t['right'] / max(t['reported'], 1):.1%}; "
          f"slogans or ordinals as counts: {t['slogans']}")
    if t["counted_scored"]:
        print(f"counted: exact {t['counted_exact']}/{t['counted_scored']} = {t['counted_exact'] / t['counted_scored']:.1%}; "
              f"one contains the other {t['counted_near']}/{t['counted_scored']} = "
              f"{t['counted_near'] / t['counted_scored']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
