"""Coverage audit: every quantity the extractor finds in the article is in the tables or left out with a reason."""
from __future__ import annotations

import pandas as pd

from helpers.tidy.coverage import audit, audit_article, left_out, unused_left_out
from helpers.parse.extract import find_figures


def test_no_number_of_the_article_is_unexplained(article) -> None:
    result = audit_article(article)
    unexplained = result[result["status"] == "unexplained"]
    assert unexplained.empty, unexplained[["start", "text", "value", "unit", "kind"]].to_string()


def test_every_figure_of_the_tables_is_found_by_the_extractor(article, figures) -> None:
    result = audit_article(article)
    covered = set(result["covered_by"])
    missing = [f for f in figures["figure_id"] if f"figures:{f}" not in covered]
    assert not missing


def test_every_left_out_entry_is_needed(article) -> None:
    assert unused_left_out(article) == []


def test_counts_are_never_left_out_as_ordinals(article) -> None:
    result = audit_article(article)
    left = result[result["status"] == "left_out"]
    assert set(left["kind"]) <= {"ordinal", "enumeration", "date", "duration"}
    assert (left.loc[left["kind"] == "duration", "text"] == "五年").all()


def test_a_figure_dropped_from_the_tables_is_unexplained(article, built) -> None:
    found = find_figures(article.text, published=article.published.date())
    figures = built["figures"][built["figures"]["figure_id"] != "city_sanctioned"]
    result = audit(found, figures, built["timeline"], left_out(article))
    unexplained = result[result["status"] == "unexplained"]
    assert unexplained["text"].tolist() == ["8人"]


def test_a_wrong_value_in_the_tables_is_unexplained(article, built) -> None:
    found = find_figures(article.text, published=article.published.date())
    figures = built["figures"].copy()
    figures.loc[figures["figure_id"] == "city_problem_leads", "value"] = 490
    result = audit(found, figures, built["timeline"], left_out(article))
    assert result.loc[result["status"] == "unexplained", "text"].tolist() == ["409条"]


def test_audit_counts(article) -> None:
    counts = audit_article(article)["status"].value_counts()
    assert counts.to_dict() == {"in_tables": 47, "left_out": 28}
    assert isinstance(counts, pd.Series)
