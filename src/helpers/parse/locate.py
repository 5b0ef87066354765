"""Find a verbatim quote in the article exactly once and return its character offsets."""
from __future__ import annotations

from pathlib import Path

from ..base import paths
from ..base.errors import DataError


def locate_quote(text: str, quote: str, file: Path | str, entry: str) -> tuple[int, int]:
    """Return ``(start, end)`` with ``text[start:end] == quote``; the quote must occur exactly once."""
    first = text.find(quote)
    if first < 0:
        raise DataError(file, entry, f"quote {quote!r} is not in the article",
                        f"copy the quote verbatim from {paths.RAW_REL}/ (same punctuation: the article uses ASCII commas)")
    second = text.find(quote, first + 1)
    if second >= 0:
        raise DataError(file, entry, f"quote {quote!r} occurs more than once (at {first} and {second})",
                        "lengthen the quote with neighbouring characters until it is unique")
    return first, first + len(quote)


def line_of(text: str, offset: int) -> int:
    """The 1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def locate_within(text: str, quote: str, inner: str, file: Path | str, entry: str) -> tuple[int, int, int, int]:
    """Locate ``quote`` (exactly once) and ``inner`` inside it: ``(start, end, inner_start, inner_end)``."""
    start, end = locate_quote(text, quote, file, entry)
    offset = quote.find(inner)
    if offset < 0:
        raise DataError(file, entry, f"{inner!r} is not inside quote {quote!r}", f"make the quote contain {inner!r}")
    return start, end, start + offset, start + offset + len(inner)
