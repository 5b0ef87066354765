"""Small synthetic notebooks (Chinese text, a pandas table, a matplotlib chart saved as a figure) for tests and the benchmark."""
from __future__ import annotations

from pathlib import Path

_SETUP = """import pandas as pd
import matplotlib.pyplot as plt
from helpers.text import fonts
from helpers.base import paths
fonts.setup(LANGUAGE)
LABELS = {"en": {"title": "Problem leads"}, "zh": {"title": "问题线索"}}[LANGUAGE]"""

_TABLE = """df = pd.DataFrame({"term": ["巡察", "问题线索", "整改"], "count": [%d, 5, 7]})
df"""

_CHART = """fig, ax = plt.subplots(figsize=(5, 3))
ax.bar(df["term"], df["count"], color="#2a6f97")
ax.set_title("巡察 问题线索 — " + LABELS["title"], fontweight="bold")
fig.savefig(paths.FIGURES / f"demo-%d.{LANGUAGE}.png", dpi=50, metadata={"Software": None})
plt.show()"""


def demo_notebook(n: int = 1, fail: bool = False) -> str:
    """JSON text of demo notebook ``n`` (``fail=True``: a cell raises ValueError)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('LANGUAGE = "en"')
    params.metadata["tags"] = ["parameters"]
    cells = [nbformat.v4.new_markdown_cell(f"# 演示 {n}: 巡察 and 问题线索\n\n咸宁市首轮巡察发现问题线索 (demo {n})."),
             params, nbformat.v4.new_code_cell(_SETUP), nbformat.v4.new_code_cell(_TABLE % (n + 2))]
    if fail:
        cells.append(nbformat.v4.new_code_cell('total = df["count"].sum()\nraise ValueError("demo failure")'))
    cells += [nbformat.v4.new_markdown_cell("## 图表 Chart"), nbformat.v4.new_code_cell(_CHART % n)]
    nb.cells = cells
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)


def write_demo_notebooks(folder: Path, count: int = 2, fail: set[int] = frozenset()) -> list[Path]:
    """Write ``count`` demo notebooks ``NN-demo.ipynb`` into ``folder``; return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(1, count + 1):
        path = folder / f"{n:02d}-demo.ipynb"
        path.write_text(demo_notebook(n, n in fail), encoding="utf-8")
        out.append(path)
    return out
