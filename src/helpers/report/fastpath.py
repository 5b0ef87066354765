"""The no-change rebuild in a few milliseconds: a stamp of everything the last clean build looked at.

After a build that succeeded with nothing made without the project's fonts, :func:`write` records
in ``<out>/.build/fast.json`` the command line, the working directory, the environment variables
that steer a build, and the size and modification time (ns) of every file and folder the build
consulted: notebooks and their folder, the tidy data and helpers (with their folders, so a new file
counts), the report package, fonts, the browser binary, the installed packages' folders, doit's
state file and every recorded output. :func:`try_fast` (run by ``python -m helpers.report`` before
anything else is imported) prints the same "up to date" report when every one of them is unchanged,
and otherwise leaves the decision to the full build. ``--force`` never takes this path.
"""
from __future__ import annotations

import json
import os
import sys
import time

VERSION = 1
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
_ENV_PREFIXES = ("XN_", "REPORT_")
_ENV_NAMES = ("CHROME", "PATH", "PYTHONPATH", "MPLCONFIGDIR", "VIRTUAL_ENV")


def _stat(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k.startswith(_ENV_PREFIXES) or k in _ENV_NAMES}


def _out_dir(argv: list[str]) -> str:
    out = os.path.join(_ROOT, "reports")
    for i, arg in enumerate(argv):
        if arg == "--out" and i + 1 < len(argv):
            out = argv[i + 1]
        elif arg.startswith("--out="):
            out = arg[len("--out="):]
    return os.path.abspath(out)


def stamp_path(argv: list[str]) -> str:
    """Where the stamp of a build run with ``argv`` lives."""
    return os.path.join(_out_dir(argv), ".build", "fast.json")


def try_fast(argv: list[str]) -> int | None:
    """Print the no-change report and return 0 if nothing changed since the stamp; else None."""
    t0 = time.perf_counter()
    if any(a in ("--force", "-h", "--help") for a in argv):
        return None
    try:
        with open(stamp_path(argv), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if (data.get("version") != VERSION or data.get("argv") != argv or data.get("cwd") != os.getcwd()
            or data.get("python") != sys.executable or data.get("env") != _env()):
        return None
    for path, st in data.get("stats", []):
        if _stat(path) != st:
            return None
    lines = data.get("lines", [])
    sys.stdout.write("".join(line + "\n" for line in lines))
    print(f"done: 0 built, {len(lines)} up to date, 0 failed in {time.perf_counter() - t0:.2f} s "
          f"-> {data.get('index', '')}", flush=True)
    return 0


def write(argv: list[str], files: list[str], lines: list[str], index: str) -> None:
    """Record the stamp (whole or not at all); ``files`` are every path the build consulted."""
    from ..fileio import write_text_atomic

    files = sorted(set(files))
    data = {"version": VERSION, "argv": argv, "cwd": os.getcwd(), "python": sys.executable, "env": _env(),
            "stats": [[f, _stat(f)] for f in files], "lines": lines, "index": index}
    write_text_atomic(stamp_path(argv), json.dumps(data, ensure_ascii=False) + "\n")
    # the stamp itself changed the .build folder; nothing in it is watched, so it stays valid


def forget(argv: list[str]) -> None:
    """Remove the stamp (a build that failed or drew without the fonts must run fully next time)."""
    try:
        os.unlink(stamp_path(argv))
    except OSError:
        pass
