"""``python -m helpers.report``: the no-change stamp first (nothing else imported), else the build (:mod:`.cli`)."""
import sys

from .fastpath import try_fast

rc = try_fast(sys.argv[1:])
raise SystemExit(rc if rc is not None else __import__("helpers.report.cli", fromlist=["main"]).main())
