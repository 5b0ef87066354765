"""One exception type whose message always names the file, the entry and the fix."""
from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """A problem with an input file, reported as: file, entry, what is wrong, how to fix it."""

    def __init__(self, file: Path | str, entry: str, problem: str, fix: str) -> None:
        self.file = str(file)
        self.entry = entry
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.file}: {entry}: {problem}. Fix: {fix}")
