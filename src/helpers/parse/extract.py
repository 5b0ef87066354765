"""Find every figure in a Chinese inspection report: counts, amounts, percentages, durations, dates.

>>> df = find_figures("立案37件处分39人，收缴违纪款1497.7万元", published=date(2017, 4, 25))
>>> list(zip(df.value, df.unit))
[(37, '件'), (39, '人'), (14977000, '元')]
>>> df = find_figures("市委派出8个巡察组对8个县市区的28家单位开展巡察，移交問題線索409條")
>>> list(zip(df.value, df.unit, df.counted))
[(8, '个', '巡察组'), (8, '个', '县市区'), (28, '家', '单位'), (409, '条', '問題線索')]

One row per quantity, with the columns in :data:`COLUMNS` (see :func:`find_figures`). The command
line ``python -m helpers.extract FILE [--published YYYY-MM-DD]`` writes the same table as CSV;
``python -m helpers.extract CORPUS --out figures.parquet`` runs over a folder, JSON Lines or Parquet
corpus in parallel with Dask (:mod:`helpers.parse.extract_corpus`).

How it works: the text is copied to a *shadow* in which traditional characters (個 萬 億 兩 條 處
...), full-width digits and brackets, and 「」 are replaced one-for-one by simplified / ASCII ones,
and from which noise is cut (:func:`compact`: romanisation in brackets after a character, such as
十二(shí èr)人; zero-width characters; spaces next to a Chinese character); offsets found in the
shadow are mapped back to the text, so ``text[start:end]`` always holds, noise included. One
compiled regular expression with an alternative per form (non-quantity words, slogans, timestamps,
dates and date ranges, ordinals and enumerations, percentages, quantities) is tried at every
character that can start a figure (:func:`iter_matches`); words such as 十分, 五保, 两规 or 一心一意
are matched first and dropped, so their numeral characters are never read as numbers. Numbers are
parsed by :mod:`helpers.parse.numerals`, dates by :mod:`helpers.parse.dates`. A quantity needs a number followed
by a measure word, a currency, a counted noun or a title (or %); the word lists live in
:mod:`helpers.parse.extract_lexicon`.

Conventions:

* ``unit`` is simplified and canonical whatever the script: 萬元/万元/亿元/万元人民币/万人民币 -> 元
  (value multiplied; 3.2亿元人民币 is one row whose text includes 人民币), 美金 -> 美元, 港币/港幣 ->
  港元, 块钱 -> 元, 個 -> 个, 1个半月 -> 1.5 月, 周岁 -> 岁, 5日内 -> 5 天. A currency named before
  the number (人民币300万元, 港幣10萬元, 新台幣589萬元) leaves the written measure word 元 as unit.
* Numbers: Arabic, full-width, Chinese and mixed (3万4512 = 34512, 1亿2千万 = 120000000,
  3万五千 = 35000). Two neighbouring digits are a range with ``value_max`` and ``bound`` ``range``:
  三四个 (3-4), 五六十人 (50-60), 十五六岁 (15-16), 两三千元 (2000-3000); 三五个 (3-5) and 一两 too.
  A bare number before 及/和/与/或/、 shares the next figure's measure word (102及123宗: two rows).
* Counted nouns: a number directly followed by a noun it counts, with no measure word (30村, 15县,
  3镇5乡, 8县市区, 31省区市), is a ``count`` with the noun as unit. Chinese numerals count a noun
  only from 两/二 up and not after 第/每/各 (一县一品 is a slogan).
* Titles: a number directly followed by an office or title, as headlines write (3市委书记被约谈,
  两县长被免职, 5村干部, 4副市长), is a ``count`` of the people holding it, the title as unit. With a
  measure word (2名县长) the measure word stays the unit.
* 家 after a number is always the measure word, also before 中央/中直/中小 (5家中直单位; 家中 "at home"
  has no number before it).
* ``kind`` ``enumeration`` (value kept, never a count) covers slogans and announced sets: 三个代表,
  四个全面, 两个维护, 一个核心, 两项制度, 八项规定, 六项纪律, 四种形态, 五位一体, 三点意见, N大X (三大攻坚战,
  六大纪律, 五大领域: value 5, unit 领域, the two characters after 大), any Chinese numeral with 个/项/
  种/位/条/类/支 right after an opening quotation mark (“三个聚焦”), a count in Chinese numerals inside
  a short quotation (“构建一张网”), one that announces a list before a colon (四项核心职务：…),
  三个方面, and 市县两级 (levels listed before it).
* ``kind`` ``ordinal`` covers 第N, 首轮, 新一轮, 上一篇, 一是, （一）, 一级/二级, 二期项目, 十八大, 十八届,
  三中全会, 二次巡察, 1号文件, 95周年, and each member of a series: 十九届四中、五中全会 gives 十九届,
  四中 and 五中全会; 一届、二届 gives two ordinals. ``count`` covers 一届/两届 alone (terms served).
* Not figures (no row at all): idioms and proper names (一心一意, 千家万户, 万众一心, 五湖四海,
  三门峡, 五台山), reduplication (一个个, 一件件), 一批 ("a batch of"), and 一个/一名/一种 as the
  article "a" (是一个, 作为一名, 一个重要方面); other uses of 一 with a measure word are counts of one
  (其中一名).
* Dates: ``value`` is the year of ``date_earliest``; a range (至/到/-) is one row from the start's
  earliest to the end's latest day, with the coarser precision. A month without a year takes the
  last year named earlier in the same sentence, else the publication year. 以来/以后 set
  ``bound`` ``min``, 以前/前 ``max``.
* ``approx`` is true for 约 近 多 余 来 几 数 上 左右 许 逾, and for the ranges 三四个 and 五六十人.
  不到/不足 set ``bound`` ``max`` as 近 does (不到300字: 300 字, bound max), 逾/超过 ``min``.
* ``counted`` (counts only; empty for amounts of 元, durations, percentages, dates, ordinals) is the
  noun phrase the count counts, copied from the text in its own script (traditional stays
  traditional): the noun after the figure up to a verb, link or punctuation (8个巡察组对… -> 巡察组,
  2,001宗貪污投訴 -> 貪污投訴), else the one before it after the last verb or scope word, links such
  as 有/共 skipped (移交问题线索409条 -> 问题线索, 贪污投诉有451宗 -> 贪污投诉, 人口40万 -> 人口), taken
  only if it ends like a noun; a counted noun is its own (30村 -> 村). Empty where the figure counts
  the times a verb was done (立案37件, 处分39人, 听取汇报10次). The word lists are in
  :mod:`helpers.parse.extract_lexicon` (``COUNTED_*``); on held-out passages it equals a hand label for
  89 % of the figures and one contains the other for 93 %.
* Bare numbers: a number with no measure word before a noun of people or accounts (共清退2万冒领人员,
  核查2千账户: ``BARE_HEADS``) or after 人口 (人口52万) is a ``count`` with an empty unit and the noun
  in ``counted``. 一个半月 after 为 (时间为一个半月) is 1.5 months, not the article "a".
* Non-counts: reduplicated measure words (一座座桥梁, 一个个) and idioms (放一百个心) give no row, like
  the other idioms; staffing rules 1组托2县 / 一组带两县 are one ``enumeration`` row (a slogan), never
  two counts.
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from . import extract_lexicon as lex
from .dates import RELATIVE_YEARS, DateInterval, DateParseError, parse_date, parse_date_range
from ..base.errors import DataError
from .numerals import DIGITS, NumeralError, parse_number

#: Output columns, in order.
COLUMNS: list[str] = [
    "value", "unit", "start", "end", "text", "kind", "approx", "qualifier", "bound", "value_max",
    "date_earliest", "date_latest", "precision", "counted",
]
#: Values of the ``kind`` column.
KINDS: tuple[str, ...] = (
    "count", "amount", "percent", "duration", "measure", "ratio", "date", "ordinal", "enumeration",
)
NAN = math.nan
ENUMERATION = "enumeration"
#: Measure words after which 四项核心职务：… announces a list (a count of people before a colon stays a count).
LIST_UNITS = frozenset("个项种条类点")
SESSION_RE = re.compile("会议|全会|全体会议|大会|会")
#: A slogan is a quotation of at most this many characters, within one sentence (“正视一种形势，实施两项创新”).
QUOTE_SPAN = 32
QUOTE_BREAK_RE = re.compile("[”。！？!?：:\n]")
QUOTE_END_RE = re.compile("[^“”。！？!?：:\n]*[”\"]")

# ------------------------------------------------------------------------------------------------
# Building blocks of the pattern (all matched against the shadow text)
_CJK = "\u4e00-\u9fff"
_ARABIC = (r"(?<![A-Za-z0-9.])[0-9]+(?:[,，][0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
           r"(?:[十百千万亿]+(?:(?:[0-9]+|零[0-9]+)[十百千万亿]*|[一二两三四五六七八九][十百千万亿]+)*)?")  # 3万4512, 1亿2千万
_CN = ("(?<![0-9])[零〇一二两俩仨三四五六七八九十百千万亿]+"  # never right after an Arabic digit (10万三年)
       "(?:点[零〇一二三四五六七八九]+(?=[万亿]))?[万亿]?")  # 十四点二六亿 (a decimal only before 万/亿)
_NUM = rf"(?:(?:几|数|上)(?=[十百千万亿]))?(?:{_ARABIC}|{_CN})"
_SEP = "至|到|—|-|~|～|－"


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _units_pattern() -> str:
    """Measure words with their negative lookaheads, longest first."""
    parts = []
    for word in sorted(lex.UNITS, key=len, reverse=True):
        lookahead = lex.UNITS[word][2]
        parts.append(re.escape(word) + (f"(?!{lookahead})" if lookahead else ""))
    return "|".join(parts)


def _lookbehinds(words: tuple[str, ...]) -> str:
    """Lookbehinds for words of any length (Python's need a fixed width: one per length)."""
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(re.escape(w))
    return "|".join(f"(?<={'|'.join(ws)})" for _, ws in sorted(by_length.items()))


def _nouns_pattern() -> str:
    """Nouns counted without a measure word (30村, 15县), with their negative lookaheads, longest first."""
    return "|".join(re.escape(w) + (f"(?!{lex.COUNTED_NOUNS[w]})" if lex.COUNTED_NOUNS[w] else "")
                    for w in sorted(lex.COUNTED_NOUNS, key=len, reverse=True))


_YEAR = r"(?:(?<![0-9])(?:1[89]|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年"
_REL = "前年|去年|上年|今年|本年|明年|当年|同年|次年|翌年"
_MONTH = (r"(?:(?<![0-9])(?:1[0-2]|0?[1-9])|(?<![一二三四五六七八九十百千万两零〇])(?:十[一二]|十|[一二三四五六七八九]))"
          r"月份?")
_DAY = (r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])|三十一|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?"
        r"|[一二三四五六七八九])[日号]")
