"""The build manifest: content hashes of each target's inputs and outputs.

Layout of ``<out>/.build/manifest.json``::

    {"version": 1,
     "targets": {"en/01-name": {"inputs": {...}, "exporter": "...",
                                "outputs": {"executed": {"path": "...", "sha256": "..."},
                                            "html": {...}, "pdf": {...}}},
                 "reader/en": {...}, "index": {...}}}

Output paths are relative to the output directory. A target's entry is written only
after all its outputs are in place, and removed when its build fails.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..fileio import write_text_atomic
from .hashing import sha256_file


def record(out_dir: Path, path: Path) -> dict[str, Any]:
    """The manifest's record of output ``path``: relative path, sha256, size and modification time."""
    st = path.stat()
    return {"path": path.relative_to(out_dir).as_posix(), "sha256": sha256_file(path) or "",
            "size": st.st_size, "mtime_ns": st.st_mtime_ns}

VERSION = 1
Entry = dict[str, Any]


class Manifest:
    """The manifest of one output directory."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / ".build" / "manifest.json"
        self.targets: dict[str, Entry] = {}
        self.dirty = False  # records refreshed in memory, not yet saved
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == VERSION:
                self.targets = dict(data.get("targets", {}))
        except (FileNotFoundError, ValueError):
            pass

    def get(self, key: str) -> Entry | None:
        """The recorded entry of target ``key``, if any."""
        return self.targets.get(key)

    def output_ok(self, key: str, stage: str) -> bool:
        """True if ``stage``'s recorded output exists with its recorded hash.

        A file whose size and modification time (ns) are those recorded is not hashed again
        (as git's index does); any write changes them, and then the content decides.
        """
        rec = (self.targets.get(key) or {}).get("outputs", {}).get(stage)
        if not rec:
            return False
        path = self.out_dir / rec["path"]
        try:
            st = path.stat()
        except OSError:
            return False
        if rec.get("size") == st.st_size and rec.get("mtime_ns") == st.st_mtime_ns:
            return True
        if sha256_file(path) != rec["sha256"]:
            return False
        rec["size"], rec["mtime_ns"] = st.st_size, st.st_mtime_ns  # same content: trust this stat next time
        self.dirty = True
        return True

    def output_sha(self, key: str, stage: str) -> str | None:
        """The recorded hash of ``stage``'s output of target ``key``."""
        rec = (self.targets.get(key) or {}).get("outputs", {}).get(stage)
        return rec["sha256"] if rec else None

    def set(self, key: str, entry: Entry) -> None:
        """Record ``entry`` for ``key`` and save (atomically)."""
        self.targets[key] = entry
        self.save()

    def drop(self, key: str) -> None:
        """Forget target ``key`` and save."""
        if self.targets.pop(key, None) is not None:
            self.save()

    def save(self) -> None:
        """Write the manifest atomically."""
        self.dirty = False
        text = json.dumps({"version": VERSION, "targets": self.targets}, indent=1, sort_keys=True, ensure_ascii=False)
        write_text_atomic(self.path, text + "\n")
