"""`make setup` without uv on PATH fetches one pinned, hash-checked uv from PyPI (etc/tools.lock)."""
from __future__ import annotations

import re

from helpers.base import paths

MAKEFILE = (paths.ROOT / "Makefile").read_text(encoding="utf-8")


def test_tools_lock_pins_the_uv_of_tools_in_with_a_hash_for_every_platform() -> None:
    wanted = re.search(r"^uv==(\S+)$", (paths.ROOT / "etc/tools.in").read_text(encoding="utf-8"), re.M).group(1)
    lock = (paths.ROOT / "etc/tools.lock").read_text(encoding="utf-8")
    pins = re.findall(r"^(\S+)==(\S+)", lock, re.M)
    assert pins == [("uv", wanted)], pins
    hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})\b", lock)
    # one wheel per platform (Linux glibc/musl x86-64/arm64 and more, macOS, Windows) plus the sdist
    assert len(hashes) == len(set(hashes)) >= 10, len(hashes)


def test_setup_fetches_uv_with_pip_require_hashes_into_the_ignored_tools_folder() -> None:
    assert "TOOLS_LOCK := etc/tools.lock" in MAKEFILE and "TOOLS := .tools" in MAKEFILE
    fetch = re.search(r"-m pip install .*?--target \$\(TOOLS\)/uv -r \$\(TOOLS_LOCK\)", MAKEFILE, re.S).group(0)
    assert "--require-hashes" in fetch and "--only-binary=:all:" in fetch and "--no-deps" in fetch
    assert "installing with pip instead" in MAKEFILE  # the one-line notice of the fallback
    assert ".tools/" in (paths.ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
