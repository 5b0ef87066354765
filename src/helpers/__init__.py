"""Helpers for the Xianning inspection-review analysis.

Data flow: raw article (``article``) -> curated quotes (``curation``, ``locate``,
``numerals``, ``dates``) -> tidy tables (``tables``, ``schema``) -> charts (``charts``)
-> reports (``report``).
"""
