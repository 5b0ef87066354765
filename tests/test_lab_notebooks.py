"""What running and opening the notebooks in JupyterLab does to the work tree and to the reader's view.

Figures are rewritten only when their bytes change; every prose cell's source is collapsed.
Everything writes into temporary folders.
"""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from helpers.tools import nbmeta
from helpers.base import paths
from helpers.charts.style import save
from helpers.base.fileio import write_bytes_if_changed


def _figure(text: str):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1))
    fig.text(0.1, 0.5, text)
    return fig


def test_saving_the_same_chart_again_leaves_the_files_untouched(tmp_path: Path) -> None:
    first = save(_figure("409"), "demo", "en", tmp_path)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in first}
    for p in first:  # an old time stamp shows whether the file is rewritten
        os.utime(p, ns=(1_000_000_000, 1_000_000_000))
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in first}
    again = save(_figure("409"), "demo", "en", tmp_path)
    assert again == first
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in again} == before
    changed = save(_figure("28"), "demo", "en", tmp_path)
    assert all(p.stat().st_mtime_ns != before[p][1] for p in changed)


def test_write_bytes_if_changed(tmp_path: Path) -> None:
    path = tmp_path / "a" / "x.png"
    assert write_bytes_if_changed(path, b"409") is True
    assert write_bytes_if_changed(path, b"409") is False
    assert write_bytes_if_changed(path, b"4090") is True and path.read_bytes() == b"4090"


NOTEBOOKS = paths.notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_prose_cell_source_is_hidden_in_lab(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    prose = [i for i, c in enumerate(nb.cells) if "prose" in c.metadata.get("tags", [])]
    assert prose, f"{path.name}: no cell tagged prose"
    shown = [i for i in prose if not nb.cells[i].metadata.get("jupyter", {}).get("source_hidden")]
    assert not shown, (f"{path.name}: prose cells {shown} show their say(...) source in Lab; "
                       f"fix: python -m helpers.tools.nbmeta")
    assert nbmeta.hide_prose_sources(path, write=False) is False  # the command would change nothing


def test_hide_prose_sources_is_idempotent_and_touches_only_prose_metadata(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("say(en='a', zh='甲')", metadata={"tags": ["prose"]}),
                nbformat.v4.new_code_cell("x = 409"),
                nbformat.v4.new_code_cell("say(en='b', zh='乙')",
                                          metadata={"tags": ["prose"], "jupyter": {"outputs_hidden": False}})]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    assert nbmeta.hide_prose_sources(path) is True
    once = path.read_bytes()
    assert nbmeta.hide_prose_sources(path) is False and path.read_bytes() == once
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].metadata.jupyter == {"source_hidden": True}
    assert "jupyter" not in cells[1].metadata
    assert cells[2].metadata.jupyter == {"outputs_hidden": False, "source_hidden": True}
    assert [c.source for c in cells] == [c.source for c in nb.cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_set_up_cells_are_tagged_so_exports_leave_them_out(path: Path) -> None:
    """The parameters cell and the imports cell print nothing: tagged, the exported pages leave them out."""
    from helpers.report.export_html import SETUP_TAGS

    nb = nbformat.read(path, as_version=4)
    untagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "import helpers" in c.source
                and not SETUP_TAGS & set(c.metadata.get("tags", []))]
    assert not untagged, f"{path.name}: cells {untagged} import helpers but are not tagged setup"
    assert "parameters" in nb.cells[0].metadata.get("tags", [])
