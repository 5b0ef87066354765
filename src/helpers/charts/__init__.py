"""Chart helpers: one function per chart kind, each taking tidy tables and a ``language``
("en" or "zh") and returning a :class:`matplotlib.figure.Figure` (not tracked by pyplot).

Save with :func:`save` (``reports/figures/{name}.{language}.png`` and ``.svg``).
"""
from __future__ import annotations

from .funnel import funnel_chart, xianan_chart
from .style import save

__all__ = ["funnel_chart", "xianan_chart", "save"]
