"""Is this environment the one ``requirements.lock`` and ``fonts/`` describe? Checked before a build uses it.

:func:`env_drift` lists every locked package (whose environment markers apply here) that is missing or
installed at another version; :func:`check_env` turns the first into one :class:`DataError` naming it and
``make setup``. :func:`check_fonts` checks the shipped font subset: present, an sfnt file whose tables lie
inside it and match their recorded checksums (a truncated, replaced or random-bytes file fails), with the fix
`git checkout fonts/` or `make fonts`; no system font ever stands in for it silently.

``python -m helpers.base.envcheck`` exits 1 with one line on drift (``make setup`` runs it to notice an
environment changed behind its back).
"""
from __future__ import annotations

import os
import re
import struct
import sys
from array import array
from pathlib import Path

from . import paths
from .errors import DataError, repo_path

__all__ = ["ALLOW_FLAG", "locked_versions", "installed_versions", "env_drift", "check_env", "font_problem",
           "check_fonts", "SHIPPED_FONTS"]

LOCK: Path = paths.ROOT / "requirements.lock"
#: The build's flag that goes on despite a drift (a conda environment); committed figures are then kept.
ALLOW_FLAG = "--allow-env-drift"
#: The shipped subset (``XN_FONT_DIR`` points elsewhere, as in :mod:`helpers.text.fontsubset`).
SHIPPED_FONTS = tuple(Path(os.environ.get("XN_FONT_DIR") or paths.ROOT / "fonts") / f"NotoSansCJKsc-Subset-{w}.ttf"
                      for w in ("Regular", "Bold"))
#: Set by :func:`preflight` when a drift is allowed: the build then keeps every committed figure as it is.
KEEP_FIGURES = "XN_KEEP_FIGURES"
_REQ = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?\s*$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path = LOCK) -> dict[str, set[str]]:
    """``{package: versions}`` the lock pins for this interpreter and platform (markers evaluated)."""
    try:
        from packaging.markers import Marker
    except ImportError:  # pragma: no cover - packaging is in the lock; without it, unmarked pins only
        Marker = None  # type: ignore[assignment]
    out: dict[str, set[str]] = {}
    for line in Path(lock).read_text(encoding="utf-8").splitlines():
        match = _REQ.match(line)
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and (Marker is None or not Marker(marker).evaluate()):
            continue
        out.setdefault(_norm(name), set()).add(version)
    return out


def installed_versions() -> dict[str, str]:
    """``{package: version}`` of this interpreter's environment (one scan of its folders)."""
    from importlib.metadata import distributions

    found: dict[str, str] = {}
    for dist in distributions():
        name = dist.metadata["Name"]
        if name:
            found.setdefault(_norm(name), dist.version)
    return found


def env_drift(lock: Path = LOCK, installed: dict[str, str] | None = None) -> list[str]:
    """Every difference between the environment and the lock, one phrase each (empty: they agree)."""
    installed = installed_versions() if installed is None else installed
    out = []
    for name, versions in sorted(locked_versions(lock).items()):
        have = installed.get(name)
        if have is None:
            out.append(f"{name} is not installed (the lock pins {' or '.join(sorted(versions))})")
        elif have not in versions:
            out.append(f"{name} {have} is installed, the lock pins {' or '.join(sorted(versions))}")
    return out


def check_env(lock: Path = LOCK, allow: bool = False) -> list[str]:
    """Raise one DataError on drift unless ``allow``; returns the differences (for the allowed case's note)."""
    try:
        drift = env_drift(lock)
    except FileNotFoundError:
        raise DataError(lock, "file", "is missing", f"restore it with `git checkout -- {repo_path(lock)}`") from None
    if drift and not allow:
        more = f" (and {len(drift) - 1} more)" if len(drift) > 1 else ""
        raise DataError(lock, "environment", f"{drift[0]}{more}; the outputs would differ from the committed ones",
                        f"run `make setup` (a conda environment: build with {ALLOW_FLAG}, which leaves "
                        "reports/figures/ as committed)")
    return drift


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    words = array("I", data)
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def font_problem(path: Path) -> str | None:
    """What is wrong with the font file ``path`` (None: an intact sfnt font)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return "is missing"
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if len(data) < 12 or data[:4] not in (b"\0\1\0\0", b"OTTO", b"true"):
        return "is not a font file (its first bytes are not an sfnt header)"
    count = struct.unpack(">H", data[4:6])[0]
    if count == 0 or len(data) < 12 + 16 * count:
        return "is truncated (its table directory is incomplete)"
    for i in range(count):
        tag, checksum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        if offset + length > len(data):
            return f"is truncated (table {tag.decode('latin-1')!r} ends past the end of the file)"
        table = data[offset:offset + length]
        if tag == b"head":
            table = table[:8] + b"\0\0\0\0" + table[12:]  # checkSumAdjustment is not part of the sum
        if _checksum(table) != checksum:
            return f"is damaged (table {tag.decode('latin-1')!r} does not match its checksum)"
    return None


def check_fonts(files: tuple[Path, ...] = SHIPPED_FONTS) -> None:
    """Raise one DataError naming the first shipped font that is missing or broken, and the fix."""
    for path in files:
        if problem := font_problem(path):
            raise DataError(path, "font", f"{problem}; no system font stands in for the shipped one",
                            f"restore it with `git checkout fonts/` (or regenerate it with `make fonts`)")


def preflight(allow_drift: bool = False, project: bool = True, pdf: bool = False) -> None:
    """The build's first check: the environment against the lock, (project builds) the shipped fonts, and
    (when PDFs are printed) that fontconfig finds any font (:func:`helpers.base.pdfcheck.check_fontconfig`).

    A drift allowed by :data:`ALLOW_FLAG` prints one note and sets :data:`KEEP_FIGURES`, so the build
    never overwrites a committed figure with one drawn by other package versions.
    """
    drift = check_env(allow=allow_drift)
    if project:
        check_fonts()
    if pdf:
        from .pdfcheck import check_fontconfig

        check_fontconfig()
    if drift:
        os.environ[KEEP_FIGURES] = "1"
        print(f"note: {repo_path(LOCK)}: {drift[0]}{f' (and {len(drift) - 1} more)' if len(drift) > 1 else ''}; "
              f"building anyway ({ALLOW_FLAG}): reports/figures/ keeps the committed figures", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Exit 1 with one line when the environment differs from the lock (``make setup`` asks this)."""
    drift = env_drift()
    if drift:
        more = f" (and {len(drift) - 1} more)" if len(drift) > 1 else ""
        print(f"setup: {drift[0]}{more}: reinstalling from {repo_path(LOCK)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
