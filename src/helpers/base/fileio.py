"""Write files whole or not at all: write to a temporary file beside the target, then rename."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import DataError, repo_path


def write_bytes_atomic(path: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename (``check(tmp)`` may refuse it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are for readers
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        check(Path(tmp)) if check else None
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically unless the file already holds exactly these bytes.

    Returns True when the file was written. An unchanged file keeps its time stamp, so running a
    notebook in JupyterLab does not touch the committed figures it reproduces byte for byte.
    """
    path = Path(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes_atomic(path, data)
    return True


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text (no BOM, ``\\n`` line ends) atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def check_writable(folder: Path, elsewhere: bool = True) -> None:
    """Raise one DataError unless files can be created in ``folder`` (made if missing); nothing is left behind.

    ``elsewhere``: the fix may suggest ``--out DIR`` (not for a folder every build writes, such as the figures).
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-check.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        other = ", or build elsewhere with --out DIR" if elsewhere else " (every build of the project writes it, --out or not)"
        raise DataError(folder, "folder", f"cannot be written ({err.strerror}); nothing was built",
                        f"make it writable (e.g. `chmod -R u+w {repo_path(folder)}`){other}") from None
