"""helpers.parse.extract: every form a report writes figures in, and the real values of the article."""
from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pandas as pd
import pytest

from helpers.source.article import article_text
from helpers.parse.extract import COLUMNS, KINDS, find_figures

PUBLISHED = date(2017, 4, 25)


def rows(text: str, published: date | None = PUBLISHED) -> list[tuple]:
    """(text, value, unit, kind) for every figure found."""
    df = find_figures(text, published)
    return list(zip(df.text, df.value, df.unit, df.kind))


def one(text: str, published: date | None = PUBLISHED) -> pd.Series:
    """The single figure in ``text``."""
    df = find_figures(text, published)
    assert len(df) == 1, df[["text", "value", "unit", "kind"]].to_string()
    return df.iloc[0]


# --------------------------------------------------------------------------------------------
# Counts, amounts, adjacency, multipliers
def test_counts_and_amount_in_one_sentence() -> None:
    text = "共发现问题线索1,234条，立案37件处分39人，收缴违纪款1497.7万元"
    assert rows(text) == [
        ("1,234条", 1234, "条", "count"), ("37件", 37, "件", "count"), ("39人", 39, "人", "count"),
        ("1497.7万元", 14977000, "元", "amount"),
    ]


def test_offsets_index_the_original_text() -> None:
    text = "  共計發現問題線索52條，處分8人；約３千人次"
    df = find_figures(text, PUBLISHED)
    assert len(df) == 3
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text


@pytest.mark.parametrize("text, value, unit, kind", [
    ("发现问题55个", 55, "个", "count"),
    ("违规集体公款旅游3起", 3, "起", "count"),
    ("给予党政纪处分8人", 8, "人", "count"),
    ("对违规办理低保的5名党员干部予以追责问责", 5, "名", "count"),
    ("共计巡察34家单位", 34, "家", "count"),
    ("共计巡察３４家单位", 34, "家", "count"),
    ("涉及困难群众120户", 120, "户", "count"),
    ("共收到举报信件二百九十五件", 295, "件", "count"),
    ("提出意见建议两百条", 200, "条", "count"),
    ("召开座谈会12次", 12, "次", "count"),
    ("开展专项检查6项", 6, "项", "count"),
    ("编发简报15篇", 15, "篇", "count"),
    ("下发整改通知书20份", 20, "份", "count"),
    ("套取资金25969元", 25969, "元", "amount"),
    ("涉及金额3.6亿元", 360000000, "元", "amount"),
    ("挪用资金两千万元", 20000000, "元", "amount"),
    ("追缴资金1.5万元", 15000, "元", "amount"),
    ("涉案金额120万美元", 1200000, "美元", "amount"),
    ("3个市委巡察组已进驻", 3, "个", "count"),
    ("计划分两轮开展巡察", 2, "轮", "count"),
    ("先后2次组织召开座谈培训会", 2, "次", "count"),
    ("发生一起安全责任事故", 1, "起", "count"),
    ("增长2倍", 2, "倍", "ratio"),
    ("整治耕地300亩", 300, "亩", "measure"),
])
def test_single_quantities(text: str, value: float, unit: str, kind: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, kind)
    assert figure.text in text


def test_two_figures_without_separator() -> None:
    assert rows("立案37件处分39人") == [("37件", 37, "件", "count"), ("39人", 39, "人", "count")]
    assert rows("旅游3起33人次") == [("3起", 3, "起", "count"), ("33人次", 33, "人次", "count")]


def test_ints_stay_ints_and_decimals_floats() -> None:
    df = find_figures("立案19件，1个半月", PUBLISHED)
    assert isinstance(df.value[0], int) and df.value[0] == 19
    assert df.value[1] == 1.5


# --------------------------------------------------------------------------------------------
# Percentages, bounds and approximations
@pytest.mark.parametrize("text, value, unit, approx, bound, qualifier", [
    ("整改率达到95%以上", 95, "%", False, "min", "以上"),
    ("群众满意度65％以上", 65, "%", False, "min", "以上"),
    ("占比百分之六十五", 65, "%", False, "", ""),
    ("下降3.5个百分点", 3.5, "百分点", False, "", ""),
    ("近百名党员干部参加", 100, "名", True, "max", "近"),
    ("10多个单位", 10, "个", True, "min", "多"),
    ("约3千人次", 3000, "人次", True, "", "约"),
    ("追缴资金100余万元", 1000000, "元", True, "min", "余"),
    ("涉及十几个部门", 10, "个", True, "min", "几"),
    ("几十名干部", 10, "名", True, "min", "几"),
    ("上百人参加", 100, "人", True, "min", "上"),
    ("超过200人", 200, "人", False, "min", "超过"),
    ("不到30天", 30, "天", False, "max", "不到"),
    ("专项巡察按20天左右开展", 20, "天", True, "", "左右"),
    ("累计30余万元", 300000, "元", True, "min", "余"),
    ("将近两成"[:0] + "将近2000人", 2000, "人", True, "max", "将近"),
])
def test_bounds_and_approximations(text: str, value: float, unit: str, approx: bool, bound: str,
                                   qualifier: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit, bool(figure.approx), figure.bound, figure.qualifier) == \
        (value, unit, approx, bound, qualifier)


