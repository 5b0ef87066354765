"""``python -m helpers.report``: build the reports (see :mod:`helpers.report.cli`)."""
from __future__ import annotations

import sys

from .fastpath import try_fast

_rc = try_fast(sys.argv[1:])  # nothing changed since the last clean build: done, nothing else imported
if _rc is None:
    from .cli import main

    _rc = main()
raise SystemExit(_rc)
