"""``python -m helpers.extract``: the extractor's command line (one report as CSV, or a corpus to Parquet).

It stands above :mod:`helpers.parse.extract` and :mod:`helpers.parse.extract_corpus`, which it drives.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..base.errors import DataError
from ..parse.extract import decode_text, find_figures
from ..parse.extract_corpus import bad_path, run_corpus


def _published_arg(value: str) -> date:
    """argparse type for --published YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2017-04-25") from None


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.extract FILE [--published YYYY-MM-DD]``: the figures table as CSV on stdout;
    ``python -m helpers.extract CORPUS --out figures.parquet``: every figure of a corpus (see
    :mod:`helpers.parse.extract_corpus`)."""
    parser = argparse.ArgumentParser(prog="python -m helpers.extract", description=main.__doc__)
    parser.add_argument("file", help="a report as UTF-8 (GBK and a UTF-8 BOM are accepted); - for stdin; "
                        "or, with --out, a corpus: a folder of text files, FILE.jsonl (id + text) or FILE.parquet (text)")
    parser.add_argument("--published", type=_published_arg, default=None,
                        help="publication date, resolves 去年/今年 (default: read from 时间: in the text)")
    parser.add_argument("--out", type=Path, default=None,
                        help="corpus mode: the Parquet file to write (a dataset folder with --scheduler)")
    parser.add_argument("--workers", type=int, default=None,
                        help="corpus mode: local worker processes (default: the cores available)")
    parser.add_argument("--scheduler", default=None,
                        help="corpus mode: address of a Dask scheduler (tcp://HOST:8786) to run on")
    args = parser.parse_args(argv)
    if args.out is not None or args.scheduler is not None or Path(args.file).is_dir():
        return _corpus_main(args)
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read()
        else:
            try:
                raw = Path(args.file).read_bytes()
            except OSError as err:
                raise DataError(args.file, "file", f"cannot be read ({err.strerror})",
                                "check the path and that it is a readable file") from None
        text, note = decode_text(raw, args.file)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if note:
        print(note, file=sys.stderr)
    table = find_figures(text, args.published)
    try:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


def _corpus_main(args: argparse.Namespace) -> int:
    """Corpus mode of :func:`main`."""
    if args.out is None:
        print(f"error: {args.file}: corpus mode needs --out figures.parquet (a folder with --scheduler)",
              file=sys.stderr)
        return 2
    try:
        counts = run_corpus(Path(args.file), args.out, published=args.published, workers=args.workers,
                            scheduler=args.scheduler)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{counts['documents']} documents, {counts['rows']} figures -> {args.out}; "
          f"{counts['bad']} bad documents -> {bad_path(args.out, args.scheduler is not None)}", file=sys.stderr)
    return 0
