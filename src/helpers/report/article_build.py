"""Build ``<out>/<lang>/article.html`` incrementally, as one more target of the report build.

A page is rebuilt when any file it is made from changed (the article and its metadata, the tidy
tables, ``left_out.csv``, the notebooks (which chart each publishes), the chart code (which
figures each chart shows), this page's modules, the prose and font helpers), or when the page on
disk is missing or differs from the manifest. Nothing heavy is imported when all is up to date.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .. import paths
from .hashing import hash_files, sha256_file
from .manifest import Manifest

NAME = "article"


def page_inputs(root: Path = paths.ROOT) -> list[Path]:
    """The files an article page is made from."""
    src = root / "src" / "helpers"
    files = [paths.ARTICLE, paths.ARTICLE_META, paths.CURATED / "left_out.csv", paths.DATAPACKAGE]
    files += sorted((root / "data" / "tidy").glob("*.csv"))
    files += sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    files += sorted((src / "charts").glob("*.py"))
    files += sorted((src / "report").glob("article_*.py"))
    files += [src / n for n in ("prose.py", "coverage.py", "numerals.py", "load.py", "article.py")]
    files += [src / "report" / "fonts.py", src / "fonts.py"]
    return files


@dataclass
class PageOutcome:
    """One page's fate: "built", "skipped" or "failed" (with a one-line message)."""

    key: str
    status: str
    path: Path
    message: str = ""


def update(out_dir: Path, langs: Sequence[str], manifest: Manifest, force: bool = False,
           echo: Callable[[str], None] = print) -> list[PageOutcome]:
    """Write the article page of each language in ``langs`` that is stale; record it in ``manifest``."""
    out_dir = Path(out_dir)
    inputs = hash_files(page_inputs())
    todo, results = [], []
    for lang in langs:
        key, path = f"{lang}/{NAME}", out_dir / lang / f"{NAME}.html"
        entry = manifest.get(key) or {}
        if not force and entry.get("inputs") == {**inputs, "@lang": lang} and manifest.output_ok(key, "html"):
            echo(f"[skip] {key}  up to date")
            results.append(PageOutcome(key, "skipped", path))
        else:
            todo.append((lang, key, path))
    if not todo:
        return results
    from ..errors import DataError
    from ..fileio import write_text_atomic
    from .article_marks import MarkError
    from .article_page import load_page_data, render_page
    from .fonts import cjk_font_css

    try:
        data = load_page_data()
    except (DataError, MarkError, KeyError, ValueError) as err:
        for lang, key, path in todo:
            path.unlink(missing_ok=True)
            manifest.drop(key)
            echo(f"[FAIL] {key}  {err}")
            results.append(PageOutcome(key, "failed", path, str(err)))
        return results
    for lang, key, path in todo:
        try:
            page = render_page(data, lang)
            page = render_page(data, lang, cjk_font_css(page, out_dir / ".build" / "fonts"))
        except (DataError, MarkError, KeyError, ValueError) as err:
            path.unlink(missing_ok=True)
            manifest.drop(key)
            echo(f"[FAIL] {key}  {err}")
            results.append(PageOutcome(key, "failed", path, str(err)))
            continue
        write_text_atomic(path, page)
        manifest.set(key, {"inputs": {**inputs, "@lang": lang}, "outputs": {"html": {
            "path": path.relative_to(out_dir).as_posix(), "sha256": sha256_file(path) or ""}}})
        echo(f"[ok]   {key}")
        results.append(PageOutcome(key, "built", path))
    return results