_PART = r"(?:上旬|中旬|下旬|初|底|末|中(?=[，,。；;、\s]|$))"
_YPART = r"(?:上半年|下半年|底|末|初|度|第?[一二三四1-4]季度)"
_YPART_ALONE = r"(?:上半年|下半年|年底|年初|年末|(?<![0-9个])第?[一二三四1-4]季度)"
_DATE1 = (rf"(?:(?:{_YEAR}|{_REL})(?:{_MONTH}(?:{_DAY}|{_PART})?|{_YPART})?"
          rf"|{_MONTH}(?:{_DAY}|{_PART})?|{_YPART_ALONE})")
_DAY_ONLY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])[日号]"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"

_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_SKIP = "|".join([
    _alternation(lex.NON_QUANTITY_WORDS),
    "十分(?!钟)",
    rf"一(?!月)(?![{_NUMERAL_CHARS}])[{_CJK}]一(?![{_NUMERAL_CHARS}])[{_CJK}]",  # 一人一档, 一心一意 (not 一百一十九)
    r"一(?P<dup>[个件条项次批名位家起份张笔道步片层座栋幢户所间处场台辆棵排根块封篇首本口轮宗笔支队群])(?P=dup)",  # 一个个, 一座座
    rf"(?:{_lookbehinds(lex.ARTICLE_LEADERS)})一(?:个|种|项|位|名|次|条|件|家|批|份|处|支|张|套|场|所|台)"
    r"(?!半|多|月|小时|钟头|工作日|星期|季度|百分点)",
    rf"一(?:个|种|项|位|名|次|条|件|家|批|份|处|支|张|套|场|所|台)(?:{lex.ARTICLE_FOLLOWERS})",
    rf"一起(?![^，。；,;：:\n]{{0,8}}?(?:{lex.CASE_NOUNS}))",
])

