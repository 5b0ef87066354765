"""helpers.parse.extract on the forms real reports write (issue 11): slogans, idioms and names, ordinals in a
series, mixed numerals and ranges, counted nouns, currency words, noise inside figures, titles.

Every class is tested in simplified and in traditional Chinese, with sentences written for these tests.
Units come out simplified whatever the script (縣 -> 县, 市委書記 -> 市委书记).
"""
from __future__ import annotations

import math
from datetime import date

import pytest

from helpers.parse.extract import find_figures
from helpers.parse.numerals import parse_number

PUBLISHED = date(2021, 6, 30)


def rows(text: str) -> list[tuple]:
    """(text, value, unit, kind) for every figure found."""
    df = find_figures(text, PUBLISHED)
    return list(zip(df.text, df.value, df.unit, df.kind))


def quantities(text: str) -> list[tuple]:
    """(value, unit) of the rows reported as count, amount or percent."""
    df = find_figures(text, PUBLISHED)
    df = df[df.kind.isin(["count", "amount", "percent"])]
    return list(zip(df.value, df.unit))


# --------------------------------------------------------------------------------------------
# Slogans and enumerations: kind enumeration, value kept, never a count
@pytest.mark.parametrize("text, expected", [
    ("全县党员干部要深刻领会“三个代表”重要思想", [("三个代表", 3, "个")]),
    ("協調推進「四個全面」戰略佈局", [("四個全面", 4, "个")]),
    ("落实“两项制度”，推动工作落地", [("两项制度", 2, "项")]),
    ("統籌推進「五位一體」總體佈局", [("五位一體", 5, "位")]),
    ("坚决维护“一个核心”的权威", [("一个核心", 1, "个")]),
    ("打好三大攻坚战，严守六大纪律", [("三大攻坚", 3, "攻坚"), ("六大纪律", 6, "纪律")]),
    ("嚴守六大紀律，落實八項規定精神", [("六大紀律", 6, "纪律"), ("八項規定", 8, "项")]),
    ("严明党的六项纪律，树立四种意识", [("六项纪律", 6, "项"), ("四种意识", 4, "种")]),
    ("做到“两个维护”，增强“四个意识”", [("两个维护", 2, "个"), ("四个意识", 4, "个")]),
    ("運用「四種形態」批評教育幫助", [("四種形態", 4, "种")]),
    ("市委巡察围绕“三个聚焦”开展监督", [("三个聚焦", 3, "个")]),
    ("檢視其四項核心職務：收受人民書狀、彈劾、糾舉", [("四項", 4, "项")]),
    ("违反中央8项规定精神", [("8项规定", 8, "项")]),
    ("我就做好这次巡察工作，强调三点意见", [("三点意见", 3, "点")]),
    ("我就做好這次巡察工作，強調三點意見", [("三點意見", 3, "点")]),
])
def test_slogans_are_enumerations(text: str, expected: list[tuple]) -> None:
    assert rows(text) == [(*e, "enumeration") for e in expected]


@pytest.mark.parametrize("text", [
    "查处违反中央八项规定精神问题3起，处理5人",
    "查處違反中央八項規定精神問題3起，處理5人",
])
def test_a_slogan_next_to_counts_leaves_the_counts_alone(text: str) -> None:
    assert quantities(text) == [(3, "起"), (5, "人")]
    assert [k for _, _, _, k in rows(text)].count("enumeration") == 1


@pytest.mark.parametrize("text", [
    "构建“全市一盘棋、构建一张网、工作一体化”的监督格局",
    "構建「全市一盤棋、構建一張網、工作一體化」的監督格局",
    "采用“一拖五”方式开展村级巡察",
    "形成了“正视一种形势，实施两项创新，做好三项工作”的做法",
    "形成了「正視一種形勢，實施兩項創新，做好三項工作」的做法",
])
def test_numerals_inside_a_quoted_slogan_are_not_counts(text: str) -> None:
    assert quantities(text) == []


