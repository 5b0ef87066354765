"""Cell metadata the notebooks carry for JupyterLab: the source of every prose cell is collapsed.

A cell tagged ``prose`` holds one ``say(part=...)`` call whose output is the paragraph a
reader reads (the section's words are in a ``notebooks.csv``); its source is for whoever edits the notebook. nbformat's
``metadata.jupyter.source_hidden`` makes JupyterLab show such a cell collapsed to its output
(click the blue bar at its left to open the source). Exports hide it in any case
(:mod:`helpers.report.export_html`).

``python -m helpers.tools.nbmeta`` sets the flag on every prose cell of ``notebooks/*.ipynb`` (only
that key; sources, ids and the rest stay byte for byte); run it after adding or merging prose cells.
``--check`` changes nothing and exits 1 naming each notebook that would change. Idempotent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..base import paths
from ..base.fileio import write_text_atomic

TAG = "prose"


def hide_prose_sources(path: Path, write: bool = True) -> bool:
    """Set ``jupyter.source_hidden`` on every cell of ``path`` tagged ``prose``; True if it changed.

    With ``write=False`` only reports whether it would change.
    """
    import nbformat

    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    changed = False
    for cell in nb.cells:
        if TAG in cell.get("metadata", {}).get("tags", []):
            jupyter = cell.metadata.setdefault("jupyter", {})
            if jupyter.get("source_hidden") is not True:
                jupyter["source_hidden"] = True
                changed = True
    if changed and write:
        text = nbformat.writes(nb)
        write_text_atomic(path, text if text.endswith("\n") else text + "\n")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Apply (or with ``--check`` verify) :func:`hide_prose_sources` on the given or all notebooks."""
    parser = argparse.ArgumentParser(prog="python -m helpers.tools.nbmeta", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook would change")
    args = parser.parse_args(argv)
    targets = args.notebooks or paths.notebooks()
    changed = [p for p in targets if hide_prose_sources(p, write=not args.check)]
    for p in changed:
        verb = "would hide" if args.check else "hid"
        print(f"{p}: {verb} the source of its prose cells (metadata.jupyter.source_hidden)",
              file=sys.stderr if args.check else sys.stdout)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
