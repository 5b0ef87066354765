"""Load the archived article and verify it is byte-exact (checksum, encoding, no BOM)."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..base import paths
from ..base.errors import DataError, repo_path, restore_fix

CHECKSUMS: Path = paths.RAW / "SHA256SUMS"
REQUIRED_META = {"sha256": str, "published": str, "title": str, "outlet": str, "byline": str}


def _restore(path: Path) -> str:
    return f"{restore_fix(path)} ({paths.RAW_REL}/ is never edited)"


def recorded_checksums(path: Path = CHECKSUMS) -> dict[str, str]:
    """``{file name: sha256}`` from ``data/raw/SHA256SUMS`` (the format ``sha256sum -c`` reads)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(path, "file", "is missing", _restore(path)) from None
    sums = {}
    for n, line in enumerate(lines, start=1):
        parts = line.split()
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            raise DataError(path, f"line {n}", "is not '<sha256>  <file name>'", _restore(path))
        sums[parts[1].lstrip("*")] = parts[0]
    return sums


def _check_bytes(raw: bytes, path: Path, expected: str, what: str) -> None:
    """Raise one DataError if ``raw`` does not have the checksum ``expected``."""
    actual = hashlib.sha256(raw).hexdigest()
    if actual == expected:
        return
    if b"\r\n" in raw and hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest() == expected:
        raise DataError(path, "line ends", f"the {what} has Windows line ends (CRLF), added by git's core.autocrlf",
                        f"delete it and check it out again: `rm {repo_path(path)} && git checkout -- {repo_path(path)}`"
                        f" (.gitattributes keeps {paths.RAW_REL}/ byte-exact)")
    fix = _restore(path)
    if what == "metadata":
        fix += f"; to correct it on purpose, record its new checksum in {paths.RAW_REL}/SHA256SUMS (see {paths.RAW_REL}/README.md)"
    raise DataError(path, "sha256", f"the {what} has changed (sha256 {actual[:12]}…, expected {expected[:12]}…)", fix)


@dataclass(frozen=True)
class Article:
    """The archived article's text and metadata."""

    text: str
    meta: dict
    path: Path

    @property
    def published(self) -> datetime:
        """Publication date-time, timezone-aware (UTC+8)."""
        return datetime.fromisoformat(self.meta["published"])

    @property
    def sha256(self) -> str:
        return self.meta["sha256"]


def load_meta(meta_path: Path = paths.ARTICLE_META, checksums: Path = CHECKSUMS) -> dict:
    """Read the metadata JSON beside the article, verified against ``data/raw/SHA256SUMS``."""
    meta_path = Path(meta_path)
    try:
        raw = meta_path.read_bytes()
    except FileNotFoundError:
        raise DataError(meta_path, "file", "is missing", _restore(meta_path)) from None
    try:
        meta = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise DataError(meta_path, f"byte {err.start}", "the file is not UTF-8", _restore(meta_path)) from None
    except json.JSONDecodeError as err:
        raise DataError(meta_path, f"line {err.lineno} column {err.colno}",
                        f"not valid JSON ({err.msg}; truncated?)", _restore(meta_path)) from None
    if not isinstance(meta, dict):
        raise DataError(meta_path, "top level", "is not a JSON object", _restore(meta_path))
    for key, kind in REQUIRED_META.items():
        if not isinstance(meta.get(key), kind):
            raise DataError(meta_path, key, "is missing or not text", _restore(meta_path))
    expected = recorded_checksums(checksums).get(meta_path.name)
    if expected is None:
        raise DataError(checksums, meta_path.name, "no checksum is recorded for the metadata", _restore(checksums))
    _check_bytes(raw, meta_path, expected, "metadata")
    try:
        datetime.fromisoformat(meta["published"])
    except ValueError:
        raise DataError(meta_path, "published", f"{meta['published']!r} is not an ISO date-time",
                        _restore(meta_path)) from None
    return meta


def decode_article(raw: bytes, path: Path, expected_sha256: str) -> str:
    """Check ``raw`` against the checksum and decode it as UTF-8, or raise one clear DataError."""
    fix = _restore(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, "byte 0", "the file starts with a UTF-8 byte-order mark (BOM); the archive has none", fix)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data":  # cut short in a character: the checksum says what happened
            actual = hashlib.sha256(raw).hexdigest()
            raise DataError(path, "sha256", f"the article has changed: it is truncated ({len(raw)} bytes, ending "
                            f"inside a character; sha256 {actual[:12]}…, expected {expected_sha256[:12]}…)", fix) from None
        raise DataError(
            path, f"byte {err.start}",
            "the file is not valid UTF-8 (was it re-saved as GBK/GB2312?)", fix,
        ) from None
    _check_bytes(raw, path, expected_sha256, "article")
    return text


def load_article(path: Path = paths.ARTICLE, meta_path: Path = paths.ARTICLE_META) -> Article:
    """Load the article, refusing any copy that is not byte-exact."""
    meta = load_meta(meta_path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DataError(path, "file", "is missing", _restore(Path(path))) from None
    return Article(text=decode_article(raw, Path(path), meta["sha256"]), meta=meta, path=Path(path))


@lru_cache(maxsize=1)
def article_text() -> str:
    """The verified article text (cached)."""
    return load_article().text
