"""The invented Canghe article's charts beyond the kit's funnel: its plan's rounds (the kit's rounds chart)."""
from __future__ import annotations

from helpers.charts.rounds import rounds_chart

__all__ = ["rounds_chart", "CHARTS"]

#: This article's charts: file stem -> (function, the tidy tables it takes, in order).
CHARTS = {"schedule": (rounds_chart, ("schedule_2025", "timeline"))}

#: The charts of the kit's schedule notebook (03), in order: the rounds' chart first, then the plan's others.
SCHEDULE_CHARTS = ("schedule",)