_PATTERN = rf"""
(?P<skip>{_SKIP})
|(?P<ts>(?<![0-9])(?P<ts_y>(?:19|20)[0-9]{{2}})(?P<ts_s>[-/.])(?P<ts_m>1[0-2]|0?[1-9])(?P=ts_s)
    (?P<ts_d>3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:[ T]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)?)
|(?P<d>(?:
     (?P<d_y1>(?<![0-9])(?:1[89]|20)[0-9]{{2}})(?:-|—|～|~)(?P<d_y2>(?:1[89]|20)[0-9]{{2}})年
    |(?P<d_my>{_YEAR}|{_REL})?(?<![0-9])(?P<d_m1>{_MONTH_NUM})(?:{_SEP})(?P<d_m2>{_MONTH_NUM})月份?
    |(?P<d_a>{_DATE1})(?:(?P<d_sep>{_SEP})(?P<d_b>{_DATE1}|{_DAY_ONLY}|今(?![年后天日])))?
  )(?P<d_post>以来|以前|之前|以后|之后|期间|前|后)?)
|(?P<do>(?<![0-9月])(?P<do_n>3[01]|[12][0-9]|0?[1-9])(?![0-9])日(?![元报本]))
|(?P<sl>(?=[一二两三四五六七八九十0-9][一二两三四五六七八九十0-9]?[一二两三四五六七八九十0-9]?[个项种位条点])(?P<sl_n>[一二两三四五六七八九十]{{1,3}}|[0-9]{{1,2}}(?=项规定|点))(?:(?P<sl_ge>个)(?P<sl_ge_w>{lex.SLOGAN_WORDS["个"]})
    |(?P<sl_x>项)(?P<sl_x_w>{lex.SLOGAN_WORDS["项"]})|(?P<sl_z>种)(?P<sl_z_w>{lex.SLOGAN_WORDS["种"]})
    |(?P<sl_w>位)一体|(?P<sl_d>点)(?P<sl_d_w>{lex.SLOGAN_WORDS["点"]})|(?P<sl_t>条)(?P<sl_t_w>{lex.SLOGAN_WORDS["条"]})(?![0-9])))
|(?P<slq>(?<=[“"《‘])(?P<slq_n>[一二两三四五六七八九十]{{1,3}})(?P<slq_u>个|项|种|位|条|类|支|化|张)
    (?=[{_CJK}、]{{1,10}}[”"》’]))
|(?P<di>第(?P<di_n>{_ARABIC}|{_CN})(?:(?:、|{_SEP})第?(?P<di_n2>{_ARABIC}|{_CN}))*
    (?:(?P<di_u>{lex.ORDINAL_UNITS})|(?P<di_org>[{_CJK}]{{0,4}}?(?:组|队)))?)
|(?P<sh>首(?P<sh_u>轮次|批次|轮|次|批|家|个|届|期|位|名|站|场|例|单|款|条|项|件|笔|套|日|年|季|月|周))
|(?P<r1>(?:新|(?<![会网线台场马晚早])[上下]|头|最后|(?<![提目当此之以从往向面眼跟日超])前)一(?P<r1_u>{lex.ORDINAL_UNITS}))
|(?P<shi>(?<![{_CJK}0-9A-Za-z])(?P<shi_n>[一二三四五六七八九十]{{1,3}})(?P<shi_w>是|要|抓|来|则)(?=[{_CJK}“"《]))
|(?P<qi>其(?P<qi_n>[一二三四五六七八九十])(?![{_CJK}]))
|(?P<li>[（(](?P<li_n>[一二三四五六七八九十]{{1,3}}|[0-9]{{1,2}})[)）])
|(?P<ln>(?:(?<![\s\S])|(?<=\n)|(?<=\n[ \t])|(?<=\n[ \t]{{2}})|(?<=\n[ \t]{{4}}))
    (?P<ln_n>[一二三四五六七八九十]{{1,3}}|[0-9]{{1,2}})[、.](?![0-9]))
|(?P<cg>(?P<cg_n>十[一二三四五六七八九]|[二三]十[一二三四五六七八九]?)大)
|(?P<zq>(?P<zq_n>[一二三四五六七八九])(?P<zq_u>中全会|次全会|次全体会议|次党代会|中(?=、[一二三四五六七八九]中)
    |次(?=、[一二三四五六七八九]次全)))
|(?P<lv>(?P<lv_n>{_ARABIC}|{_CN})级(?!别))
|(?P<ph>(?P<ph_n>{_ARABIC}|{_CN})期(?=项目|工程|建设|改造|扩建|用地|小区|厂房|园区|道路|楼盘|地块|安置|住宅|码头|机场))
|(?P<en>(?P<en_n>{_ARABIC}|{_CN})个?(?P<en_u>方面|层面))
|(?P<bg>(?<!十)(?P<bg_n>[二两三四五六七八九])大(?P<bg_u>类|(?![{lex.BIG_STOP_CHARS}])[{_CJK}]{{2}}))
|(?P<sg>(?P<sg_n>[0-9]{{1,2}}|[一二两三四五六七八九十]{{1,2}})(?P<sg_u>{lex.SLOGAN_PAIR_UNITS})(?:{lex.SLOGAN_PAIR_VERBS})
    (?:[0-9]{{1,2}}|[一二两三四五六七八九十]{{1,2}})(?:{lex.SLOGAN_PAIR_UNITS}))
|(?P<pc>(?P<pc_pre>{_alternation(list(lex.PREFIX_QUALIFIERS))})?百分之(?P<pc_n>{_NUM})
    (?P<pc_post>以上|以下|左右)?)
|(?P<fr>(?P<fr_d>{_NUM})分之(?P<fr_n>{_NUM})(?P<fr_post>以上|以下|左右)?)
|(?P<hf>(?P<hf_pre>近|约|大约)?半(?:个(?P<hf_gu>月|小时|钟头|工作日|星期)|(?P<hf_u>年|天|小时|日|周)(?!度)))
|(?P<q>(?P<q_pre>{_alternation(list(lex.PREFIX_QUALIFIERS))})?
    (?P<q_n>{_NUM})(?:(?P<q_sep>{_SEP})(?P<q_n2>{_NUM}))?
    (?:(?<=[0-9])[ ])?(?P<q_mid>多|余|来|几|许)?(?P<q_mult>[十百千万亿]+)?(?:(?<=[0-9])[ ])?
    (?:(?P<q_ge>个)(?P<q_mid2>多)?(?P<q_half>半)?(?P<q_gu>{_alternation(list(lex.AFTER_GE))})?
      |(?P<q_unit>{_units_pattern()})(?P<q_tenth>(?<=成)[一二三四五六七八九](?![十百千万亿成]))?(?P<q_half2>(?<=[年天时])半)?(?P<q_rmb>(?<=元)人民币)?
        (?:(?:至|到|—|～|~|-)(?P<q_n3>{_ARABIC}|{_CN})(?P=q_unit))?
      |(?P<q_noun>{lex.TITLE_NOUNS}|{_nouns_pattern()}))
    (?P<q_post>以上|之多|以下|以内|之内|左右|许|(?<=[年月天时周])[多余])?)
|(?P<bn>(?P<bn_pre>{_alternation(list(lex.PREFIX_QUALIFIERS))})?
    (?P<bn_n>(?<![A-Za-z0-9.])[0-9]+(?:\.[0-9]+)?[十百千万亿]*|(?<![0-9])[一二两三四五六七八九]?[十百千万亿]*[十百千万亿])(?P<bn_mid>多|余)?
    (?=[{_CJK}]{{0,4}}?(?:{lex.BARE_HEADS})))
|(?P<bp>(?:(?<=人口)|(?<=人口为)|(?<=人口达)|(?<=人口有)|(?<=人口是))(?P<bp_pre>{_alternation(list(lex.PREFIX_QUALIFIERS))})?
    (?P<bp_n>{_NUM})(?P<bp_mid>多|余)?(?P<bp_mult>[十百千万亿]*)(?P<bp_post>多|余)?(?=[^{_CJK}0-9.]|$|人))
"""
FIGURE_RE = re.compile(_PATTERN, re.VERBOSE)
#: Every character a match of FIGURE_RE can start with. Scanning for these first and trying
#: FIGURE_RE only there is several times faster than ``finditer`` trying every alternative at
#: every position (tests check that both give the same matches).
START_CHARS = "".join(sorted(set(
    "0123456789零〇一二两俩仨三四五六七八九十百千万亿几数上第首新下头最前后其（(去今本明当同次翌年半"
    + "".join(w[0] for w in lex.NON_QUANTITY_WORDS)
    + "".join(w[0] for w in lex.PREFIX_QUALIFIERS)
)))
START_RE = re.compile(f"[{re.escape(START_CHARS)}]")
SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
YEAR_IN_TEXT_RE = re.compile(rf"{_YEAR}|{_REL}")
PUBLISHED_RE = re.compile(
    r"(?:发布时间|发表时间|发布日期|时间|日期)\s*[:：]\s*((?:19|20)[0-9]{2})[-/.年]([01]?[0-9])[-/.月]([0-3]?[0-9])")
