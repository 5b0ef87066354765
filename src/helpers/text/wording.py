"""Labels as a reader sees them: the drawable language, and a label of ``data/curated/labels.csv``
with its numbers rendered (:func:`helpers.text.prose.render`).

``[[...]]`` marks Chinese inside an English label (a measure word, a term): kept when a CJK font can
draw it, dropped otherwise. The label file itself is read by :mod:`helpers.curate.labels`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..base import paths
from ..base.errors import DataError
from ..curate import labels
from . import fonts
from .prose import render

__all__ = ["language", "text"]

_CJK_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)


def language(requested: str) -> str:
    """The language labels are drawn in: ``zh`` falls back to ``en`` when no CJK font is found."""
    if requested not in labels.LANGUAGES:
        raise ValueError(f"language must be one of {labels.LANGUAGES}, not {requested!r}")
    return fonts.resolve_language(requested)


def text(key: str, lang: str, extra: Mapping[str, float | str] | None = None) -> str:
    """The label ``key`` in the drawable language, its numbers rendered (helpers.text.prose.render)."""
    lang = language(lang)
    template = labels.raw(key, lang)
    keep = fonts.cjk_available()
    template = _CJK_OPTIONAL.sub(lambda m: m.group(1) if keep else "", template)
    try:
        return render(template, lang, {"per": labels.PER, **(extra or {})})
    except KeyError as err:  # an unknown {placeholder}: name the label file and the key
        name = err.args[0].split("{", 1)[-1].split("}", 1)[0] if err.args and "{" in str(err.args[0]) else err
        raise DataError(labels.source(key), f"key {key}, column {lang}", f"{{{name}}} is neither a figure_id, a derived_id "
                        "nor a value the chart passes", f"fix the placeholder's name ({paths.TIDY_REL}/figures.csv, "
                        "derived.csv list the ids), then run the build again") from None
