"""Load the archived article and verify it is byte-exact (checksum, encoding, no BOM)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from . import paths
from .errors import DataError

RESTORE_FIX = "restore the archived copy with `git checkout -- data/raw/` (or copy it again, byte-exact, from shared/source/)"


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


def load_meta(meta_path: Path = paths.ARTICLE_META) -> dict:
    """Read the metadata JSON beside the article."""
    try:
        return json.loads(Path(meta_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(meta_path, "metadata", "file is missing", RESTORE_FIX) from None


def decode_article(raw: bytes, path: Path, expected_sha256: str) -> str:
    """Check ``raw`` against the checksum and decode it as UTF-8, or raise one clear DataError."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, "byte 0", "the file starts with a UTF-8 byte-order mark (BOM); the archive has none", RESTORE_FIX)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(
            path, f"byte {err.start}",
            "the file is not valid UTF-8 (was it re-saved as GBK/GB2312?)", RESTORE_FIX,
        ) from None
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected_sha256:
        raise DataError(
            path, "sha256",
            f"the article has changed (sha256 {actual[:12]}…, expected {expected_sha256[:12]}…)", RESTORE_FIX,
        )
    return text


def load_article(path: Path = paths.ARTICLE, meta_path: Path = paths.ARTICLE_META) -> Article:
    """Load the article, refusing any copy that is not byte-exact."""
    meta = load_meta(meta_path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DataError(path, "article", "file is missing", RESTORE_FIX) from None
    return Article(text=decode_article(raw, Path(path), meta["sha256"]), meta=meta, path=Path(path))


@lru_cache(maxsize=1)
def article_text() -> str:
    """The verified article text (cached)."""
    return load_article().text
