"""The figure-to-chart map (helpers.charts.usage) names only charts, figures and notebooks that exist."""
from __future__ import annotations

from helpers.charts import CHARTS
from helpers.charts import usage
from helpers.tidy.load import load_table


def _ids() -> tuple[set[str], set[str]]:
    return set(load_table("figures")["figure_id"]), set(load_table("derived")["derived_id"])


def test_curated_entries_exist():
    figures, derived = _ids()
    for table, known in ((usage.SHOWN_VIA_TABLES, figures), (usage.DERIVED_VIA_TABLES, derived)):
        for chart, ids in table.items():
            assert chart in CHARTS, f"usage.py names chart {chart!r}, not in CHARTS"
            missing = set(ids) - known
            assert not missing, f"usage.py: chart {chart!r} names unknown ids {sorted(missing)}"


def test_every_chart_shows_a_figure_and_is_published():
    by_chart = usage.figures_by_chart()
    assert set(by_chart) == set(CHARTS)
    empty = [c for c, ids in by_chart.items() if not ids]
    assert not empty, f"charts with no figure found in their code or in SHOWN_VIA_TABLES: {empty}"
    notebooks = usage.notebooks_by_chart()
    unpublished = [c for c in CHARTS if not notebooks.get(c)]
    assert not unpublished, f"charts no notebook publishes: {unpublished}"
    assert notebooks["funnel"] == ("02-funnel",)


def test_known_uses():
    by_fig = usage.charts_by_figure()
    assert "funnel" in by_fig["city_problem_leads"]
    assert "per-unit" in by_fig["city_units_inspected"]
    assert "xianan" in by_fig["xianan_problem_leads"]
    assert "funnel" in by_fig["funnel_transfer_rate"]


def _helper_chart_part():
    return {"x": "alpha_id"}


def _toy_chart():
    return _helper_chart_part(), "beta_id and gamma"


def test_ids_named_in_follows_module_helpers():
    found = usage.ids_named_in(_toy_chart, {"alpha_id", "beta_id", "delta_id"})
    assert found == {"alpha_id", "beta_id"}
