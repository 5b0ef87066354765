"""``python -m helpers.report``: the no-change stamp first (nothing else imported), else the build (:mod:`.cli`)."""
import sys

from .fastpath import try_fast

raise SystemExit(0 if try_fast(sys.argv[1:]) else __import__("helpers.report.cli", fromlist=["main"]).main())