def test_ranges_of_numbers() -> None:
    figure = one("每组3至5人")
    assert (figure.value, figure.value_max, figure.bound, figure.unit) == (3, 5, "range", "人")
    figure = one("涉及资金3-5万元")
    assert (figure.value, figure.value_max, figure.unit) == (30000, 50000, "元")
    figure = one("三四个单位")
    assert (figure.value, figure.value_max, bool(figure.approx)) == (3, 4, True)


# --------------------------------------------------------------------------------------------
# Durations
@pytest.mark.parametrize("text, value, unit", [
    ("常规巡察按1个半月左右时间开展", 1.5, "月"),
    ("专项巡察按20天左右开展", 20, "天"),
    ("市委巡察工作五年规划", 5, "年"),
    ("用两个月时间", 2, "月"),
    ("历时半年", 0.5, "年"),
    ("半个月内完成整改", 0.5, "月"),
    ("一年半以来", 1.5, "年"),
    ("在3个工作日内", 3, "工作日"),
    ("为期两周", 2, "周"),
    ("連續三個月", 3, "月"),
])
def test_durations(text: str, value: float, unit: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, "duration")


# --------------------------------------------------------------------------------------------
# Dates
@pytest.mark.parametrize("text, earliest, latest, precision", [
    ("2016年3月上旬至5月中旬", date(2016, 3, 1), date(2016, 5, 20), "xun"),
    ("去年11月", date(2016, 11, 1), date(2016, 11, 30), "month"),
    ("去年7月以来", date(2016, 7, 1), date(2016, 7, 31), "month"),
    ("截至今年1月底", date(2017, 1, 21), date(2017, 1, 31), "xun"),
    ("2014年至2015年", date(2014, 1, 1), date(2015, 12, 31), "year"),
    ("2014年1月至2015年10月", date(2014, 1, 1), date(2015, 10, 31), "month"),
    ("2月下旬至6月下旬开展", date(2017, 2, 21), date(2017, 6, 30), "xun"),
    ("2017年4月25日", date(2017, 4, 25), date(2017, 4, 25), "day"),
    ("二〇一六年十二月", date(2016, 12, 1), date(2016, 12, 31), "month"),
    ("2016年底", date(2016, 12, 1), date(2016, 12, 31), "month"),
    ("今年上半年", date(2017, 1, 1), date(2017, 6, 30), "half"),
    ("2017年第一季度", date(2017, 1, 1), date(2017, 3, 31), "quarter"),
    ("4月18日至20日", date(2017, 4, 18), date(2017, 4, 20), "day"),
    ("2014年至今", date(2014, 1, 1), date(2017, 4, 25), "year"),
    ("2014-2016年", date(2014, 1, 1), date(2016, 12, 31), "year"),
    ("2016年3-5月", date(2016, 3, 1), date(2016, 5, 31), "month"),
    ("來源:新聞網 時間:2017-04-25 23:54", date(2017, 4, 25), date(2017, 4, 25), "day"),
])
def test_dates(text: str, earliest: date, latest: date, precision: str) -> None:
    figure = one(text)
    assert figure.kind == "date"
    assert (figure.date_earliest, figure.date_latest, figure.precision) == (earliest, latest, precision)
    assert figure.value == earliest.year


def test_month_without_year_takes_the_sentence_year() -> None:
    df = find_figures("2015年，市纪委开展专项检查；3月至5月集中整改。", PUBLISHED)
    assert list(df.date_earliest) == [date(2015, 1, 1), date(2015, 3, 1)]
    df = find_figures("2015年开展检查。3月至5月集中整改。", PUBLISHED)
    assert df.date_earliest.iloc[-1] == date(2017, 3, 1)  # a new sentence: the publication year


def test_relative_years_need_a_publication_date() -> None:
    figure = one("去年7月", published=None)
    assert figure.kind == "date" and math.isnan(figure.value) and figure.date_earliest is None
    # ... which page furniture supplies when it is there
    figure = find_figures("时间:2017-04-25 23:54\n去年7月", None).iloc[-1]
    assert figure.date_earliest == date(2016, 7, 1)


