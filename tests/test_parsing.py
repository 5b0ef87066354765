"""Number and date parsing, on the forms the article (and reports like it) use."""
from __future__ import annotations

from datetime import date

import pytest

from helpers.parse.dates import DateParseError, parse_date, parse_date_range
from helpers.parse.numerals import NumeralError, parse_number
from helpers.parse.values import value_from_quote

PUBLISHED = date(2017, 4, 25)


@pytest.mark.parametrize("text, expected", [
    ("409", 409), ("４０９", 409), ("25969", 25969), ("1.5", 1.5), ("25,969", 25969),
    ("两", 2), ("五", 5), ("十", 10), ("十三", 13), ("二十", 20), ("二百九十五", 295),
    ("三千", 3000), ("三千零五", 3005), ("一万五千", 15000), ("两万三", 23000), ("十万", 100000),
    ("1.5万", 15000), ("1497.7万", 14977000), ("3千", 3000), ("一亿二千万", 120000000),
    ("1个半", 1.5), ("半", 0.5),
])
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "问题", "线索"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(text)


@pytest.mark.parametrize("quote, unit, expected", [
    ("按1个半月", "月", 1.5), ("计划分两轮", "轮", 2), ("3起33人次", "人次", 33), ("3起33人次", "起", 3),
    ("第一轮9家单位", "家", 9), ("农村五保资金25969元", "元", 25969), ("共计巡察３４家单位", "家", 34),
])
def test_value_from_quote(quote: str, unit: str, expected: float) -> None:
    assert value_from_quote(quote, unit, "quotes.csv", "test") == expected


@pytest.mark.parametrize("text, earliest, latest, precision", [
    ("2月下旬", date(2017, 2, 21), date(2017, 2, 28), "xun"),
    ("2016年2月下旬", date(2016, 2, 21), date(2016, 2, 29), "xun"),  # leap year
    ("7月上旬", date(2017, 7, 1), date(2017, 7, 10), "xun"),
    ("6月中旬", date(2017, 6, 11), date(2017, 6, 20), "xun"),
    ("12月下旬", date(2017, 12, 21), date(2017, 12, 31), "xun"),
    ("去年7月", date(2016, 7, 1), date(2016, 7, 31), "month"),
    ("去年11月", date(2016, 11, 1), date(2016, 11, 30), "month"),
    ("今年1月底", date(2017, 1, 21), date(2017, 1, 31), "xun"),
    ("2017年", date(2017, 1, 1), date(2017, 12, 31), "year"),
    ("2017年4月25日", date(2017, 4, 25), date(2017, 4, 25), "day"),
])
def test_parse_date(text: str, earliest: date, latest: date, precision: str) -> None:
    interval = parse_date(text, PUBLISHED)
    assert (interval.earliest, interval.latest, interval.precision) == (earliest, latest, precision)


def test_parse_date_range_inherits_year() -> None:
    start, end = parse_date_range("2月下旬至6月下旬", PUBLISHED)
    assert (start.earliest, start.latest) == (date(2017, 2, 21), date(2017, 2, 28))
    assert (end.earliest, end.latest) == (date(2017, 6, 21), date(2017, 6, 30))
    start, end = parse_date_range("2014年1月至2015年10月", PUBLISHED)
    assert start.earliest == date(2014, 1, 1) and end.latest == date(2015, 10, 31)


@pytest.mark.parametrize("text", ["", "下旬", "13月", "2月30日", "巡察"])
def test_parse_date_rejects_non_dates(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, PUBLISHED)
