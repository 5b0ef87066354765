"""Chart helpers: one function per chart kind, each taking tidy tables (DataFrames) and a
``language`` ("en" or "zh") and returning a :class:`matplotlib.figure.Figure` not tracked by
pyplot (nothing shown twice, no global state besides the fonts of :mod:`helpers.fonts`).

Save with :func:`save`: ``reports/figures/{name}.{language}.png`` and ``.svg``, atomically and
byte-for-byte reproducibly. :func:`draw_all` builds every chart from the tidy tables.
"""
from __future__ import annotations

from .funnel import funnel_chart, xianan_chart
from .schedule import durations_chart, plan_2017_chart, timeline_chart
from .style import save, texts

__all__ = ["funnel_chart", "xianan_chart", "timeline_chart", "plan_2017_chart", "durations_chart",
           "save", "texts"]