# --------------------------------------------------------------------------------------------
# Idioms and proper names: no count, no measure word cut out of a word
@pytest.mark.parametrize("text", [
    "一心一意为群众办实事", "走进千家万户倾听意见", "万众一心抓整改", "三门峡市纪委监委通报",
    "一个个问题得到解决", "一心一意為群眾辦實事", "走進千家萬戶傾聽意見", "萬眾一心抓整改",
    "三門峽市紀委監委通報", "一個個問題得到解決", "一件件实事落地", "五湖四海的干部",
    "这是一个重要方面", "作为一名党员干部", "這是一個新的起點", "查处了一批腐败分子", "查處了一批腐敗分子",
])
def test_idioms_and_names_are_not_counts(text: str) -> None:
    assert rows(text) == []


def test_wan_in_an_idiom_is_no_multiplier() -> None:
    assert rows("万众一心，共处分8人") == [("8人", 8, "人", "count")]
    assert rows("萬眾一心，共處分8人") == [("8人", 8, "人", "count")]


# --------------------------------------------------------------------------------------------
# Ordinals in a series: each an ordinal
@pytest.mark.parametrize("text, expected", [
    ("学习贯彻党的十九届四中、五中全会精神",
     [("十九届", 19, "届"), ("四中", 4, "中"), ("五中全会", 5, "中全会")]),
    ("學習貫徹黨的十九屆四中、五中全會精神",
     [("十九屆", 19, "届"), ("四中", 4, "中"), ("五中全會", 5, "中全会")]),
    ("十八届三中、四中、五中全会", [("十八届", 18, "届"), ("三中", 3, "中"), ("四中", 4, "中"), ("五中全会", 5, "中全会")]),
    ("一届、二届人大代表", [("一届", 1, "届"), ("二届", 2, "届")]),
    ("一屆、二屆人大代表", [("一屆", 1, "届"), ("二屆", 2, "届")]),
    ("第十八届、十九届中央委员", [("第十八届", 18, "届"), ("十九届", 19, "届")]),
])
def test_ordinals_in_a_series(text: str, expected: list[tuple]) -> None:
    assert rows(text) == [(*e, "ordinal") for e in expected]


@pytest.mark.parametrize("text, expected", [
    ("在該市十四屆人大三次會議上", [("十四屆", 14, "届", "ordinal"), ("三次", 3, "次", "ordinal")]),
    ("市委十二届三次全会", [("十二届", 12, "届", "ordinal"), ("三次全会", 3, "次全会", "ordinal")]),
    ("全年召开三次会议", [("三次", 3, "次", "count")]),
    ("华侨新村二期小区改造", [("二期", 2, "期", "ordinal")]),
    ("華僑新村二期小區改造", [("二期", 2, "期", "ordinal")]),
])
def test_numbered_sessions_and_phases(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_terms_served_are_still_counted() -> None:
    assert rows("连任两届") == [("两届", 2, "届", "count")]


# --------------------------------------------------------------------------------------------
# Mixed numerals and ranges
@pytest.mark.parametrize("number, value", [
    ("3万4512", 34512), ("1亿2千万", 120_000_000), ("2亿3456万", 234_560_000), ("3万五千", 35_000),
    ("1亿零500万", 105_000_000), ("3千5百万", 35_000_000), ("1萬2千", 12_000),
])
def test_mixed_numerals(number: str, value: int) -> None:
    assert parse_number(number) == value


def test_a_chinese_digit_after_wan_needs_its_own_multiplier() -> None:
    """10万三年 is 100,000 then three years, never 100,003 years."""
    assert [(t, v, u) for t, v, u, _ in rows("补助10万三年")] == [("三年", 3, "年")]


@pytest.mark.parametrize("text, value, unit", [
    ("全市共有3万4512名党员参加学习", 34512, "名"),
    ("全市共有3萬4512名黨員參加學習", 34512, "名"),
    ("涉及资金1亿2千万元", 120_000_000, "元"),
    ("涉及資金1億2千萬元", 120_000_000, "元"),
    ("共3万4千余人次", 34000, "人次"),
])
def test_mixed_numerals_in_text(text: str, value: int, unit: str) -> None:
    assert quantities(text) == [(value, unit)]


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("每个工作天支付100元至200元回佣", 100, 200, "元"), ("每個工作天支付100元至200元回佣", 100, 200, "元"),
    ("涉案3万元至5万元", 30_000, 50_000, "元"), ("历时3天到5天", 3, 5, "天"),
])
def test_a_range_with_the_measure_word_written_twice(text: str, value: int, value_max: int, unit: str) -> None:
    df = find_figures(text, PUBLISHED)
    assert len(df) == 1
    assert (df.value[0], df.value_max[0], df.unit[0], df.bound[0]) == (value, value_max, unit, "range")


