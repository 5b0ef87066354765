"""Parse Chinese date expressions into intervals that keep their precision.

``2月下旬`` (late February) is only known to the ten-day period (旬): 上旬 = days 1-10,
中旬 = 11-20, 下旬 = 21 to the month's end. So a date is an interval ``[earliest, latest]`` with a
``precision`` of ``day``, ``xun`` (ten-day period), ``month`` or ``year``. Relative years
(去年, 今年, 明年, 前年) resolve against a reference date, normally the publication date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .numerals import NumeralError, parse_number

RELATIVE_YEARS: dict[str, int] = {"前年": -2, "去年": -1, "上年": -1, "今年": 0, "本年": 0, "当年": 0, "明年": 1}
#: Parts of a month: (first day, last day or None for the month's end, precision)
MONTH_PARTS: dict[str, tuple[int, int | None, str]] = {
    "上旬": (1, 10, "xun"), "中旬": (11, 20, "xun"), "下旬": (21, None, "xun"),
    "初": (1, 10, "xun"), "中": (11, 20, "xun"), "底": (21, None, "xun"), "末": (21, None, "xun"),
}
#: Parts of a year: (first month, last month, precision). 年初/年底 are taken as January/December.
YEAR_PARTS: dict[str, tuple[int, int, str]] = {
    "上半年": (1, 6, "half"), "下半年": (7, 12, "half"),
    "年初": (1, 1, "month"), "初": (1, 1, "month"),
    "年底": (12, 12, "month"), "底": (12, 12, "month"), "年末": (12, 12, "month"), "末": (12, 12, "month"),
    "度": (1, 12, "year"),
    **{f"{prefix}{q}季度": (3 * i + 1, 3 * i + 3, "quarter")
       for i, qs in enumerate(("一1１", "二2２", "三3３", "四4４")) for q in qs for prefix in ("", "第")},
}
#: Year parts that stand on their own, without a year before them (上半年, 年底, 一季度 ...).
STANDALONE_YEAR_PARTS = frozenset(k for k in YEAR_PARTS if k not in ("初", "底", "末", "度"))
_NUM = r"[0-9０-９]+|[〇零一二两三四五六七八九十]+"
_YEAR_PART_ALT = "|".join(sorted(YEAR_PARTS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"(?:(?P<year>[0-9０-９]{{4}}|[〇○零一二三四五六七八九]{{4}})年|(?P<rel>{'|'.join(RELATIVE_YEARS)}))?"
    rf"(?:(?P<month>{_NUM})月(?:份)?(?:(?P<day>{_NUM})[日号]|(?P<part>上旬|中旬|下旬|初|底|末|中))?"
    rf"|(?P<ypart>{_YEAR_PART_ALT}))?"
)
RANGE_RE = re.compile(rf"(?P<start>.+?)(?:至|到|—|－|-|~|～)(?P<end>.+)")
#: A range's end that names only a day (``4月18日至20日``) or "now" (``2014年至今``).
DAY_ONLY_RE = re.compile(rf"(?:{_NUM})[日号]")
NOW_WORDS = frozenset({"今", "现在", "目前"})


class DateParseError(ValueError):
    """The text is not a date expression this parser understands."""


@dataclass(frozen=True)
class DateInterval:
    """A date known to lie somewhere in ``[earliest, latest]`` (both inclusive)."""

    earliest: date
    latest: date
    precision: str  # day | xun | month | year

    @property
    def is_exact(self) -> bool:
        return self.earliest == self.latest


def month_end(year: int, month: int) -> int:
    """The last day of ``month`` in ``year``."""
    return calendar.monthrange(year, month)[1]


def parse_date(text: str, reference: date, default_year: int | None = None) -> DateInterval:
    """Parse one date expression (e.g. ``2017年2月下旬``, ``去年7月``, ``今年1月底``).

    A month with no year takes ``default_year`` if given, else the reference date's year.
    """
    s = text.strip()
    m = DATE_RE.fullmatch(s)
    if not s or not m or not (m.group("year") or m.group("rel") or m.group("month") or m.group("ypart")):
        raise DateParseError(f"not a date expression: {text!r}")
    ypart = m.group("ypart")
    if ypart and not (m.group("year") or m.group("rel")) and ypart not in STANDALONE_YEAR_PARTS:
        raise DateParseError(f"not a date expression: {text!r}")
    try:
        if m.group("year"):
            year = int(parse_number(m.group("year").replace("○", "〇")))
        elif m.group("rel"):
            year = reference.year + RELATIVE_YEARS[m.group("rel")]
        else:
            year = default_year if default_year is not None else reference.year
        if ypart:
            first_month, last_month, precision = YEAR_PARTS[ypart]
            return DateInterval(date(year, first_month, 1),
                                date(year, last_month, month_end(year, last_month)), precision)
        if not m.group("month"):
            return DateInterval(date(year, 1, 1), date(year, 12, 31), "year")
        month = int(parse_number(m.group("month")))
        if not 1 <= month <= 12:
            raise DateParseError(f"month {month} out of range in {text!r}")
        last = month_end(year, month)
        if m.group("day"):
            day = int(parse_number(m.group("day")))
            if not 1 <= day <= last:
                raise DateParseError(f"day {day} out of range in {text!r}")
            return DateInterval(date(year, month, day), date(year, month, day), "day")
        if m.group("part"):
            first, final, precision = MONTH_PARTS[m.group("part")]
            return DateInterval(date(year, month, first), date(year, month, final or last), precision)
        return DateInterval(date(year, month, 1), date(year, month, last), "month")
    except NumeralError as err:
        raise DateParseError(f"not a date expression: {text!r} ({err})") from None


def parse_date_range(
    text: str, reference: date, default_year: int | None = None,
) -> tuple[DateInterval, DateInterval]:
    """Parse ``A至B`` into (start, end) intervals; B inherits A's year when it names none.

    A start without a year takes ``default_year`` if given (else the reference year). An end that
    names only a day (``4月18日至20日``) inherits A's year and month; ``至今`` ends on ``reference``.
    """
    m = RANGE_RE.fullmatch(text.strip())
    if not m:
        raise DateParseError(f"not a date range (A至B): {text!r}")
    start = parse_date(m.group("start"), reference, default_year=default_year)
    end_text = m.group("end").strip()
    if end_text in NOW_WORDS:
        return start, DateInterval(reference, reference, "day")
    if DAY_ONLY_RE.fullmatch(end_text):
        end_text = f"{start.earliest.year}年{start.earliest.month}月{end_text}"
    end_match = DATE_RE.fullmatch(end_text)
    has_year = bool(end_match and (end_match.group("year") or end_match.group("rel")))
    end = parse_date(end_text, reference, default_year=None if has_year else start.earliest.year)
    return start, end
