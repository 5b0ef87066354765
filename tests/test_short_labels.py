"""Every figure and derived value has a short label in both languages, no longer than its long one."""
from __future__ import annotations

import pytest

from helpers.curate.labels import raw
from helpers.tidy.load import load_table


@pytest.mark.parametrize("table, key", [("figures", "figure_id"), ("derived", "derived_id")])
def test_short_labels_present_and_not_longer_than_long_ones(table: str, key: str) -> None:
    rows = load_table(table)
    assert len(rows) > 20, table  # the real tables, not an empty frame
    for lang in ("en", "zh"):
        for rid, short, long in zip(rows[key], rows[f"short_{lang}"], rows[f"label_{lang}"]):
            assert isinstance(short, str) and short.strip() == short and short, (table, rid, lang)
            assert len(short) <= len(long), (table, rid, lang, short, long)


@pytest.mark.parametrize("table, key", [("figures", "figure_id"), ("derived", "derived_id")])
def test_short_labels_are_short_and_in_their_language(table: str, key: str) -> None:
    rows = load_table(table)
    for rid, en, zh in zip(rows[key], rows["short_en"], rows["short_zh"]):
        assert 1 <= len(en.split()) <= 6, (rid, en)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), (rid, en)  # English labels carry no Chinese
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) and len(zh) <= 14, (rid, zh)
        assert not any(ch in zh for ch in "()"), (rid, zh)  # full-width brackets in Chinese text


def test_funnel_figures_use_their_stage_label() -> None:
    """The funnel's figures are called what the funnel chart calls their stage (labels.csv)."""
    figures = load_table("figures").set_index("figure_id")
    funnel = load_table("funnel")
    assert len(funnel) == 5
    for stage, fid in zip(funnel["stage"], funnel["figure_id"]):
        for lang in ("en", "zh"):
            assert figures.loc[fid, f"short_{lang}"] == raw(f"stage.{stage}.label", lang), (fid, lang)


def test_transferred_leads_are_not_called_cases() -> None:
    """Glossary: what is transferred is leads (移交问题线索), never cases (案件)."""
    short = load_table("figures").set_index("figure_id").loc["city_leads_transferred"]
    assert short["short_en"] == "Leads transferred" and short["short_zh"] == "移交问题线索"
    labels = load_table("figures")[["short_en", "short_zh"]].to_numpy().ravel().tolist()
    labels += load_table("derived")[["short_en", "short_zh"]].to_numpy().ravel().tolist()
    assert not [s for s in labels if "案件" in s]
