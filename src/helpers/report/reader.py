"""The reader's report: all executed notebooks of one language strung together, no code."""
from __future__ import annotations

from typing import Any

TITLES = {"en": "Reader's report", "zh": "读者报告"}


def merge_for_reader(notebooks: list[Any], lang: str) -> Any:
    """One notebook holding every cell of ``notebooks`` in order, for export without input.

    Code cells keep their outputs except stderr streams (warnings are for the analyst,
    not the reader); each notebook after the first starts on a new printed page.
    """
    import nbformat

    merged = nbformat.v4.new_notebook()
    if notebooks:
        merged.metadata = dict(notebooks[0].metadata)
    for n, nb in enumerate(notebooks):
        if n:
            merged.cells.append(nbformat.v4.new_markdown_cell('<div class="report-page-break"></div>'))
        for cell in nb.cells:
            cell = nbformat.from_dict(cell)
            cell.pop("id", None)
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.get("outputs", [])
                                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if cell.cell_type in {"markdown", "code"}:
                merged.cells.append(cell)
    for i, cell in enumerate(merged.cells):
        cell["id"] = f"cell-{i}"
    return merged


def reader_title(lang: str) -> str:
    """Page title of the reader's report in ``lang``."""
    return TITLES.get(lang, TITLES["en"])