def test_a_count_inside_quoted_speech_stays_a_count() -> None:
    text = "他说：“今年我们一共处理了三个人，还有两个人在调查中，下一步还要继续。”"
    assert quantities(text) == [(3, "个"), (2, "个")]


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("组织五六十人集中学习", 50, 60, "人"), ("組織五六十人集中學習", 50, 60, "人"),
    ("抽查三五个单位", 3, 5, "个"), ("抽查三五個單位", 3, 5, "个"),
    ("涉及两三千元", 2000, 3000, "元"), ("約七八百萬元", 7_000_000, 8_000_000, "元"),
    ("二三十人次", 20, 30, "人次"), ("十五六户", 15, 16, "户"),
])
def test_ranges_give_value_and_value_max(text: str, value: int, value_max: int, unit: str) -> None:
    figure = find_figures(text, PUBLISHED).iloc[0]
    assert (figure.value, figure.value_max, figure.unit, figure.bound) == (value, value_max, unit, "range")
    assert figure.approx


# --------------------------------------------------------------------------------------------
# A counted noun right after the number, and 家 before 中央/中直/中小
@pytest.mark.parametrize("text, expected", [
    ("全县30村开展集中整治", [(30, "村")]),
    ("覆盖15县，涉及3镇5乡", [(15, "县"), (3, "镇"), (5, "乡")]),
    ("覆蓋15縣，涉及3鎮5鄉", [(15, "县"), (3, "镇"), (5, "乡")]),
    ("全县辖8镇1街196个村", [(8, "镇"), (1, "街"), (196, "个")]),
    ("全国31省区市同步开展", [(31, "省区市")]),
    ("巡察2家中央企业、5家中直单位和12家中小企业", [(2, "家"), (5, "家"), (12, "家")]),
    ("巡察2家中央企業、5家中直單位和12家中小企業", [(2, "家"), (5, "家"), (12, "家")]),
    ("在被巡察的5家中，3家存在问题", [(5, "家"), (3, "家")]),
])
def test_counted_nouns(text: str, expected: list[tuple]) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["县委书记在县里开会", "市民拨打12345市民热线", "他家中有老人", "村民代表"])
def test_words_that_start_with_a_counted_noun_are_not_counts(text: str) -> None:
    assert quantities(text) == []


# --------------------------------------------------------------------------------------------
# A number followed by an office or title (headlines): a count of people holding it, the title as unit
@pytest.mark.parametrize("text, expected", [
    ("3市委书记被约谈", [(3, "市委书记")]),
    ("3市委書記被約談", [(3, "市委书记")]),
    ("两县长被免职，5村干部受处分", [(2, "县长"), (5, "村干部")]),
    ("兩縣長被免職", [(2, "县长")]),
    ("4副市长被问责", [(4, "副市长")]),
    ("2名县长被免职", [(2, "名")]),  # with a measure word, the measure word is the unit
])
def test_titles_after_a_number(text: str, expected: list[tuple]) -> None:
    assert quantities(text) == expected


# --------------------------------------------------------------------------------------------
# Currency words
@pytest.mark.parametrize("text, value, unit", [
    ("涉案金额3.2亿元人民币", 320_000_000, "元"), ("涉案金額3.2億元人民幣", 320_000_000, "元"),
    ("受贿300万人民币", 3_000_000, "元"), ("受賄300萬人民幣", 3_000_000, "元"),
    ("收受500万美元", 5_000_000, "美元"), ("收受50万美金", 500_000, "美元"),
    ("另有200万港元", 2_000_000, "港元"), ("另有200萬港幣", 2_000_000, "港元"),
    ("人民币300万元", 3_000_000, "元"), ("承認洗黑錢共6罪", 6, "罪"), ("檢舉人可獲新台幣500萬元獎金", 5_000_000, "元"),
    ("每人3000块钱", 3000, "元"),
])
def test_currency_words(text: str, value: int, unit: str) -> None:
    assert quantities(text) == [(value, unit)]


