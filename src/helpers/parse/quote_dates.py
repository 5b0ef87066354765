"""Find the date expression inside a curated date quote and parse it to intervals."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .dates import DateInterval, DateParseError, parse_date, parse_date_range


@dataclass(frozen=True)
class QuotedDate:
    """A date or date range found in a quote: offsets of the expression within the quote."""

    expr_start: int
    expr_end: int
    start: DateInterval
    end: DateInterval

    @property
    def is_range(self) -> bool:
        return self.start != self.end


def _parse(expr: str, reference: date) -> tuple[DateInterval, DateInterval] | None:
    """Parse ``expr`` as an ISO date-time, a range or a single date; None if it is none of them."""
    try:
        moment = datetime.fromisoformat(expr.replace(" ", "T"))
        day = DateInterval(moment.date(), moment.date(), "day")
        return day, day
    except ValueError:
        pass
    try:
        return parse_date_range(expr, reference)
    except DateParseError:
        pass
    try:
        single = parse_date(expr, reference)
        return single, single
    except DateParseError:
        return None


def date_in_quote(quote: str, reference: date) -> QuotedDate | None:
    """The longest substring of ``quote`` that parses as a date or range (earliest wins ties)."""
    n = len(quote)
    for length in range(n, 0, -1):
        for start in range(0, n - length + 1):
            parsed = _parse(quote[start:start + length], reference)
            if parsed:
                return QuotedDate(start, start + length, *parsed)
    return None
