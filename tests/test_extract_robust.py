"""helpers.parse.extract on any input: property-based tests, 1 MB of text, and the command line."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers.base import paths
from helpers.source.article import article_text
from helpers.parse.extract import COLUMNS, FIGURE_RE, KINDS, find_figures, iter_matches
from helpers.parse.extract_lexicon import SHADOW_TABLE

PUBLISHED = date(2017, 4, 25)

#: Characters that matter to the extractor, mixed with any CJK and any other text.
INTERESTING = (
    "0123456789０１２３４５６７８９.,，%％-~～—至到年月日号旬上中下初底末去今前明当同次翌第首新其是"
    "零〇○一二两兩三四五六七八九十百千万萬亿億几数多余来约近超逾不足以左右半个個条條件人名家户戶起次"
    "项項轮輪组組元天周级期届大方面分之巡察处處线線镇鎮五保规规两委十分统进步唯最头新首翌以来内人一档\n （）()、：: "
    "“”「」\"村县縣乡市区省街书记长干部中央直小币幣美港代表全面核心制度位体种形态聚焦shíèrgā\u3000\u200b及和"
)
texts = st.one_of(
    st.text(alphabet=INTERESTING, max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=40),
    st.text(max_size=60),
    st.lists(st.sampled_from([
        "共发现问题线索1,234条", "立案37件处分39人", "1497.7万元", "95%以上", "近百名", "10多个", "约3千人次",
        "2016年3月上旬至5月中旬", "去年11月", "第二轮", "三是", "處分8人", "1个半月", "五保", "两规", "十分",
        "2017-04-25 23:54", "上一篇", "三个方面", "五大领域", "3至5人", "4月18日至20日", "至今", "百分之",
        "“三个代表”", "八項規定", "十九届四中、五中全会", "3万4512人", "五六十人", "30村", "3鎮5鄉", "5家中直",
        "3.2亿元人民币", "十二(shí èr)人", "3市委书记", "102及123宗", "一个个", "万众一心", " 35 个",
    ]) | st.text(alphabet=INTERESTING, max_size=5), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.none() | st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)))
def test_any_text_gives_a_table_and_raises_nothing(text: str, published: date | None) -> None:
    df = find_figures(text, published)
    assert list(df.columns) == COLUMNS
    assert set(df.kind) <= set(KINDS)
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text and r.start < r.end
    assert (df.start.diff().dropna() > 0).all()  # in text order, no duplicates
    assert (df.start.iloc[1:].to_numpy() >= df.end.iloc[:-1].to_numpy()).all()  # no overlaps


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_fast_scan_finds_the_same_matches_as_finditer(text: str) -> None:
    shadow = text.translate(SHADOW_TABLE)
    assert [m.span() for m in iter_matches(shadow)] == [m.span() for m in FIGURE_RE.finditer(shadow)]


@settings(max_examples=100, deadline=None)
@given(text=texts)
@example(text="０及0宗")  # found by hypothesis: a full-width number before 及 shares the measure word too
def test_traditional_and_simplified_give_the_same_figures(text: str) -> None:
    simplified = text.translate(SHADOW_TABLE)
    a, b = find_figures(text, PUBLISHED), find_figures(simplified, PUBLISHED)
    assert list(a.value.astype(str)) == list(b.value.astype(str))
    assert list(a.unit) == list(b.unit) and list(a.start) == list(b.start)


def test_empty_text_gives_an_empty_table_with_the_columns() -> None:
    df = find_figures("")
    assert df.empty and list(df.columns) == COLUMNS
    assert df.start.dtype == "int64" and df.approx.dtype == bool


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        find_figures(b"409\xe6\x9d\xa1")  # type: ignore[arg-type]


def test_one_megabyte_gives_the_article_rows_once_per_copy() -> None:
    """1 MB (and 1,000,000 characters) of text in one call: the article's rows once per copy (its
    speed is measured by `make bench`: no wall-clock assertion here)."""
    text = article_text()
    copies = 1_000_000 // len(text.encode("utf-8")) + 1
    one, big = find_figures(text, PUBLISHED), find_figures(text * copies, PUBLISHED)
    assert len(big) == copies * len(one) > 1000
    chars = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    assert len(find_figures(chars, PUBLISHED)) > 1000


# --------------------------------------------------------------------------------------------
# Command line
def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "helpers.extract", *args], input=stdin, env=env,
                          capture_output=True, timeout=60)


def test_cli_writes_the_table_as_csv() -> None:
    result = run_cli(str(paths.ARTICLE), "--published", "2017-04-25")
    assert result.returncode == 0, result.stderr.decode()
    df = pd.read_csv(StringIO(result.stdout.decode("utf-8")), keep_default_na=False)
    assert list(df.columns) == COLUMNS
    expected = find_figures(article_text(), PUBLISHED)
    assert list(df.text) == list(expected.text)
    assert "409,条" in result.stdout.decode() and "14977000" not in result.stdout.decode()
    assert "25969,元" in result.stdout.decode()


@pytest.mark.parametrize("prefix, encoding, note", [
    (b"\xef\xbb\xbf", "utf-8", "byte-order mark"),
    (b"", "gbk", "GBK"),
])
def test_cli_decodes_bom_and_gbk(tmp_path: Path, prefix: bytes, encoding: str, note: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(prefix + "共計發現問題線索52條，處分8人，去年11月".encode(encoding))
    result = run_cli(str(path), "--published", "2017-04-25")
    assert result.returncode == 0
    assert note in result.stderr.decode()
    df = pd.read_csv(StringIO(result.stdout.decode("utf-8")))
    assert list(df.text) == ["52條", "8人", "去年11月"]
    assert df.start.iloc[0] == "共計發現問題線索52條".index("52")  # offsets index the decoded text, BOM stripped


@pytest.mark.parametrize("raw, problem", [
    (b"\xff\xfe4\x000\x009\x00", "UTF-16"),
    (b"\x80\x80\x80\xff\xfe\xfd", "neither UTF-8 nor GBK"),
    (b"409\x00\x00\x00", "NUL"),
])
def test_cli_refuses_other_bytes_with_one_message(tmp_path: Path, raw: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    result = run_cli(str(path))
    assert result.returncode != 0 and result.stdout == b""
    message = result.stderr.decode()
    assert message.count("\n") == 1 and str(path) in message and problem in message and "Fix:" in message


def test_cli_missing_file_and_bad_date(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode != 0 and result.stdout == b"" and "nope.txt" in result.stderr.decode()
    result = run_cli(str(paths.ARTICLE), "--published", "25/04/2017")
    assert result.returncode != 0 and result.stdout == b""


def test_cli_reads_stdin() -> None:
    result = run_cli("-", "--published", "2017-04-25", stdin="立案37件处分39人".encode())
    assert result.returncode == 0
    assert pd.read_csv(StringIO(result.stdout.decode())).value.tolist() == [37, 39]
