"""Parse a figure's value out of its quote: the one number followed directly by the unit."""
from __future__ import annotations

from pathlib import Path

from ..base.errors import DataError
from .numerals import find_numbers


def value_from_quote(quote: str, unit: str, file: Path | str, entry: str) -> int | float:
    """Return the value of the single number in ``quote`` that is immediately followed by ``unit``."""
    numbers = find_numbers(quote)
    if not numbers:
        raise DataError(file, entry, f"quote {quote!r} contains no number", "choose a quote that contains the figure")
    matches = [value for _, end, value in numbers if quote.startswith(unit, end)]
    if not matches:
        followers = ", ".join(f"{quote[s:e]}{quote[e:e + 2]!s}" for s, e, _ in numbers)
        raise DataError(file, entry, f"unit {unit!r} does not follow any number in quote {quote!r} (numbers: {followers})",
                        "set the unit to the measure word that follows the figure in the quote, e.g. 条, 件, 人, 家")
    if len(matches) > 1:
        raise DataError(file, entry, f"{len(matches)} numbers in quote {quote!r} are followed by {unit!r}",
                        "shorten the quote so only one number carries the unit")
    return matches[0]
