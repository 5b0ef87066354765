"""Parse numbers as Chinese reports write them: Arabic, full-width, decimal and Chinese numerals.

``parse_number("409") == 409``, ``parse_number("４０９") == 409``, ``parse_number("二百九十五") == 295``,
``parse_number("两") == 2``, ``parse_number("1.5万") == 15000``, ``parse_number("1个半") == 1.5``;
mixed forms read as one number: ``parse_number("3万4512") == 34512``, ``parse_number("1亿2千万") == 120000000``;
Chinese decimals too: ``parse_number("十四点二六亿") == 1426000000``.
"""
from __future__ import annotations

import re
from functools import lru_cache

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

#: A number as written in text: Arabic (half/full width, with decimals and thousands commas)
#: optionally followed by 十/百/千/万/亿 multipliers, or a run of Chinese numerals; "N个半" is N.5.
NUMBER_RE = re.compile(
    r"(?:[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
    r"(?:[十拾百佰千仟万萬亿億]+)?"
    rf"|[{CHINESE_NUMERAL_CHARS}]+)"
    r"(?:个半|個半)?"
)


class NumeralError(ValueError):
    """The text is not a number this parser understands."""


def _clean(value: float) -> int | float:
    """Return an int when the value is integral, else the float."""
    return int(value) if float(value).is_integer() else value


def _parse_section(chars: str) -> int:
    """Parse a Chinese numeral below 10,000 (no 万/亿), e.g. 二百九十五, 十三, 三千零五."""
    if not chars:
        return 0
    if all(c in DIGITS for c in chars) and len(chars) > 1:
        # digit-by-digit form, e.g. 一九九八 (but 二〇 etc. too)
        return int("".join(str(DIGITS[c]) for c in chars))
    total, digit = 0, None
    for c in chars:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:
            raise NumeralError(f"unexpected character {c!r} in {chars!r}")
    if digit is not None:
        # trailing digit after a unit without 零: 两万三 handled by caller; 三百五 = 350
        last_unit = next((SMALL_UNITS[c] for c in reversed(chars) if c in SMALL_UNITS), None)
        if last_unit and chars[-2:-1] and chars[-2] in SMALL_UNITS and last_unit >= 100:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def parse_chinese(chars: str) -> int:
    """Parse a run of Chinese numerals with 十 百 千 万 亿, e.g. 三千五百万 -> 35,000,000."""
    if not chars:
        raise NumeralError("empty numeral")
    for c in chars:
        if c not in CHINESE_NUMERAL_CHARS:
            raise NumeralError(f"unexpected character {c!r} in {chars!r}")
    total = 0
    rest = chars
    for big_char, big_value in (("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4)):
        if big_char in rest:
            head, rest = rest.split(big_char, 1)
            total += (parse_chinese(head) if head else 1) * big_value
            if rest and all(c in DIGITS for c in rest) and len(rest) == 1:
                # 两万三 = 23,000: a lone digit after 万 counts in thousands
                return total + DIGITS[rest] * big_value // 10
    return total + _parse_section(rest)


FULLWIDTH_RE = re.compile("[０-９．，％]")
ARABIC_RE = re.compile(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十拾百佰千仟万萬亿億]*)")
MIXED_TOKEN_RE = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|.")


def parse_mixed(chars: str) -> int | float:
    """Arabic digits and Chinese numerals in one number: 3万4512, 1亿2千万, 2亿3456万, 3万五千."""
    total, section, number = 0.0, 0.0, None
    for token in MIXED_TOKEN_RE.findall(chars):
        if token[0].isdigit():
            number = float(token.replace(",", ""))
        elif token in DIGITS:
            number = float(DIGITS[token])
        elif token in SMALL_UNITS:
            section += (1.0 if number is None else number) * SMALL_UNITS[token]
            number = None
        elif token in BIG_UNITS:
            big = BIG_UNITS[token]
            head = section + (number or 0.0)
            if big == 10**8:
                total = (total + (head or 1.0)) * big
            else:
                total += (head or 1.0) * big
            section, number = 0.0, None
        else:
            raise NumeralError(f"unexpected character {token!r} in {chars!r}")
    return _clean(round(total + section + (number or 0.0), 10))


@lru_cache(maxsize=8192)
def parse_number(text: str) -> int | float:
    """Parse one number as written in the text (see module docstring); raise NumeralError if none."""
    s = text.strip()
    if FULLWIDTH_RE.search(s):
        s = s.translate(FULLWIDTH)
    half = 0.0
    for suffix in ("个半", "個半"):
        if s.endswith(suffix):
            s, half = s[: -len(suffix)], 0.5
    if s in ("半",):
        return 0.5
    if not s:
        raise NumeralError(f"no number in {text!r}")
    m = ARABIC_RE.fullmatch(s)
    if m:
        value = float(m.group(1).replace(",", ""))
        for c in m.group(2):
            value *= SMALL_UNITS.get(c) or BIG_UNITS[c]
        return _clean(round(value, 10) + half)
    if s[:1].isdigit():
        return _clean(parse_mixed(s) + half)
    decimal = CHINESE_DECIMAL_RE.fullmatch(s)
    if decimal:  # 十四点二六亿 = 1,426,000,000; 三点五万 = 35,000
        whole, digits, big = decimal.groups()
        value = parse_chinese(whole) + float("0." + "".join(str(DIGITS[c]) for c in digits))
        return _clean(round(value * (BIG_UNITS[big] if big else 1), 6) + half)
    return _clean(parse_chinese(s) + half)


#: A Chinese decimal: 十四点二六亿, 三点五万 (the whole part, the digits after 点, 万/亿).
CHINESE_DECIMAL_RE = re.compile("([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)([万萬亿億]?)")


def find_numbers(text: str) -> list[tuple[int, int, int | float]]:
    """All numbers in ``text`` as (start, end, value); runs that do not parse are skipped."""
    found = []
    for m in NUMBER_RE.finditer(text):
        try:
            found.append((m.start(), m.end(), parse_number(m.group())))
        except NumeralError:
            continue
    return found
