"""The chosen article's own charts: ``data/articles/<slug>/charts.py``, loaded as a module when it exists.

An article's findings beyond the kit's tables, funnel and schedule live with it (its ``charts.py`` and its
``notebooks/``); the module defines ``CHARTS`` (file stem -> (function, tidy tables)) and ``__all__``.
"""
from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from ..base import paths

#: the file an article's own charts are in
ARTICLE_CHARTS = paths.ARTICLE_DIR / "charts.py"


def article_charts() -> ModuleType | None:
    """The chosen article's ``charts.py`` as a module (``None`` if it has none), imported once."""
    name = f"helpers_article_{paths.SLUG.replace('-', '_')}_charts"
    if name in sys.modules:
        return sys.modules[name]
    if not ARTICLE_CHARTS.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, ARTICLE_CHARTS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
