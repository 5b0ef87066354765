"""``python -m helpers.report``: build the reports (see :mod:`helpers.report.cli`)."""
from __future__ import annotations

from .cli import main

raise SystemExit(main())