#: Relative years that need the publication date; 当年/同年/次年/翌年 need the sentence's year.
REFERENCE_YEARS = tuple(w for w in RELATIVE_YEARS if w != "当年")
CONTEXT_YEARS: dict[str, int] = {"当年": 0, "同年": 0, "次年": 1, "翌年": 1}
DURATION_CUES = ("历时", "用时", "为期", "耗时", "连续", "持续", "共", "近", "约", "达", "仅", "每", "内")
PLACE_SUFFIXES = "镇乡庄屯寨渠店铺坪"
ADMIN_LEVEL_CHARS = "省市县区乡镇村组"
TRAILING_MULTIPLIER_RE = re.compile("[十百千万亿萬億]+$")
#: A bare number right before 及/和/与/或/、 and the next figure (102及123宗).
SHARED_UNIT_RE = re.compile(r"(?<![0-9A-Za-z.,，%])([0-9]+(?:\.[0-9]+)?)(?:及|和|与|與|或|、)$")
#: 三四个, 五六十人, 十五六岁, 三五个, 两三千元: two neighbouring digits give a range (value, value_max).
APPROX_RANGE_RE = re.compile("(?P<pre>[一二两三四五六七八九十百千万亿零]*[十百千万亿])?"
                             "(?P<a>[一二两三四五六七八九])(?P<b>[一二两三四五六七八九])(?P<mult>[十百千万亿]*)$")
PRECISION_ORDER = ("day", "xun", "month", "quarter", "half", "year")
#: The ``counted`` column (see :meth:`_Extractor._counted`).
COUNTED_SPAN = 12
_RIGHT_STOP_RE = re.compile(f"{lex.COUNTED_RIGHT_STOPS}|[^{_CJK}]")
_LEFT_STOP_RE = re.compile(f"(?:{lex.COUNTED_LEFT_STOPS})(?=[{_CJK}]*$)|[^{_CJK}]")
_LINKS_RE = re.compile(f"(?:{'|'.join(lex.COUNTED_LINKS)})$")


#: Noise that page converters put inside figures: romanisation in brackets after a character
#: (12(shí èr)人, 三(sān)个), zero-width characters, and spaces next to a Chinese character
#: (发现问题 35 个). It is cut out of the shadow before matching; offsets are mapped back.
_PINYIN = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_ROMAN = rf"\([ \t]*[{_PINYIN}][{_PINYIN}0-9 \t'’·-]*\)"
NOISE_RE = re.compile(rf"{_ROMAN}|[ \t]+(?:{_ROMAN})?|[\u200b\u200c\u200d\u2060\ufeff\xad]")
_CJK_OR_DIGIT_RE = re.compile(f"[{_CJK}0-9]")
_BEFORE_SPACE_RE = re.compile(f"[{_CJK}0-9%.,，、]")


def _is_noise(shadow: str, start: int, end: int) -> bool:
    """Whether a candidate of :data:`NOISE_RE` is noise: brackets after a character or digit, zero-width
    characters, spaces between a character and a character or digit."""
    before = shadow[start - 1] if start else ""
    after = shadow[end] if end < len(shadow) else ""
    if shadow[end - 1] == ")":
        return bool(before) and _CJK_OR_DIGIT_RE.match(before) is not None
    if shadow[start] not in " \t":
        return True
    if not before or not after:
        return False
    if "\u4e00" <= after <= "\u9fff":
        return _BEFORE_SPACE_RE.match(before) is not None
    return "\u4e00" <= before <= "\u9fff" and after.isdigit()


