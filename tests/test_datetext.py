"""Dates in either language from the date.* labels (helpers.text.datetext), on the article's own dates."""
from __future__ import annotations

from helpers.text import datetext
from helpers.tidy.load import load_table


def _row(date_id: str):
    return load_table("timeline").set_index("date_id").loc[date_id]


def test_a_ten_day_period_reads_as_the_article_writes_it():
    start = _row("round_1_2017")["start_earliest"]  # 2月下旬
    assert datetext.period(start, "xun", "zh") == f"{start.month}月下旬"
    assert datetext.period(start, "xun", "en") == "late February"


def test_day_and_month_in_both_languages():
    pub = _row("publication")["start_earliest"]
    assert datetext.day(pub, "zh") == f"{pub.year}年{pub.month}月{pub.day}日"
    assert datetext.day(pub, "en") == f"{pub.day} April {pub.year}"
    began = _row("inspections_began")["start_earliest"]
    assert datetext.month(began, "en") == f"July {began.year}"
    assert datetext.month(began, "zh", with_year=False) == f"{began.month}月"


def test_xun_boundaries():
    assert [datetext.xun(d) for d in (1, 10, 11, 20, 21, 31)] == [1, 1, 2, 2, 3, 3]