def test_renminbi_after_yuan_is_part_of_the_figure() -> None:
    assert rows("涉案金额3.2亿元人民币，") == [("3.2亿元人民币", 320_000_000, "元", "amount")]


# --------------------------------------------------------------------------------------------
# Noise between number and measure word
@pytest.mark.parametrize("text, expected", [
    ("发现问题 35 个，处分 12 人", [("35 个", 35, "个"), ("12 人", 12, "人")]),
    ("發現問題 35 個，處分 12 人", [("35 個", 35, "个"), ("12 人", 12, "人")]),
    ("处分12(shí èr)人", [("12(shí èr)人", 12, "人")]),
    ("處分十二（shí èr）人", [("十二（shí èr）人", 12, "人")]),
    ("涉及金额 1.2 亿元", [("1.2 亿元", 120_000_000, "元")]),
    ("处分\u30008\u3000人", [("8\u3000人", 8, "人")]),
    ("处分8\u200b人", [("8\u200b人", 8, "人")]),
])
def test_noise_between_number_and_measure_word(text: str, expected: list[tuple]) -> None:
    assert [(t, v, u) for t, v, u, _ in rows(text)] == expected
    for r in find_figures(text, PUBLISHED).itertuples():
        assert text[r.start:r.end] == r.text


def test_romanisation_inside_a_slogan() -> None:
    assert rows("三(sān)个(gè)代表") == [("三(sān)个(gè)代表", 3, "个", "enumeration")]


def test_spaces_between_two_numbers_are_kept() -> None:
    """A space between two Arabic numbers separates them (table columns), it is not noise."""
    assert quantities("立案 12 15 件") == [(15, "件")]


# --------------------------------------------------------------------------------------------
# A measure word shared by two numbers
@pytest.mark.parametrize("text, expected", [
    ("反贪及行政申诉分别占102及123宗", [(102, "宗"), (123, "宗")]),
    ("反貪及行政申訴分別佔102及123宗", [(102, "宗"), (123, "宗")]),
    ("立案12和15件", [(12, "件"), (15, "件")]),
])
def test_a_bare_number_shares_the_next_measure_word(text: str, expected: list[tuple]) -> None:
    assert quantities(text) == expected


def test_dates_and_ordinals_share_nothing() -> None:
    assert quantities("2017年及2018年，第1、2轮") == []
    assert quantities("共3及5万元") == [(50_000, "元")]


# --------------------------------------------------------------------------------------------
# A passage in each script with every class together
SIMPLIFIED = ("2023年，市委巡察组坚持“两个维护”，围绕“三个聚焦”，对15县30村开展巡察，发现问题1,234个，"
              "移交问题线索3万4512条中的56件，处分十二(shí èr)人，其中3市委书记被约谈；追缴资金1亿2千万元人民币，"
              "另有五六十人受到批评教育。党的十九届四中、五中全会以来，全市一心一意抓整改。")
TRADITIONAL = ("2023年，市委巡察組堅持「兩個維護」，圍繞「三個聚焦」，對15縣30村開展巡察，發現問題1,234個，"
               "移交問題線索3萬4512條中的56件，處分十二(shí èr)人，其中3市委書記被約談；追繳資金1億2千萬元人民幣，"
               "另有五六十人受到批評教育。黨的十九屆四中、五中全會以來，全市一心一意抓整改。")


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL])
def test_a_passage_with_every_class(text: str) -> None:
    df = find_figures(text, PUBLISHED)
    quantity = df[df.kind.isin(["count", "amount", "percent"])]
    assert [(v, u[:1]) for v, u in zip(quantity.value, quantity.unit)] == [
        (15, "县"), (30, "村"), (1234, "个"), (34512, "条"), (56, "件"), (12, "人"),
        (3, "市"), (120_000_000, "元"), (50, "人"),
    ]
    assert not math.isnan(quantity.value_max.iloc[-1])
    assert df[df.kind == "enumeration"].value.tolist() == [2, 3]
    assert df[df.kind == "ordinal"].value.tolist() == [19, 4, 5]
