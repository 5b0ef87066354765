"""Throughput of the extractor's corpus mode (``make bench``; not a test: timings never are).

    python -m helpers.tools.extract_bench [--mb 100] [--workers 1 2] [--keep DIR]

Generates a corpus of at least ``--mb`` MB (UTF-8 bytes) of text files in a temporary folder, built
from more than 50 distinct passages (sentences of the held-out evaluation passages in
``tests/extract_eval_sets``, simplified and traditional, regrouped by a seeded random generator), with
every Arabic number redrawn in each copy, so no document repeats another. It then runs
:func:`helpers.parse.extract_corpus.run_corpus` on it once per worker count and prints, for each, the wall
time, MB/s, MB/s per core, figures found, and the speed-up over one worker. The wall time includes
starting the local Dask cluster (reported apart). The output and the corpus are deleted unless
``--keep`` is given.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

from ..base import paths
from ..parse.extract import find_figures
from ..parse.extract_corpus import run_corpus

SOURCES = paths.ROOT / "tests" / "extract_eval_sets"
PASSAGES = 60
DOC_BYTES = 50_000
SEED = 20170425
_NUMBER = re.compile(r"[0-9]+")


def passages(count: int = PASSAGES, seed: int = SEED) -> list[str]:
    """``count`` distinct passages of 3-6 sentences drawn from the evaluation texts."""
    sentences = []
    for path in sorted(SOURCES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s + "。" for s in re.split("[。\n]", text) if len(s) > 8]
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        out.add("".join(rng.sample(sentences, rng.randint(3, 6))) + "\n")
    return sorted(out)


def make_corpus(folder: Path, megabytes: float, seed: int = SEED) -> tuple[int, int]:
    """Write documents of about :data:`DOC_BYTES` bytes until ``megabytes`` MB; (documents, bytes)."""
    rng = random.Random(seed)
    base = passages(seed=seed)
    target, total, n = int(megabytes * 1_000_000), 0, 0
    while total < target:
        parts, size = [], 0
        while size < DOC_BYTES:
            text = _NUMBER.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()))), rng.choice(base))
            parts.append(text)
            size += len(text.encode("utf-8"))
        data = "".join(parts).encode("utf-8")
        (folder / f"doc{n:06d}.txt").write_bytes(data)
        total, n = total + len(data), n + 1
    return n, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.tools.extract_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=100, help="corpus size in MB (default 100)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to time")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpus and outputs in this folder")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="extract-bench-")) if args.keep is None else args.keep
    try:
        corpus = tmp / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        docs, size = make_corpus(corpus, args.mb)
        mb = size / 1e6
        print(f"corpus: {docs} documents, {mb:.1f} MB from {PASSAGES} distinct passages "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        sample = [(corpus / f"doc{i:06d}.txt").read_text(encoding="utf-8") for i in range(min(docs, 20))]
        find_figures(sample[0])
        start = time.perf_counter()
        for text in sample:
            find_figures(text)
        one = time.perf_counter() - start
        size_sample = sum(len(t.encode("utf-8")) for t in sample) / 1e6
        print(f"find_figures in this process, no Dask, {size_sample:.1f} MB: {size_sample / one:.2f} MB/s")
        base = None
        for workers in args.workers:
            out = tmp / f"figures-{workers}.parquet"
            start = time.perf_counter()
            counts = run_corpus(corpus, out, workers=workers, progress=False)
            wall = time.perf_counter() - start
            base = wall if workers == 1 else base
            speedup = f"{base / wall:.2f}x over 1 worker" if base and workers != 1 else ""
            print(f"workers {workers}: {wall:.1f} s, {mb / wall:.2f} MB/s, {mb / wall / workers:.2f} MB/s per core, "
                  f"{counts['rows']} figures, {counts['bad']} bad {speedup}")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
