"""What of the environment changes an output: fonts, rendering packages, Python, Chromium.

:func:`environment` returns flat ``{"@font:<file>": sha256, "@pkg:<name>": version, ...}`` entries
that the build adds to every target's inputs, so a new font file, an upgraded matplotlib or another
Chromium rebuilds what they made. What is slow to ask is cached in ``<out>/.build/env-cache.json``:
package versions keyed on the state of the installation folders, Chromium's version keyed on the
binary's path, size and modification time.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .. import paths
from ..fileio import write_text_atomic
from .hashing import sha256_file

#: Packages whose version changes what a notebook draws or how it is exported.
PACKAGES = ("matplotlib", "pandas", "numpy", "seaborn", "fonttools", "pillow", "nbconvert", "nbclient",
            "nbformat", "ipykernel", "jupyter_client", "mistune", "jinja2", "pygments", "matplotlib-inline")


class EnvCache:
    """The cache file of one output directory (read once, written when something new was asked)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir) / ".build" / "env-cache.json"
        try:
            self.data: dict = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        self.dirty = False

    def save(self) -> None:
        if self.dirty:
            write_text_atomic(self.path, json.dumps(self.data, indent=1, sort_keys=True) + "\n")
            self.dirty = False


def _stamp(path: Path) -> list:
    try:
        st = path.stat()
        return [str(path), st.st_size, st.st_mtime_ns]
    except OSError:
        return [str(path), None, None]


def package_versions(cache: EnvCache) -> dict[str, str]:
    """``{package: version}`` of :data:`PACKAGES` (``"-"`` if absent), cached on site-packages' state."""
    sites = sorted({p for p in sys.path if p.endswith(("site-packages", "dist-packages"))})
    key = [sys.version, [_stamp(Path(s)) for s in sites]]
    cached = cache.data.get("packages")
    if cached and cached.get("key") == key:
        return cached["versions"]
    from importlib.metadata import PackageNotFoundError, version

    versions: dict[str, str] = {}
    for name in PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "-"
    cache.data["packages"] = {"key": key, "versions": versions}
    cache.dirty = True
    return versions


def font_files() -> list[Path]:
    """The fonts the charts and pages are drawn with: the shipped subset, then the system fallback."""
    from ..fontsubset import SYSTEM_DIRS, WEIGHTS, font_path

    files = [font_path(w) for w in WEIGHTS]
    if os.environ.get("XN_SYSTEM_CJK", "1") != "0":
        files += [p for p in (Path(d) / "NotoSansCJK-Regular.ttc" for d in SYSTEM_DIRS) if p.is_file()][:1]
    return files


def font_hashes(cache: EnvCache) -> dict[str, str]:
    """``{file: sha256}`` of :func:`font_files` (``"missing"`` for an absent one); big files by stat."""
    out: dict[str, str] = {}
    for path in font_files():
        rel = path.relative_to(paths.ROOT).as_posix() if paths.ROOT in path.parents else str(path)
        stamp = _stamp(path)
        if stamp[1] is None:
            out[rel] = "missing"
            continue
        cached = cache.data.setdefault("fonts", {}).get(rel)
        if cached and cached["stamp"] == stamp:
            out[rel] = cached["sha256"]
            continue
        digest = sha256_file(path) or "missing"
        cache.data["fonts"][rel] = {"stamp": stamp, "sha256": digest}
        cache.dirty = True
        out[rel] = digest
    return out


def chrome_version(chrome: str, cache: EnvCache) -> str:
    """``chrome --version``, asked once per binary (path, size, modification time)."""
    stamp = _stamp(Path(chrome).resolve())
    cached = cache.data.get("chrome")
    if cached and cached.get("stamp") == stamp:
        return cached["version"]
    import subprocess

    try:
        out = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30,
                             stdin=subprocess.DEVNULL).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    version = out or f"unknown ({stamp[1]} bytes)"
    cache.data["chrome"] = {"stamp": stamp, "version": version}
    cache.dirty = True
    return version


def environment(cache: EnvCache) -> dict[str, str]:
    """Entries added to every target's inputs: fonts by hash, package versions, Python."""
    env = {f"@font:{k}": v for k, v in font_hashes(cache).items()}
    env.update({f"@pkg:{k}": v for k, v in package_versions(cache).items()})
    env["@python"] = sys.version.split()[0]
    return env
