"""Issue 18: what a count counts (``counted``), the last bare and bounded forms, and non-counts that are
never counts, in simplified and traditional script."""
from __future__ import annotations

import pytest

from helpers.parse.extract import find_figures


def _rows(text: str) -> list[tuple]:
    df = find_figures(text)
    return list(zip(df.value, df.unit, df.kind, df.counted, df.bound))


@pytest.mark.parametrize("text, expected", [
    ("市委派出8个巡察组对8个县市区的28家单位开展巡察",
     [(8, "个", "count", "巡察组", ""), (8, "个", "count", "县市区", ""), (28, "家", "count", "单位", "")]),
    ("市委派出8個巡察組對8個縣市區的28家單位開展巡察",
     [(8, "个", "count", "巡察組", ""), (8, "个", "count", "縣市區", ""), (28, "家", "count", "單位", "")]),
    ("移交问题线索409条，人口40万", [(409, "条", "count", "问题线索", ""), (400000, "", "count", "人口", "")]),
    ("移交問題線索409條，人口40萬", [(409, "条", "count", "問題線索", ""), (400000, "", "count", "人口", "")]),
    ("共清退2万冒领人员", [(20000, "", "count", "冒领人员", "")]),
    ("共清退2萬冒領人員", [(20000, "", "count", "冒領人員", "")]),
    ("核查2千账户", [(2000, "", "count", "账户", "")]),
    ("核查2千賬戶", [(2000, "", "count", "賬戶", "")]),
    ("常住人口52万，面积1.8万平方公里", [(520000, "", "count", "常住人口", ""), (18000, "平方公里", "measure", "", "")]),
    ("不到300字", [(300, "字", "count", "", "max")]),
    ("近两千人，逾百万元", [(2000, "人", "count", "", "max"), (1000000, "元", "amount", "", "min")]),
    ("立案37件处分39人，收缴违纪款1497.7万元",
     [(37, "件", "count", "", ""), (39, "人", "count", "", ""), (14977000, "元", "amount", "", "")]),
    ("30村、15县", [(30, "村", "count", "村", ""), (15, "县", "count", "县", "")]),
    ("香港廉署共接获一百一十九宗贪污投诉", [(119, "宗", "count", "贪污投诉", "")]),
])
def test_counted_and_bare_forms(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("text", ["时间为一个半月", "時間為一個半月", "用了一个半月", "用了一個半月"])
def test_one_and_a_half_months_after_wei(text: str) -> None:
    assert _rows(text) == [(1.5, "月", "duration", "", "")]


@pytest.mark.parametrize("text", ["一座座桥梁", "一座座橋樑", "放一百个心", "放一百個心"])
def test_reduplication_and_idioms_are_no_figures(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize("text", ["实行1组托2县", "實行1組託2縣", "一组带两县", "一組帶兩縣"])
def test_staffing_slogans_are_enumerations(text: str) -> None:
    df = find_figures(text)
    assert list(df.kind) == ["enumeration"] and "count" not in set(df.kind)


def test_counted_is_empty_for_amounts_durations_and_dates() -> None:
    df = find_figures("2017年巡察历时一个半月，追缴资金3.2万元，占65%")
    assert (df.counted == "").all() and len(df) == 4


def test_tenths_of_cheng_and_chinese_decimals() -> None:
    """From the held-out set: 一成七 is 17 %, 十四点二六亿港元 is 1,426,000,000 港元."""
    df = find_figures("分别较前年下跌一成七、一成二和百分之四，涉及总款额十四点二六亿港元")
    df = df[df.kind != "date"]
    assert list(zip(df.value, df.unit)) == [(17, "%"), (12, "%"), (4, "%"), (1426000000, "港元")]
    assert find_figures("八点三十分开会").empty  # a time, not a decimal