def test_day_of_month_follows_the_month_named_before() -> None:
    df = find_figures("3月15日，巡察组进驻。20日，召开动员会。", PUBLISHED)
    assert list(df.date_earliest) == [date(2017, 3, 15), date(2017, 3, 20)]
    assert one("历时20日").kind == "duration"


# --------------------------------------------------------------------------------------------
# Ordinals and enumerations are not counts
@pytest.mark.parametrize("text, value, unit, kind", [
    ("第二轮巡察", 2, "轮", "ordinal"),
    ("第一轮9家单位"[:3], 1, "轮", "ordinal"),
    ("首轮巡察", 1, "轮", "ordinal"),
    ("新一轮巡察工作已经启动", 1, "轮", "ordinal"),
    ("通山县委第一巡察组", 1, "巡察组", "ordinal"),
    ("三是实现主次兼顾", 3, "是", "ordinal"),
    ("从一级单位转向二级单位"[:5], 1, "级", "ordinal"),
    ("医院二期项目", 2, "期", "ordinal"),
    ("上一篇:", 1, "篇", "ordinal"),
    ("下一篇: 咸宁市", 1, "篇", "ordinal"),
    ("首次开展", 1, "次", "ordinal"),
    ("党的十八大以来", 18, "大", "ordinal"),
    ("第十八届", 18, "届", "ordinal"),
    ("我市主要采取三个方面措施", 3, "方面", "enumeration"),
    ("市县两级党委", 2, "级", "enumeration"),
    ("第二", 2, "", "ordinal"),
])
def test_ordinals_and_enumerations(text: str, value: int, unit: str, kind: str) -> None:
    figure = one(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, kind)


def test_five_major_fields_is_an_enumeration_not_a_count() -> None:
    figure = one("等“五大领域”列为专项巡察重点")
    assert (figure.value, figure.unit, figure.kind, figure.text) == (5, "领域", "enumeration", "五大领域")


def test_list_markers() -> None:
    df = find_figures("一、总体情况\n（二）主要问题\n2. 整改", PUBLISHED)
    assert list(df.kind) == ["ordinal"] * 3 and list(df.value) == [1, 2, 2]


# --------------------------------------------------------------------------------------------
# Words that merely contain numeral characters
@pytest.mark.parametrize("text", [
    "干部职工对此反映十分强烈", "虚报套取农村五保资金", "通城五里镇政府", "一些单位", "做到一致",
    "统一部署", "一起研究", "同一个单位", "以防万一", "一律清退", "进一步加强", "唯一途径", "深入一线",
    "一把手负责", "三公经费", "采取两规措施", "村两委班子", "纠正四风",
    "人人知晓巡察、人人支持巡察", "一次性补助", "另一方面", "每一名巡察干部",
    "十三五期间", "一岗双责", "两学一做", "散养五保户", "这一轮巡察",
])
def test_words_with_numerals_are_not_quantities(text: str) -> None:
    assert rows(text) == []


def test_traditional_characters() -> None:
    text = "共計發現問題線索52條，處分8人，涉及資金1.2億元，兩個月內完成整改，五里鎮，十分重視，兩規2人，第一輪"
    assert rows(text) == [
        ("52條", 52, "条", "count"), ("8人", 8, "人", "count"), ("1.2億元", 120000000, "元", "amount"),
        ("兩個月", 2, "月", "duration"), ("2人", 2, "人", "count"), ("第一輪", 1, "轮", "ordinal"),
    ]
    assert one("共發現問題3萬個").value == 30000
    assert one("一百餘名幹部").approx


