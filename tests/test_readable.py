"""Reader-facing formatting helpers (helpers.text.readable)."""
from __future__ import annotations

from helpers.tidy.load import load_table


def test_name_list_in_each_language():
    """The 2016 units as a reader's list: semicolons in English, 顿号 in Chinese, in table order."""
    from helpers.text.readable import name_list

    units = load_table("units_2016")
    routine = units[units["inspection_type"] == "routine"]
    assert name_list(routine, "zh") == "、".join(routine["name_zh"])
    assert name_list(routine, "en").split("; ") == list(routine["name_en"])
    assert "市中心医院" in name_list(routine, "zh")


def test_table_cells_keep_numbers_and_measure_words_whole_and_break_ids_at_underscores() -> None:
    """A number or measure word never wraps inside ("1151", "人次"); an id breaks after ``_`` only."""
    from helpers.text.readable import table

    figures = load_table("figures")
    page = table(figures, ["figure_id", "value", "unit", "start"], "zh").data
    longest = max(figures["figure_id"], key=len)
    assert longest.replace("_", "_<wbr>") in page
    for start in figures["start"]:
        assert f'white-space:nowrap">{start}</td>' in page
    assert 'white-space:nowrap">人次</td>' in page
    assert "overflow-wrap:anywhere" not in page


def test_chinese_tables_show_date_precision_in_chinese(built) -> None:
    """The timeline table's precision column reads 旬/月/年/日 in the Chinese edition, codes in English."""
    from helpers.text.readable import table

    timeline = load_table("timeline")
    zh, en = table(timeline, ["date_id", "start_precision"], "zh").data, table(timeline, ["date_id", "start_precision"], "en").data
    assert "xun" in set(timeline["start_precision"])
    assert ">旬</td>" in zh and ">xun</td>" not in zh and ">xun</td>" in en


def test_chinese_tables_name_the_kind_of_each_number_in_chinese(article) -> None:
    """The audit's kind column (count, ordinal …) reads in Chinese in the Chinese edition, codes in English."""
    from helpers.parse.extract import KINDS, find_figures
    from helpers.text.readable import table

    found = find_figures(article.text)
    zh, en = table(found, ["text", "kind"], "zh").data, table(found, ["text", "kind"], "en").data
    assert {"count", "ordinal"} <= set(found["kind"])
    assert ">计数</td>" in zh and ">序数</td>" in zh and ">count</td>" in en
    assert not any(f">{k}</td>" in zh for k in KINDS)


def test_article_fields_are_headed_in_the_readers_language() -> None:
    """Notebook 01's metadata table: field names in Chinese in the Chinese edition."""
    from helpers.source.article import load_article
    from helpers.text.readable import fields

    meta = load_article().meta
    zh = fields({k: meta[k] for k in ("outlet", "sha256")}, "zh").data
    assert "发布网站" in zh and "SHA-256校验和" in zh and meta["sha256"] in zh and "outlet" not in zh


def test_rates_per_100_in_tables_carry_the_computed_mark() -> None:
    """The funnel table's rates are computed: every shown rate ends in †; the article's counts do not."""
    from helpers.text.readable import table

    funnel = load_table("funnel")
    page = table(funnel, ["value", "pct_of_previous"], "en").data
    rates = funnel["pct_of_previous"].dropna()
    assert len(rates) and all(f">{r:.1f}†</td>" in page for r in rates.round(1))
    assert all(f">{v}†" not in page for v in funnel["value"])


def test_inspection_types_and_booleans_read_as_the_kit_labels_say() -> None:
    """A table's inspection type is the chart's word for it (itype.*), yes/no are word.yes/word.no: one copy each."""
    from helpers.curate import labels
    from helpers.text.readable import table
    from helpers.tidy.tidyset import TABLE_NAMES
    import html
    import pandas as pd

    schedule = next(load_table(n) for n in TABLE_NAMES if n.startswith("schedule_"))
    types = set(schedule["inspection_type"])
    assert types
    for lang in ("en", "zh"):
        page = table(schedule, ["inspection_type"], lang).data
        for t in types:
            assert f">{html.escape(labels.raw(f'itype.{t}', lang))}</td>" in page, (lang, t)
        flags = table(pd.DataFrame({"holds": [True, False], "note": ["a", "b"]}), ["holds"], lang).data
        assert f">{labels.raw('word.yes', lang)}</td>" in flags and f">{labels.raw('word.no', lang)}</td>" in flags
