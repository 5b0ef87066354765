"""Helpers for the Xianning inspection-review analysis, one subpackage per stage of the data flow.

``base`` (paths, errors, file writes) -> ``source`` (the archived article) -> ``parse`` (numbers, dates,
figures) -> ``curate`` (data/curated) -> ``tidy`` (the tidy tables) -> ``text`` (what a reader reads) ->
``charts`` -> ``report``; ``tools`` serve the environment. A module imports only from its own stage or an
earlier one (import-linter's layers contract in pyproject.toml, run by tests/test_layers.py).
"""
