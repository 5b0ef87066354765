"""Score helpers.extract against hand-labelled passages (a development script, not a test).

    .venv/bin/python tests/extract_eval.py LABELS.py PASSAGES_DIR

``PASSAGES_DIR`` holds one UTF-8 text file per passage (``NAME.txt``); ``LABELS.py`` defines
``GOLD = {"NAME": [(value, unit), ...]}``, every statistic of the passage as (value, simplified measure
word) with 万/亿 applied, and ``NOT_COUNTS = {"NAME": ["三个代表", "第十一轮", ...]}``, the slogans,
enumerations and ordinals of the passage. Passages copied from web pages stay outside the repository.

It prints, over all passages:
- recall: the share of labelled (value, unit) pairs found by a row of any kind (dates aside);
- precision: the share of rows of kind count, amount or percent whose (value, unit) is labelled;
- the slogans, enumerations and ordinals reported as a count, amount or percent.
"""
from __future__ import annotations

import importlib.util
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from helpers.extract import find_figures

QUANTITY_KINDS = ("count", "amount", "percent")


def _key(value: float, unit: str) -> tuple[float, str]:
    return round(float(value), 4), unit


def score(gold: dict, not_counts: dict, folder: Path) -> dict:
    """Totals and the per-passage misses, wrong rows and slogans taken for counts."""
    totals = Counter()
    report = []
    for name, labels in sorted(gold.items()):
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        df = find_figures(text, date(2024, 1, 1))
        expected = Counter(_key(v, u) for v, u in labels)
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
        report.append((name, dict(expected - found), dict(reported - expected), slogans))
    return {"totals": totals, "passages": report}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location("labels", argv[0])
    labels = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(labels)
    result = score(labels.GOLD, getattr(labels, "NOT_COUNTS", {}), Path(argv[1]))
    for name, missed, wrong, slogans in result["passages"]:
        if missed or wrong or slogans:
            print(f"{name}: missed {missed} wrong {wrong} slogans as counts {slogans}")
    t = result["totals"]
    print(f"recall {t['found']}/{t['labelled']} = {t['found'] / max(t['labelled'], 1):.1%}; "
          f"precision {t['right']}/{t['reported']} = {t['right'] / max(t['reported'], 1):.1%}; "
          f"slogans or ordinals as counts: {t['slogans']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