# --------------------------------------------------------------------------------------------
# The project's article
def test_article_figures() -> None:
    df = find_figures(article_text(), PUBLISHED)
    assert list(df.columns) == COLUMNS and set(df.kind) <= set(KINDS)
    found = Counter((r.value, r.unit, r.kind) for r in df.itertuples() if r.kind != "date")
    expected = Counter({
        (409, "条", "count"): 1, (28, "件", "count"): 1, (19, "件", "count"): 1, (2, "人", "count"): 1,
        (8, "人", "count"): 1, (295, "条", "count"): 1, (394, "个", "count"): 1, (34, "家", "count"): 1,
        (25969, "元", "amount"): 1, (1.5, "月", "duration"): 1, (20, "天", "duration"): 1,
        (94, "家", "count"): 1, (22, "家", "count"): 1, (1, "家", "count"): 1, (55, "个", "count"): 1,
        (52, "条", "count"): 1, (59, "条", "count"): 1, (3, "起", "count"): 1, (33, "人次", "count"): 1,
        (11, "人", "count"): 1, (3, "人", "count"): 1, (4, "人", "count"): 1, (5, "名", "count"): 3,
        (2, "名", "count"): 1, (2, "次", "count"): 1, (7, "家", "count"): 2, (2, "家", "count"): 1,
        (5, "家", "count"): 1, (19, "家", "count"): 1, (3, "家", "count"): 1, (9, "家", "count"): 1,
        (13, "家", "count"): 1, (3, "个", "count"): 1, (2, "轮", "count"): 1, (5, "年", "duration"): 2,
    })
    for key, n in expected.items():
        assert found[key] == n, key
    counts = df[df.kind.isin(["count", "amount", "duration"])]
    assert len(counts) == sum(expected.values())  # nothing else is taken for a quantity


def test_article_two_gui_is_not_a_number() -> None:
    text = article_text()
    df = find_figures(text, PUBLISHED)
    at = text.index("两规")
    assert not ((df.start <= at) & (df.end > at)).any()
    assert df[df.text == "2人"].start.iloc[0] == text.index("措施2人") + 2


def test_article_dates() -> None:
    df = find_figures(article_text(), PUBLISHED)
    dates = {r.text: (r.date_earliest, r.date_latest) for r in df.itertuples() if r.kind == "date"}
    assert dates["2014年至2015年"] == (date(2014, 1, 1), date(2015, 12, 31))
    assert dates["2014年1月至2015年10月"] == (date(2014, 1, 1), date(2015, 10, 31))
    assert dates["去年7月以来"] == (date(2016, 7, 1), date(2016, 7, 31))
    assert dates["去年11月"] == (date(2016, 11, 1), date(2016, 11, 30))
    assert dates["今年1月底"] == (date(2017, 1, 21), date(2017, 1, 31))
    assert dates["2017年"] == (date(2017, 1, 1), date(2017, 12, 31))
    assert dates["2016年"] == (date(2016, 1, 1), date(2016, 12, 31))
    assert dates["2月下旬至6月下旬"] == (date(2017, 2, 21), date(2017, 6, 30))
    assert dates["7月上旬至12月下旬"] == (date(2017, 7, 1), date(2017, 12, 31))
    assert dates["2017-04-25 23:54"] == (date(2017, 4, 25), date(2017, 4, 25))


def test_article_dates_without_published_use_the_page_timestamp() -> None:
    with_date = find_figures(article_text(), PUBLISHED)
    inferred = find_figures(article_text())
    pd.testing.assert_frame_equal(with_date, inferred)


def test_article_ordinals() -> None:
    df = find_figures(article_text(), PUBLISHED)
    ordinals = Counter(df[df.kind == "ordinal"].text)
    assert ordinals == Counter({
        "首轮": 4, "第一巡察组": 2, "一是": 1, "二是": 1, "三是": 1, "第一轮": 1, "第二轮": 1, "新一轮": 1,
        "一级": 1, "二级": 2, "二期": 2, "上一篇": 1, "下一篇": 1,
    })
    assert Counter(df[df.kind == "enumeration"].text) == Counter({"三个方面": 1, "两级": 3, "五大领域": 1})


def test_no_ordinal_taken_for_a_count() -> None:
    df = find_figures(article_text(), PUBLISHED)
    quantities = df[~df.kind.isin(["ordinal", "enumeration", "date"])]
    for marker in ("第", "首", "是", "新一", "上一", "下一", "级", "期"):
        assert not quantities.text.str.contains(marker).any(), marker


# --------------------------------------------------------------------------------------------
# Reports from other cities and years (unseen forms)
OTHER_REPORT = """2018年，市委共开展3轮巡察，对42个党组织进行了常规巡察，对15个乡镇、126个村（社区）开展了专项巡察，\
实现一届任期内巡察全覆盖。共发现各类问题1856个，移交问题线索317件，给予党纪政务处分163人，追缴违纪违法资金2300余万元。
截至2019年6月底，已整改问题1702个，整改率达91.7%，清退违规发放津补贴86.3万元。
一、巡察工作的主要做法
（一）坚持政治巡察定位。十九大以来，市委先后召开常委会会议5次研究巡察工作。
2017年以来，全省共查处违反中央八项规定精神问题4,327起，处理5,612人。今年1至5月，受理信访举报1,125件次，同比下降12.6%。
第四巡察组于3月12日进驻，4月30日结束，历时50天，接待来访群众300余人次。
被巡察單位黨組共發現問題一百二十三個，移交問題線索二十七件，追繳資金約五百萬元，整改率達到百分之九十八。
巡察组用两个半月的时间，深入12个乡镇开展走访。发现“四风”问题63个，“一把手”和领导班子问题19个。"""


