"""Chart helpers: one function per chart kind, each taking tidy tables (DataFrames) and a
``language`` ("en" or "zh") and returning a :class:`matplotlib.figure.Figure` not tracked by
pyplot (nothing shown twice, no global state besides the fonts of :mod:`helpers.text.fonts`).

Save with :func:`save`: ``reports/figures/{name}.{language}.png`` and ``.svg``, atomically and
byte-for-byte reproducibly. :func:`draw_all` builds every chart from the tidy tables.
"""
from __future__ import annotations

from .article import article_charts
from .funnel import funnel_chart
from .rounds import rounds_chart
from .style import publish, save, show, texts

__all__ = ["funnel_chart", "rounds_chart",
           "save", "show", "publish", "texts", "draw", "CHARTS", "SCHEDULE_CHARTS"]

#: Every chart: file stem -> (function, the tidy tables it takes, in order). The kit's funnel; the rest are
#: the chosen article's (its charts.py registers the kit's functions it uses and its own).
CHARTS = {
    "funnel": (funnel_chart, ("funnel",)),
}
#: The chosen article's own charts (its folder's ``charts.py``), drawn like the kit's; their functions
#: are reachable here too (``charts.units_2016_chart`` for Xianning).
_ARTICLE = article_charts()
#: The charts the kit's schedule notebook (03) publishes, the rounds' chart first (``SCHEDULE_CHARTS`` in the
#: article's charts.py)
SCHEDULE_CHARTS: tuple[str, ...] = tuple(getattr(_ARTICLE, "SCHEDULE_CHARTS", ()))
if _ARTICLE is not None:
    CHARTS.update(_ARTICLE.CHARTS)
    globals().update({name: getattr(_ARTICLE, name) for name in _ARTICLE.__all__ if name != "CHARTS"})


def draw(name: str, language: str = "en"):
    """Draw chart ``name`` (a key of :data:`CHARTS`) from the tidy tables on disk."""
    from ..tidy.load import load_table

    func, tables = CHARTS[name]
    return func(*(load_table(t) for t in tables), language)
