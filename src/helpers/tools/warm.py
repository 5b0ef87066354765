"""Write the bytecode of the modules the build and the notebook kernels import (``make setup``).

Where ``PYTHONDONTWRITEBYTECODE`` is set, a module with no ``.pyc`` is compiled from source at
every import. Compiling all 6,700 files of the environment at install costs about 21 s of CPU;
importing what is used, with bytecode writing on, about 7 s. ``python -m helpers.tools.warm MOD ...``
imports each module it is given (a missing or failing one is skipped with a one-line note).
"""
from __future__ import annotations

import importlib
import sys


def warm(modules: list[str]) -> list[str]:
    """Import ``modules`` with bytecode writing on; return those that failed."""
    before, sys.dont_write_bytecode = sys.dont_write_bytecode, False
    failed = []
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a warm-up never stops the set-up
                failed.append(name)
    finally:
        sys.dont_write_bytecode = before
    return failed


if __name__ == "__main__":
    names = [m.strip() for arg in sys.argv[1:] for m in arg.split(",") if m.strip()]
    for name in warm(names):
        print(f"warm-up: could not import {name} (its bytecode will be written on first use)", file=sys.stderr)
