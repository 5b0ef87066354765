"""``python -m helpers.bench.fresh_clone``: a fresh clone to a finished ``make report``, timed.

Each run clones the repository into a new temporary folder and runs the README's command there
(``make report``: set-up, tidy tables, every output) with no uv on ``PATH`` and cold package
caches (``UV_CACHE_DIR`` and ``PIP_CACHE_DIR`` inside the run's own folder), so set-up fetches uv
from PyPI and every package from the index. Prints set-up and build seconds per run and the median
of the runs (``--runs``, default 3), and checks that each build leaves ``git status`` empty.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..base import paths


def _path_without_uv(path: str) -> str:
    return os.pathsep.join(p for p in path.split(os.pathsep) if p and not (Path(p) / "uv").exists())


def _timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> float:
    t = time.perf_counter()
    with log.open("ab") as out:
        rc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        raise SystemExit(f"fresh_clone: `{' '.join(cmd)}` failed ({rc}); its last lines:\n" + "\n".join(tail))
    return time.perf_counter() - t


def one_run(source: Path) -> tuple[float, float]:
    """Clone ``source`` and time ``make setup`` then the rest of ``make report``; return both in seconds."""
    work = Path(tempfile.mkdtemp(prefix="fresh-clone-"))
    try:
        env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "UV", "ARGS", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
        env.update(PATH=_path_without_uv(env.get("PATH", "")), UV_CACHE_DIR=str(work / "uv-cache"),
                   PIP_CACHE_DIR=str(work / "pip-cache"))
        subprocess.run(["git", "clone", "-q", str(source), str(work / "p")], check=True)
        log = work / "log.txt"
        setup = _timed(["make", "setup"], work / "p", env, log)
        report = _timed(["make", "report"], work / "p", env, log)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=work / "p", capture_output=True,
                               text=True, check=True).stdout
        if dirty:
            raise SystemExit(f"fresh_clone: the build left `git status` dirty:\n{dirty}")
        return setup, report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    totals = []
    print("| run | `make setup` | then `make report` | clone to report |\n| --- | --- | --- | --- |")
    for i in range(1, args.runs + 1):
        setup, report = one_run(paths.ROOT)
        totals.append(setup + report)
        print(f"| {i} | {setup:.1f} s | {report:.1f} s | {setup + report:.1f} s |", flush=True)
    print(f"| **median** | | | **{statistics.median(totals):.1f} s** |")
    print(f"load average after the runs: {os.getloadavg()[0]:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
