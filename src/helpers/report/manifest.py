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

VERSION = 1
Entry = dict[str, Any]


class Manifest:
    """The manifest of one output directory."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / ".build" / "manifest.json"
        self.targets: dict[str, Entry] = {}
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
        """True if ``stage``'s recorded output exists with its recorded hash."""
        rec = (self.targets.get(key) or {}).get("outputs", {}).get(stage)
        if not rec:
            return False
        return sha256_file(self.out_dir / rec["path"]) == rec["sha256"]

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
        text = json.dumps({"version": VERSION, "targets": self.targets}, indent=1, sort_keys=True, ensure_ascii=False)
        write_text_atomic(self.path, text + "\n")
