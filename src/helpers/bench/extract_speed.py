"""``python -m helpers.bench.extract_speed``: the extractor's speed on 1 MB of text, as a ratio to a naive scan.

The timings that used to be assertions in the test suite (1 MB under 1 s, 1,000,000 characters
under 2 s) are measured here instead, in one run, beside the naive route: one regular expression
that only finds digit runs (``re.finditer(r"\\d+")``) over the same text, the least any extractor
must do. Reported: seconds (best of 3) and the ratio extractor / naive scan.
"""
from __future__ import annotations

import re
import time
from datetime import date
from typing import Callable

from ..source.article import article_text
from ..parse.extract import find_figures

PUBLISHED = date(2017, 4, 25)


def _best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    text = article_text()
    one_mb = text * (1_000_000 // len(text.encode("utf-8")) + 1)
    one_m_chars = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    find_figures(text, PUBLISHED)  # warm up (lexicon, compiled patterns)
    digits = re.compile(r"\d+")
    print(f"{'extractor on':<28}{'seconds':>10}{'naive scan':>12}{'ratio':>8}   target")
    for label, big, target in (("1 MB (UTF-8)", one_mb, 1.0), ("1,000,000 characters", one_m_chars, 2.0)):
        ours = _best(lambda: find_figures(big, PUBLISHED))
        naive = _best(lambda: sum(1 for _ in digits.finditer(big)))
        print(f"{label:<28}{ours:>10.3f}{naive:>12.3f}{ours / naive:>7.0f}x   <= {target:.0f} s "
              f"{'ok' if ours <= target else 'MISS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
