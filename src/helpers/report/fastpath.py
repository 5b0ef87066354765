"""The no-change rebuild in milliseconds (doit's start-up alone takes 0.1-0.2 s): after a clean build, a stamp
of the command, the environment that steers it and every path it consulted (size, time); if none changed,
:func:`try_fast` (run before anything else is imported) prints the same "up to date" report."""
from __future__ import annotations

import fcntl
import json
import os
import sys
import time


def _stat(path: str) -> list[int] | None:
    return [(st := os.stat(path)).st_size, st.st_mtime_ns] if os.path.exists(path) else None


def _key(argv: list[str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k.startswith(("XN_", "XIANNING_", "REPORT_"))
           or k in ("CHROME", "PATH", "PYTHONPATH", "MPLCONFIGDIR", "VIRTUAL_ENV")}
    return {"argv": [a for a in argv if a != "--force"], "cwd": os.getcwd(), "python": sys.executable, "env": env}


def stamp_path(argv: list[str]) -> str:
    """Where the stamp of a build run with ``argv`` lives (``<out>/.build/fast.json``)."""
    from ..base.paths import REPORTS  # the chosen article's (XIANNING_ARTICLE) output folder

    out = str(REPORTS)
    for i, arg in enumerate(argv):
        out = argv[i + 1] if arg == "--out" and i + 1 < len(argv) else arg[6:] if arg.startswith("--out=") else out
    return os.path.join(os.path.abspath(out), ".build", "fast.json")


def try_fast(argv: list[str]) -> bool:
    """Print the no-change report and return True if nothing changed since the stamp."""
    t0 = time.perf_counter()
    try:
        with open(stamp_path(argv), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return False
    if {"--force", "-h", "--help"} & set(argv) or data["key"] != _key(argv) or any(
            _stat(path) != st for path, st in data["stats"]):
        return False
    print(*data["lines"], f"done: 0 built, {len(data['lines'])} up to date, 0 failed in "
          f"{time.perf_counter() - t0:.2f} s -> {data['index']}", sep="\n", flush=True)
    return True


def write(argv: list[str], files: list[str] | None, lines: list[str], index: str) -> None:
    """Record the stamp (whole), ``files`` being every path the build consulted; ``None`` removes it."""
    from ..base.fileio import write_text_atomic

    with open(os.path.join(os.path.dirname(stamp := stamp_path(argv)), "lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the build's lock: another build neither sweeps nor changes it meanwhile
        if files is None:
            return os.unlink(stamp) if os.path.exists(stamp) else None
        write_text_atomic(stamp, json.dumps({"key": _key(argv), "stats": [[f, _stat(f)] for f in sorted(set(files))],
                                             "lines": lines, "index": index}, ensure_ascii=False) + "\n")
