"""Command line: ``python -m helpers.report [--out DIR] [--lang en] [--no-pdf] [--jobs N] [--force] [NOTEBOOK…]``."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from ..base import paths
from . import LANGS, fastpath


def _notebook(arg: str) -> Path:
    """A notebook given as a path, or as a name under ``notebooks/`` or the article's (with or without .ipynb)."""
    for c in (Path(arg), *(d / n for d in (paths.NOTEBOOKS, paths.ARTICLE_NOTEBOOKS) for n in (arg, f"{arg}.ipynb"))):
        if c.is_file():
            return c
    raise argparse.ArgumentTypeError(f"no such notebook: {arg}")


def main(argv: list[str] | None = None) -> int:
    """Run the build; returns the exit code (0 all fine, 1 something failed)."""
    p = argparse.ArgumentParser(prog="python -m helpers.report", description="Execute the notebooks (fresh kernels, "
                                "once per label language), export HTML, PDF, the reader's reports and index.html; "
                                "only what changed is rebuilt.")
    add = p.add_argument
    add("notebooks", nargs="*", type=_notebook, metavar="NOTEBOOK", help="default: every notebooks/*.ipynb")
    add("--out", type=Path, default=paths.REPORTS, help="output directory (default: reports/)")
    add("--lang", action="append", choices=LANGS, help="label language, repeatable (default: en and zh)")
    add("--no-pdf", dest="pdf", action="store_false", help="HTML only, no Chromium needed")
    add("--jobs", "-j", type=int, default=None, help="parallel steps (default: cores + 1)")
    add("--force", action="store_true", help="rebuild everything, ignoring the recorded state")
    add("--no-project-deps", dest="project_deps", action="store_false", help="track no project file (tests, bench)")
    add("--allow-env-drift", action="store_true", help="build although the packages differ from requirements.lock "
        "(e.g. conda); committed figures are then never overwritten")
    add("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    args = p.parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM cleans up like Ctrl-C
    from ..base.envcheck import preflight
    from ..base.errors import DataError, write_failure
    from ..base.fileio import check_writable
    from ..text.lint import check_text
    from ..tidy.fresh import check_fresh
    from .build import build, discover
    from .pdf import shutdown

    langs = tuple(args.lang or LANGS)
    try:  # before any notebook runs: tables equal a fresh build, outputs can be written (else ONE line)
        preflight(args.allow_env_drift, args.project_deps, args.pdf)  # packages against the lock, the shipped fonts
        check_fresh() if args.project_deps else None
        check_text(args.notebooks or discover()) if args.project_deps else None  # typed digits, empty zh/en
        for folder in [args.out, args.out / ".build", *(args.out / x for x in langs)]:
            check_writable(folder)
        check_writable(paths.FIGURES, elsewhere=False) if args.project_deps else None
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    try:
        result = build(args.notebooks or None, args.out, langs, args.pdf, args.jobs, args.force,
                       timeout=args.timeout, deps=None if args.project_deps else [])
    except OSError as err:  # an output folder became unwritable (or the disk is full) during the build
        if not (line := write_failure(err)):
            raise
        print(f"error: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        shutdown()  # the shared browser and its profile folder go now, not at the next build
        print("[interrupted] finished steps are recorded; run again to build the rest", flush=True)
        os._exit(130)  # do not wait for running workers; their temporary files are removed next run
    fastpath.write(sys.argv[1:] if argv is None else argv, result.watched if result.ok else None,
                   [f"[skip] {i.key}  up to date" for i in result.items], str(result.index))
    count = {s: sum(i.status == s for i in result.items) for s in ("built", "skipped", "failed")}
    print(f"{'done' if result.ok else 'FAILED'}: {count['built']} built, {count['skipped']} up to date, "
          f"{count['failed']} failed in {time.perf_counter() - t0:.2f} s -> {result.index}")
    return 0 if result.ok else 1
