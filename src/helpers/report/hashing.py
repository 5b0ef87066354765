"""Content hashes of files, and the inputs every notebook depends on."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import paths


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """Hex sha256 of the file at ``path``, or ``None`` if it does not exist."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def project_dependencies(root: Path = paths.ROOT) -> list[Path]:
    """Files whose change re-executes every notebook.

    The tidy data (``data/tidy/*``), ``data/datapackage.json`` and the helpers package
    (``src/helpers/**/*.py``) except this report package, whose changes only re-export.
    """
    helpers = root / "src" / "helpers"
    report = helpers / "report"
    deps = [p for p in sorted((root / "data" / "tidy").glob("*")) if p.is_file()]
    deps.append(root / "data" / "datapackage.json")
    deps += [p for p in sorted(helpers.rglob("*.py")) if report not in p.parents]
    return deps


def hash_files(files: list[Path], root: Path = paths.ROOT) -> dict[str, str]:
    """``{relative path: sha256}`` for the files that exist (missing ones are left out)."""
    out: dict[str, str] = {}
    for path in files:
        digest = sha256_file(path)
        if digest is not None:
            out[_rel(path, root)] = digest
    return out


def exporter_version() -> str:
    """Hash of the export code (this package): when it changes, outputs are re-exported."""
    here = Path(__file__).parent
    names = ("export_html.py", "fonts.py", "pdf.py", "reader.py")
    return sha256_bytes(b"".join((sha256_file(here / n) or "").encode() for n in names))