def compact(shadow: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """The shadow without noise (see :func:`_is_noise`) and the map back: for each kept piece, its
    start in the compact text and in ``shadow``; ``None`` when there is no noise."""
    spans = [m.span() for m in NOISE_RE.finditer(shadow) if _is_noise(shadow, *m.span())]
    if not spans:
        return shadow, None
    pieces: list[str] = []
    compact_starts, shadow_starts = [0], [0]
    pos = size = 0
    for start, end in spans:
        pieces.append(shadow[pos:start])
        size += start - pos
        compact_starts.append(size)
        shadow_starts.append(end)
        pos = end
    pieces.append(shadow[pos:])
    return "".join(pieces), (compact_starts, shadow_starts)


def iter_matches(shadow: str) -> Iterator[re.Match]:
    """The same matches as ``FIGURE_RE.finditer(shadow)``, found faster via :data:`START_RE`."""
    search, match = START_RE.search, FIGURE_RE.match
    pos, size = 0, len(shadow)
    while pos < size:
        candidate = search(shadow, pos)
        if candidate is None:
            return
        pos = candidate.start()
        m = match(shadow, pos)
        if m is None:
            pos += 1
        else:
            yield m
            pos = max(m.end(), pos + 1)


# ------------------------------------------------------------------------------------------------
# Rows
def _row(value: Any, unit: str, start: int, end: int, kind: str, *, approx: bool = False,
         qualifier: str = "", bound: str = "", value_max: float = NAN,
         earliest: date | None = None, latest: date | None = None, precision: str = "") -> dict:
    """One output row (``text`` is filled in by the caller from the original text)."""
    return {"value": value, "unit": unit, "start": start, "end": end, "kind": kind, "approx": approx,
            "qualifier": qualifier, "bound": bound, "value_max": value_max,
            "date_earliest": earliest, "date_latest": latest, "precision": precision}


def _qualify(words: list[str | None], table: dict[str, str]) -> tuple[bool, str, str]:
    """(approx, qualifier, bound) from the qualifier words present, e.g. ['近', None] -> (True, '近', 'max')."""
    present = [w for w in words if w]
    bound = ""
    for word in present:
        bound = table.get(word, lex.SUFFIX_QUALIFIERS.get(word, lex.MID_QUALIFIERS.get(word, ""))) or bound
    return any(w in lex.APPROX_WORDS for w in present), "+".join(present), bound


# ------------------------------------------------------------------------------------------------
# Numbers
def _is_digit_run(chars: str) -> bool:
    """True when ``chars`` are only Chinese digits (no 十百千万亿), e.g. 三四 or 一九九八."""
    return all(c in DIGITS for c in chars)


def parse_quantity_number(number: str, multiplier: str = "") -> tuple[int | float, float, str]:
    """Parse a number as extracted: (value, upper value or NaN, fuzzy prefix or "").

    ``几十``/``数百``/``上千`` are fuzzy (value = the power of ten, prefix 几/数/上); ``三四`` and
    ``一两`` are ranges (3, 4.0); other runs of bare Chinese digits longer than one (一一, 一九九八)
    are not quantities and raise :class:`NumeralError`. ``multiplier`` (万, 亿 ...) written after
    多/余 (10多万) is applied.
    """
    prefix = ""
    if number[:1] in ("几", "数", "上") and len(number) > 1:
        prefix, number = number[0], number[1:]
    approx_range = APPROX_RANGE_RE.match(number)
    if approx_range:
        pre, a, b, mult = approx_range.group("pre", "a", "b", "mult")
        if DIGITS[b] == DIGITS[a] + 1 or a + b in ("一两", "三五"):
            low = parse_number(f"{pre or ''}{a}{mult}{multiplier}")
            return low, float(parse_number(f"{pre or ''}{b}{mult}{multiplier}")), ""
    if number[:1] in DIGITS and _is_digit_run(number) and len(number) > 1:
        low, high = (DIGITS[c] for c in number[:2])
        raise NumeralError(f"{number!r} is not a quantity")
    return parse_number(number + multiplier), NAN, prefix


def _shared_multiplier(low: str, high: str) -> str:
    """The 万/亿 written only after a range's upper end (3-5万元) that also applies to its lower end."""
    if TRAILING_MULTIPLIER_RE.search(low):
        return ""
    m = TRAILING_MULTIPLIER_RE.search(high)
    return m.group() if m else ""


# ------------------------------------------------------------------------------------------------
# The extractor
class _Extractor:
    """State for one pass over a text: publication date, sentence years, last month named."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.shadow, self.pieces = compact(text.translate(lex.SHADOW_TABLE))
        self.published = published
        self.sentence_ends = [m.end() for m in SENTENCE_END_RE.finditer(self.shadow)]
        self.sentence_years: dict[int, int] = {}
        self.last_month: tuple[int, int] | None = None
        self.handlers: dict[str, Callable[[re.Match], dict | None]] = {
            "ts": self._timestamp, "d": self._date, "do": self._day_only, "di": self._di,
            "sh": self._shou, "r1": self._relative_one, "shi": self._shi, "qi": self._qi, "li": self._list,
            "ln": self._line_marker, "cg": self._congress, "zq": self._plenum, "lv": self._level,
            "ph": self._phase, "en": self._enumeration, "bg": self._big, "pc": self._percent_words,
            "fr": self._fraction, "hf": self._half, "q": self._quantity, "sl": self._slogan, "slq": self._slogan,
            "sg": self._pair_slogan, "bn": self._bare_before_noun, "bp": self._bare_after_noun,
        }
        self.full_shadow = text.translate(lex.SHADOW_TABLE)

    def rows(self) -> list[dict]:
        """All rows, in text order."""
        found: list[dict] = []
        starts, origins = self.pieces or ([0], [0])
        piece, last_piece = 0, len(starts) - 1
        for m in iter_matches(self.shadow):
            handler = self.handlers.get(m.lastgroup or "")
            if handler is None:
                continue
            try:
                row = handler(m)
            except (ValueError, ArithmeticError, KeyError, IndexError, RecursionError):
                row = None  # a match this extractor cannot read is left out, never raised
            if row is not None:
                if last_piece:  # back to offsets in the text, noise included (rows come in order)
                    start, last = row["start"], row["end"] - 1
                    while piece < last_piece and starts[piece + 1] <= start:
                        piece += 1
                    row["start"] = origins[piece] + start - starts[piece]
                    end_piece = piece
                    while end_piece < last_piece and starts[end_piece + 1] <= last:
                        end_piece += 1
                    row["end"] = origins[end_piece] + last - starts[end_piece] + 1
                row["counted"] = self._counted(row)
                shared = self._shared_unit(row, found[-1]["end"] if found else 0)
                if shared is not None:
                    shared["counted"] = row["counted"]
                    found.append(shared)
                row["text"] = self.text[row["start"]:row["end"]]
                found.append(row)
        return found

    def _shared_unit(self, row: dict, previous_end: int) -> dict | None:
        """102及123宗: the bare number before 及/和/与/或/、 shares the measure word of the figure after it."""
        if row["kind"] not in (lex.COUNT, lex.AMOUNT, lex.PERCENT) or row["qualifier"] or row["bound"]:
            return None
        start = row["start"]
        if start < 2 or self.text[start - 1] not in "及和与與或、":
            return None
        m = SHARED_UNIT_RE.search(self.full_shadow, max(previous_end, start - 16), start)  # ０及0宗 too
        if m is None or not m.group(1).isdigit() and "." not in m.group(1):
            return None
        if TRAILING_MULTIPLIER_RE.search(self.text[row["start"]:row["end"]].rstrip(row["unit"])):
            return None  # 3及5万元: the multiplier's reach is unclear
        shared = _row(parse_number(m.group(1)), row["unit"], m.start(1), m.end(1), row["kind"])
        shared["text"] = self.text[m.start(1):m.end(1)]
        return shared

    def _counted(self, row: dict) -> str:
        """What a count counts, in the text's own script: the noun a counted-noun row names (30村 -> 村),
        else the noun phrase right after the figure up to a verb, link or punctuation (8个巡察组对… ->
        巡察组), else the one right before it after the last verb or scope word (移交问题线索68件 ->
        问题线索; links such as 有/共 skipped), taken only if it ends like a noun. Empty for other kinds,
        and where the figure counts the occurrences of a verb (立案37件, 处分39人)."""
        if row["kind"] != lex.COUNT:
            return ""
        start, end, unit = row["start"], row["end"], row["unit"]
        shadow = self.full_shadow
        if unit and unit not in lex.UNITS and unit != "个":  # 30村, 3市委书记: the noun is the unit
            at = shadow.rfind(unit, start, end)
            if at >= 0:
                return self.text[at:at + len(unit)]
        right = shadow[end:end + COUNTED_SPAN]
        stop = _RIGHT_STOP_RE.search(right)
        size = stop.start() if stop else len(right)
        if size == COUNTED_SPAN:  # no end within reach: the phrase would be cut
            size = 0
        if size >= 1 and not (size == 1 and right[0] in "次名人个"):
            return self.text[end:end + size]
        if unit == "次":  # 听取汇报10次: the times something was done, not a noun before
            return ""
        window = shadow[max(0, start - 2 * COUNTED_SPAN):start]
        left = _LINKS_RE.sub("", window)
        cut = None
        for m in _LEFT_STOP_RE.finditer(left):
            cut = m.end()
        if cut is None and len(window) == 2 * COUNTED_SPAN:
            return ""  # no start found within reach: the phrase would be cut
        phrase = left[cut or 0:]
        if 2 <= len(phrase) <= COUNTED_SPAN and phrase[-1] in lex.NOUN_FINALS:
            first = start - len(window) + (cut or 0)
            return self.text[first:first + len(phrase)]
        return ""

    # --- helpers ------------------------------------------------------------------------------
    def _sentence(self, pos: int) -> int:
        """Index of the sentence containing ``pos``."""
        return bisect.bisect_right(self.sentence_ends, pos)

    def _number(self, chars: str) -> int | float:
        """A plain numeral (ordinals, enumerations)."""
        return parse_number(chars)

    # --- dates --------------------------------------------------------------------------------
    def _resolve(self, a: str, b: str | None, pos: int) -> tuple[DateInterval, DateInterval] | None:
        """Parse a date (or range ``a``..``b``) with the sentence's year as default, or None."""
        sentence = self._sentence(pos)
        context_year = self.sentence_years.get(sentence)
        texts = [a] if b is None else [a, b]
        for i, t in enumerate(texts):
            for word, offset in CONTEXT_YEARS.items():
                if t.startswith(word):
                    if context_year is None:
                        return None
                    texts[i] = f"{context_year + offset}年{t[len(word):]}"
        joined = "至".join(texts)
        needs_reference = any(w in joined for w in REFERENCE_YEARS) or (b is not None and b.startswith("今"))
        explicit = bool(YEAR_IN_TEXT_RE.match(texts[0]))
        if self.published is None and (needs_reference or (not explicit and context_year is None)):
            return None
        reference = self.published or date(context_year or 2000, 1, 1)
        if b is None:
            interval = parse_date(texts[0], reference, default_year=context_year)
            start = end = interval
        else:
            start, end = parse_date_range(joined, reference, default_year=context_year)
        if explicit or YEAR_IN_TEXT_RE.search(joined):
            self.sentence_years[sentence] = end.latest.year
        if end.precision in ("day", "xun", "month"):
            self.last_month = (end.latest.year, end.latest.month)
        return start, end

    @staticmethod
    def _date_row(start: int, end: int, resolved: tuple[DateInterval, DateInterval] | None,
                  post: str | None = None) -> dict:
        """A date row from resolved intervals (or an unresolved one with NaN value)."""
        bound = {"以来": "min", "以后": "min", "之后": "min", "后": "min",
                 "以前": "max", "之前": "max", "前": "max"}.get(post or "", "")
        if resolved is None:
            return _row(NAN, "", start, end, "date", qualifier=post or "", bound=bound)
        first, last = resolved
        precision = max(first.precision, last.precision,
                        key=lambda p: PRECISION_ORDER.index(p) if p in PRECISION_ORDER else 0)
        return _row(first.earliest.year, "", start, end, "date", qualifier=post or "", bound=bound,
                    earliest=first.earliest, latest=last.latest, precision=precision)

    def _timestamp(self, m: re.Match) -> dict:
        """2017-04-25 23:54 (page furniture) or 2017/4/25."""
        day = date(int(m["ts_y"]), int(m["ts_m"]), int(m["ts_d"]))
        self.last_month = (day.year, day.month)
        return _row(day.year, "", m.start(), m.end(), "date", earliest=day, latest=day, precision="day")

    def _date(self, m: re.Match) -> dict:
        """Dates and date ranges: 2014年至2015年, 去年7月, 今年1月底, 2月下旬至6月下旬, 2016年3-5月."""
        if m["d_y1"]:
            a, b = f"{m['d_y1']}年", f"{m['d_y2']}年"
        elif m["d_m1"]:
            a, b = f"{m['d_my'] or ''}{m['d_m1']}月", f"{m['d_m2']}月"
        else:
            a, b = m["d_a"], m["d_b"]
        try:
            resolved = self._resolve(a, b, m.start())
        except DateParseError:
            return None  # e.g. 2月30日
        if resolved is None and (a.startswith(tuple(CONTEXT_YEARS)) or (b or "").startswith(tuple(CONTEXT_YEARS))):
            return None  # 当年/同年/次年 with no year before them in the sentence: nothing to anchor
        return self._date_row(m.start(), m.end(), resolved, m["d_post"])

    def _day_only(self, m: re.Match) -> dict | None:
        """20日: a day of the month named earlier (or of the publication month); 历时20日 is a duration."""
        before = self.shadow[max(0, m.start() - 2):m.start()]
        day = int(m["do_n"])
        after = self.shadow[m.end():m.end() + 2]
        if any(before.endswith(cue) for cue in DURATION_CUES) or after.startswith(("内", "以内", "之内")):
            return _row(day, "天", m.start(), m.end(), "duration")
        month = self.last_month or ((self.published.year, self.published.month) if self.published else None)
        if month is None:
            return _row(NAN, "", m.start(), m.end(), "date", precision="day")
        interval = parse_date(f"{month[0]}年{month[1]}月{day}日", self.published or date(month[0], 1, 1))
        return _row(interval.earliest.year, "", m.start(), m.end(), "date",
                    earliest=interval.earliest, latest=interval.latest, precision="day")

    # --- ordinals and enumerations ------------------------------------------------------------
    def _di(self, m: re.Match) -> dict:
        """第一轮, 第二, 第一巡察组, 第十八届; 第1、2轮 is one ordinal row with value_max 2."""
        unit = m["di_u"] or m["di_org"] or ""
        last = float(self._number(m["di_n2"])) if m["di_n2"] else NAN
        return _row(self._number(m["di_n"]), unit, m.start(), m.end(), "ordinal", value_max=last,
                    bound="range" if m["di_n2"] else "")

    def _shou(self, m: re.Match) -> dict:
        """首轮, 首次, 首批 (the first ...)."""
        return _row(1, m["sh_u"], m.start(), m.end(), "ordinal")

    def _relative_one(self, m: re.Match) -> dict:
        """新一轮, 上一篇, 下一篇, 下一步, 最后一轮 (a position, not a count)."""
        return _row(1, m["r1_u"], m.start(), m.end(), "ordinal")

    def _shi(self, m: re.Match) -> dict:
        """一是, 二是, 三是 (list markers)."""
        return _row(self._number(m["shi_n"]), m["shi_w"], m.start(), m.end(), "ordinal")

    def _qi(self, m: re.Match) -> dict:
        """其一, 其二."""
        return _row(self._number(m["qi_n"]), "", m.start(), m.end(), "ordinal")

    def _list(self, m: re.Match) -> dict:
        """（一）, (2)."""
        return _row(self._number(m["li_n"]), "", m.start(), m.end(), "ordinal")

    def _line_marker(self, m: re.Match) -> dict:
        """一、 or 1. at the start of a line."""
        return _row(self._number(m["ln_n"]), "", m.start(), m.end(), "ordinal")

    def _congress(self, m: re.Match) -> dict:
        """十八大, 十九大 (the N-th Party congress)."""
        return _row(self._number(m["cg_n"]), "大", m.start(), m.end(), "ordinal")

    def _plenum(self, m: re.Match) -> dict:
        """三中全会 (the third plenary session)."""
        return _row(self._number(m["zq_n"]), m["zq_u"], m.start(), m.end(), "ordinal")

    def _level(self, m: re.Match) -> dict:
        """一级单位/二级单位 are ordinals; 市县两级, 省市县三级 enumerate levels."""
        n = m["lv_n"]
        before = self.shadow[max(0, m.start() - 2):m.start()]
        listed = n == "两" or (len(before) == 2 and all(c in ADMIN_LEVEL_CHARS for c in before))
        return _row(self._number(n), "级", m.start(), m.end(), "enumeration" if listed else "ordinal")

    def _phase(self, m: re.Match) -> dict:
        """二期项目 (phase two), not two phases."""
        return _row(self._number(m["ph_n"]), "期", m.start(), m.end(), "ordinal")

    def _enumeration(self, m: re.Match) -> dict:
        """三个方面 announces a list (一是 ... 二是 ...)."""
        return _row(self._number(m["en_n"]), m["en_u"], m.start(), m.end(), "enumeration")

    def _big(self, m: re.Match) -> dict:
        """五大领域, 三大攻坚战: names a set (kind enumeration, value kept, the noun as unit), never a count."""
        return _row(self._number(m["bg_n"]), m["bg_u"], m.start(), m.end(), "enumeration")

    def _slogan(self, m: re.Match) -> dict:
        """三个代表, 八项规定, 五位一体, “两个维护”: a slogan names a set (kind enumeration), never a count."""
        number = m["sl_n"] or m["slq_n"]
        unit = m["slq_u"] or m["sl_ge"] or m["sl_x"] or m["sl_z"] or m["sl_w"] or m["sl_d"] or m["sl_t"]
        end = m.end()
        if m["slq"]:  # “两项制度”: the row covers the quoted slogan
            close = re.search("[”\"》’]", self.shadow[end:end + 12])
            end = end + close.start() if close else end
        return _row(parse_number(number), unit, m.start(), end, "enumeration")

    def _pair_slogan(self, m: re.Match) -> dict:
        """1组托2县, 一组带两县: a staffing rule (kind enumeration), never two counts."""
        return _row(self._number(m["sg_n"]), m["sg_u"], m.start(), m.end(), ENUMERATION)

    # --- quantities ---------------------------------------------------------------------------
    def _bare_before_noun(self, m: re.Match) -> dict:
        """共清退2万冒领人员, 核查2千账户: a number with no measure word before the noun it counts
        (unit empty, the noun in ``counted``)."""
        value, value_max, prefix = parse_quantity_number(m["bn_n"])
        approx, qualifier, bound = _qualify([m["bn_pre"], prefix, m["bn_mid"]], lex.PREFIX_QUALIFIERS)
        return _row(value, "", m.start(), m.end(), lex.COUNT, approx=approx, qualifier=qualifier,
                    bound=bound, value_max=value_max)

    def _bare_after_noun(self, m: re.Match) -> dict:
        """人口52万, 常住人口约30万: a number after the noun it counts, with no measure word."""
        value, value_max, prefix = parse_quantity_number(m["bp_n"], m["bp_mult"] or "")
        approx, qualifier, bound = _qualify([m["bp_pre"], prefix, m["bp_mid"], m["bp_post"]],
                                            lex.PREFIX_QUALIFIERS)
        return _row(value, "", m.start(), m.end(), lex.COUNT, approx=approx, qualifier=qualifier,
                    bound=bound, value_max=value_max)

    def _percent_words(self, m: re.Match) -> dict:
        """百分之六十五以上."""
        value, value_max, prefix = parse_quantity_number(m["pc_n"])
        approx, qualifier, bound = _qualify([m["pc_pre"], prefix, m["pc_post"]], lex.PREFIX_QUALIFIERS)
        return _row(value, "%", m.start(), m.end(), "percent", approx=approx, qualifier=qualifier,
                    bound=bound, value_max=value_max)

    def _fraction(self, m: re.Match) -> dict:
        """三分之一 -> 0.333 (kind ratio)."""
        denominator = parse_quantity_number(m["fr_d"])[0]
        numerator = parse_quantity_number(m["fr_n"])[0]
        approx, qualifier, bound = _qualify([m["fr_post"]], lex.PREFIX_QUALIFIERS)
        return _row(numerator / denominator, "", m.start(), m.end(), "ratio", approx=approx,
                    qualifier=qualifier, bound=bound)

    def _half(self, m: re.Match) -> dict:
        """半年, 半个月, 半天 = 0.5 of the unit."""
        unit = lex.AFTER_GE[m["hf_gu"]][0] if m["hf_gu"] else ("天" if m["hf_u"] == "日" else m["hf_u"])
        approx, qualifier, bound = _qualify([m["hf_pre"]], lex.PREFIX_QUALIFIERS)
        return _row(0.5, unit, m.start(), m.end(), "duration", approx=approx, qualifier=qualifier, bound=bound)

    def _names_a_set(self, start: int, end: int, unit: str) -> bool:
        """Whether a count written in Chinese numerals sits inside a short quotation (a slogan:
        “全市一盘棋、构建一张网”, “正视一种形势，实施两项创新”) or announces a list (四项核心职务：…)."""
        before = self.shadow[max(0, start - QUOTE_SPAN):start]
        opened = max(before.rfind("“"), before.rfind('"'))
        if opened >= 0 and not QUOTE_BREAK_RE.search(before, opened + 1):
            closing = QUOTE_END_RE.match(self.shadow, end, end + QUOTE_SPAN)
            if closing and len(before) - opened + (closing.end() - end) <= QUOTE_SPAN:
                return True
        return unit in LIST_UNITS and re.match("[^，,。；;“”]{0,8}[：:]", self.shadow[end:end + 10]) is not None

    def _numbered_session(self, m: re.Match) -> bool:
        """三次会议 after 届 (十四届人大三次会议, 十二届三次全会) numbers a session; 召开3次会议 counts them."""
        if m["q_n"][:1].isdigit() or not SESSION_RE.match(self.shadow, m.end()):
            return False
        return "届" in self.shadow[max(0, m.start() - 8):m.start()]

    def _countable_noun(self, m: re.Match, low: str) -> bool:
        """30村, 15县, 两县长: a count of the noun; not 一县 (一县一品), 百村, nor a range or fuzzy number."""
        if m["q_n2"] or m["q_mid"] or m["q_mult"]:
            return False
        if low[:1].isdigit():
            return True
        if all(c in "十百千万亿" for c in low) or low in ("一", "〇", "零"):
            return False
        before = self.shadow[m.start() - 1:m.start()] if m.start() else ""
        return not (before and "\u4e00" <= before <= "\u9fff" and before in "第每各这那某哪几数")

    def _quantity(self, m: re.Match) -> dict | None:
        """A number with a measure word: 409条, 1497.7万元, 10多个, 近百名, 1个半月, 3至5人, 65%以上."""
        multiplier = m["q_mult"] or ""
        low = m["q_n"]
        if m["q_n2"]:
            multiplier = multiplier or _shared_multiplier(low, m["q_n2"])
        value, value_max, prefix = parse_quantity_number(low, multiplier)
        if m["q_n2"]:
            value_max = float(parse_quantity_number(m["q_n2"], m["q_mult"] or "")[0])
        elif m["q_n3"]:  # 100元至200元: the measure word written twice
            value_max = float(parse_quantity_number(m["q_n3"], m["q_mult"] or "")[0])
        if m["q_ge"]:
            unit, kind = lex.AFTER_GE[m["q_gu"]] if m["q_gu"] else ("个", lex.COUNT)
        elif m["q_noun"]:
            if not self._countable_noun(m, low):
                return None
            unit, kind = m["q_noun"], lex.COUNT
        else:
            word = m["q_unit"]
            unit, kind = lex.UNITS[word][:2]
            after = self.shadow[m.end("q_unit"):m.end("q_unit") + 1]
            if word in ("家", "户") and not low[:1].isdigit() and after and after in PLACE_SUFFIXES:
                return None  # 五家渠, 三户庄: a place name
            if word == "成":  # 三成 = 30%, 一成七 = 17%
                value, value_max = value * 10, value_max * 10
                if m["q_tenth"]:
                    value = value + DIGITS[m["q_tenth"]]
            series = self.shadow[m.end():m.end() + 1] == "、" or self.shadow[max(0, m.start() - 2):m.start()] == "届、"
            if word == "届" and low in ("一", "两") and not series:
                kind = lex.COUNT  # 连任两届, 一届任期: terms, not the N-th session (一届、二届 are ordinals)
            elif word == "次" and low == "二":
                kind = lex.ORDINAL  # 二次巡察, 二次开发: "second"/"re-"; two times is 两次
            elif word == "次" and self._numbered_session(m):
                kind = lex.ORDINAL  # 十四届人大三次会议: the third session of the 14th congress
            if word == "年" and low.isdigit() and 1800 <= int(low) <= 2099 and not m["q_n2"]:
                year = DateInterval(date(int(low), 1, 1), date(int(low), 12, 31), "year")
                return self._date_row(m.start(), m.end(), (year, year))  # "2017 年" with a space
        if kind == lex.COUNT and not low[:1].isdigit() and self._names_a_set(m.start(), m.end(), unit):
            kind = ENUMERATION  # “一张网”, 四项核心职务：…: a slogan or the announcement of a list
        if m["q_half"] or m["q_half2"]:
            value = value + 0.5
        approx, qualifier, bound = _qualify([m["q_pre"], prefix, m["q_mid"], m["q_mid2"], m["q_post"]],
                                            lex.PREFIX_QUALIFIERS)
        if not math.isnan(value_max):
            approx = approx or not (m["q_n2"] or m["q_n3"])  # 三四个 is "three or four"; 3至5人 is an exact range
            bound = "range"
        return _row(value, unit, m.start(), m.end(), kind, approx=approx, qualifier=qualifier,
                    bound=bound, value_max=value_max)


def infer_published(text: str) -> date | None:
    """The publication date from page furniture such as ``时间:2017-04-25 23:54``, or None."""
    m = PUBLISHED_RE.search(text.translate(lex.SHADOW_TABLE))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def empty_frame() -> pd.DataFrame:
    """A table with no rows and the right columns and dtypes."""
    return _typed(pd.DataFrame({c: [] for c in COLUMNS}))


#: Columns built as ``object`` so that ints stay ints (409, not 409.0) and dates stay dates.
OBJECT_COLUMNS: dict[str, type] = {"value": object, "date_earliest": object, "date_latest": object}


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Fix the column dtypes (value stays object so 409 prints as 409 and 1.5 as 1.5)."""
    return df.astype({
        "value": object, "unit": object, "start": "int64", "end": "int64", "text": object, "kind": object,
        "approx": bool, "qualifier": object, "bound": object, "value_max": "float64",
        "date_earliest": object, "date_latest": object, "precision": object, "counted": object,
    })


def find_figures(text: str, published: date | datetime | None = None, *,
                 infer_date: bool = True) -> pd.DataFrame:
    """Every quantity, date and ordinal in ``text``, one row each, in text order.

    Columns (:data:`COLUMNS`): ``value`` (int or float; for dates the year of the earliest day,
    NaN when a relative date cannot be resolved), ``unit`` (measure word or currency, simplified,
    万/亿 applied: 1497.7万元 -> 14977000 元), ``start``/``end`` (``text[start:end] == text``),
    ``text``, ``kind`` (one of :data:`KINDS`), ``approx`` (bool), ``qualifier`` (the words that
    qualify it: 约, 近, 多, 余, 左右, 以上 ..., joined by +), ``bound`` (``min``, ``max``, ``range`` or
    empty), ``value_max`` (upper end of 3至5人 or 三四个), ``date_earliest``/``date_latest``
    (``datetime.date``) and ``precision`` (day, xun, month, quarter, half, year) for dates.

    ``published`` resolves 去年/今年 and months without a year; if None and ``infer_date`` is true
    it is read from page furniture such as ``时间:2017-04-25``. Never raises for any ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_figures needs a str, not {type(text).__name__}")
    if isinstance(published, datetime):
        published = published.date()
    if published is None and infer_date:
        published = infer_published(text)
    rows = _Extractor(text, published).rows()
    if not rows:
        return empty_frame()
    columns = {c: pd.Series([r[c] for r in rows], dtype=OBJECT_COLUMNS.get(c)) for c in COLUMNS}
    return _typed(pd.DataFrame(columns))


# ------------------------------------------------------------------------------------------------
# Command line
NUL = b"\x00"
ENCODING_FIX = "save the file as UTF-8 (for example `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8`)"


def decode_text(raw: bytes, path: Path | str) -> tuple[str, str | None]:
    """Decode a report's bytes: UTF-8 (BOM stripped) or, failing that, GBK. Returns (text, note).

    Raises :class:`DataError` naming the file and the fix when the bytes are neither.
    """
    note = None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, note = raw[3:], f"note: {path}: removed a UTF-8 byte-order mark"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(path, "byte 0", "the file is UTF-16, not UTF-8 or GBK", ENCODING_FIX)
    if b"\x00" in raw:
        raise DataError(path, f"byte {raw.index(NUL)}", "the file contains NUL bytes (is it text?)",
                        ENCODING_FIX)
    try:
        return raw.decode("utf-8"), note
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gbk")
        except UnicodeDecodeError:
            raise DataError(path, f"byte {utf8_error.start}", "the file is neither UTF-8 nor GBK text",
                            ENCODING_FIX) from None
        return text, f"note: {path}: not valid UTF-8; decoded as GBK"