def test_another_report() -> None:
    df = find_figures(OTHER_REPORT, date(2019, 7, 10))
    got = [(r.text, r.value, r.unit, r.kind) for r in df.itertuples()]
    for expected in [
        ("3轮", 3, "轮", "count"), ("42个", 42, "个", "count"), ("126个", 126, "个", "count"),
        ("一届", 1, "届", "count"), ("1856个", 1856, "个", "count"), ("163人", 163, "人", "count"),
        ("2300余万元", 23000000, "元", "amount"), ("91.7%", 91.7, "%", "percent"),
        ("86.3万元", 863000, "元", "amount"), ("一、", 1, "", "ordinal"), ("（一）", 1, "", "ordinal"),
        ("十九大", 19, "大", "ordinal"), ("5次", 5, "次", "count"), ("4,327起", 4327, "起", "count"),
        ("5,612人", 5612, "人", "count"), ("1,125件次", 1125, "件次", "count"), ("12.6%", 12.6, "%", "percent"),
        ("第四巡察组", 4, "巡察组", "ordinal"), ("50天", 50, "天", "duration"),
        ("300余人次", 300, "人次", "count"), ("一百二十三個", 123, "个", "count"), ("二十七件", 27, "件", "count"),
        ("約五百萬元", 5000000, "元", "amount"), ("百分之九十八", 98, "%", "percent"),
        ("两个半月", 2.5, "月", "duration"), ("63个", 63, "个", "count"), ("19个", 19, "个", "count"),
    ]:
        assert expected in got, expected
    dates = {r.text: (r.date_earliest, r.date_latest) for r in df.itertuples() if r.kind == "date"}
    assert dates == {
        "2018年": (date(2018, 1, 1), date(2018, 12, 31)), "2019年6月底": (date(2019, 6, 21), date(2019, 6, 30)),
        "2017年以来": (date(2017, 1, 1), date(2017, 12, 31)), "今年1至5月": (date(2019, 1, 1), date(2019, 5, 31)),
        "3月12日": (date(2019, 3, 12), date(2019, 3, 12)), "4月30日": (date(2019, 4, 30), date(2019, 4, 30)),
    }
    quantities = df[df.kind != "enumeration"]
    assert not quantities.text.str.contains("八项|四风|一把手").any()
    assert df.loc[df.text == "八项规定", "kind"].tolist() == ["enumeration"]


@pytest.mark.parametrize("text, expected", [
    ("第1、2轮巡察", [("第1、2轮", 1, "轮", "ordinal")]),
    ("第二至第四轮", [("第二至第四轮", 2, "轮", "ordinal")]),
    ("第一，3人被处分", [("第一", 1, "", "ordinal"), ("3人", 3, "人", "count")]),
    ("连任两届，十八届", [("两届", 2, "届", "count"), ("十八届", 18, "届", "ordinal")]),
    ("5日内办结", [("5日", 5, "天", "duration")]),
    ("提前一年完成", [("一年", 1, "年", "duration")]),
    ("最后一轮", [("最后一轮", 1, "轮", "ordinal")]),
    ("当年发现当年整改", []),
    ("2015年查处3人，当年挽回损失", [("2015年", 2015, "", "date"), ("3人", 3, "人", "count"),
                                    ("当年", 2015, "", "date")]),
    ("三分之二以上", [("三分之二以上", 2 / 3, "", "ratio")]),
])
def test_edge_cases(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("建立一人一档，一村一策", []),
    ("开展二次巡察", [("二次", 2, "次", "ordinal")]),
    ("先后两次", [("两次", 2, "次", "count")]),
    ("检查组一行5人", [("5人", 5, "人", "count")]),
    ("问题线索 409 条，整改率 95 %", [("409 条", 409, "条", "count"), ("95 %", 95, "%", "percent")]),
    ("处分黨員逾二百人", [("逾二百人", 200, "人", "count")]),
])
def test_more_edge_cases(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_first_of_january_is_a_date() -> None:
    assert one("一月一日起施行").date_earliest == date(2017, 1, 1)


def test_tenths_are_percentages() -> None:
    figure = one("九成以上的问题已整改")
    assert (figure.value, figure.unit, figure.kind, figure.bound) == (90, "%", "percent", "min")
    assert rows("一成不变") == []
