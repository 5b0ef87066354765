"""One exception type whose message always names the file, the entry and the fix."""
from __future__ import annotations

from pathlib import Path

from . import paths


def repo_path(file: Path | str) -> str:
    """``file`` relative to the repository root when it lies inside it (as a user types it), else as given."""
    try:
        return Path(file).resolve().relative_to(paths.ROOT).as_posix()
    except (ValueError, OSError):
        return str(file)


def restore_fix(file: Path | str) -> str:
    """The fix for a damaged or missing tracked file: check it out again from git."""
    return f"restore it with `git checkout -- {repo_path(file)}`"


class DataError(Exception):
    """A problem with an input file, reported as: file, entry, what is wrong, how to fix it."""

    def __init__(self, file: Path | str, entry: str, problem: str, fix: str) -> None:
        self.file = repo_path(file)
        self.entry = entry
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.file}: {entry}: {problem}. Fix: {fix}")


def write_failure(err: BaseException) -> str | None:
    """One line for an error that stops every write (disk full, read-only, no permission), else None."""
    import errno

    if not isinstance(err, OSError) or err.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES,
                                                          errno.EPERM):
        return None
    where = repo_path(err.filename) if err.filename else "the output folder"
    fix = "free space on the disk" if err.errno in (errno.ENOSPC, errno.EDQUOT) else f"make {where} writable"
    return f"{where}: cannot write ({err.strerror}); nothing partial was kept. Fix: {fix}, then run the build again"
