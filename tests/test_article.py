"""The archive: byte-exact, checksummed, metadata complete; changed copies are refused."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from helpers.base import paths
from helpers.source.article import load_article
from helpers.base.errors import DataError

SOURCE = paths.ROOT.parent / "shared" / "source" / "xianning-inspection-2017-04-25.txt"


def test_archive_checksum_matches_metadata_and_readme() -> None:
    digest = hashlib.sha256(paths.ARTICLE.read_bytes()).hexdigest()
    meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
    assert digest == meta["sha256"] == "59bf12aa129caead8c2d368739b1431c4f7e384d41bed48f0dd547acb537c998"
    assert digest in (paths.RAW / "README.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not SOURCE.exists(), reason="shared/source is not beside this clone")
def test_archive_is_byte_exact_copy_of_shared_source() -> None:
    assert paths.ARTICLE.read_bytes() == SOURCE.read_bytes()


def test_metadata_names_outlet_title_time_zone_and_byline() -> None:
    article = load_article()
    assert article.meta["outlet"] == "咸宁新闻网"
    assert article.meta["title"] == "推动主体责任落地生根 咸宁市首轮巡察工作回眸"
    assert article.published.isoformat() == "2017-04-25T23:54:00+08:00"
    assert article.meta["byline"] == "通讯员 咸纪轩"
    assert article.meta["title"] in article.text
    assert len(article.text) == article.meta["characters"] == 2315


def _broken_copy(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    return path


def test_gbk_resave_is_refused(tmp_path: Path) -> None:
    gbk = paths.ARTICLE.read_text(encoding="utf-8").encode("gbk", errors="replace")
    with pytest.raises(DataError) as err:
        load_article(_broken_copy(tmp_path, gbk))
    assert "not valid UTF-8" in str(err.value) and "GBK" in str(err.value)
    assert "article.txt" in str(err.value) and "git checkout -- " in str(err.value)


def test_bom_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError) as err:
        load_article(_broken_copy(tmp_path, b"\xef\xbb\xbf" + paths.ARTICLE.read_bytes()))
    assert "byte-order mark" in str(err.value) and "Fix:" in str(err.value)


def test_edited_article_is_refused(tmp_path: Path) -> None:
    edited = paths.ARTICLE.read_bytes().replace("409条".encode(), "490条".encode())
    with pytest.raises(DataError) as err:
        load_article(_broken_copy(tmp_path, edited))
    assert "has changed" in str(err.value) and "sha256" in str(err.value)


def test_missing_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing"):
        load_article(tmp_path / "nope.txt")


def test_metadata_is_checksummed_and_names_the_origin_not_a_folder() -> None:
    sums = dict(line.split()[::-1] for line in (paths.RAW / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert sums[paths.ARTICLE_META.name] == hashlib.sha256(paths.ARTICLE_META.read_bytes()).hexdigest()
    assert sums[paths.ARTICLE.name] == load_article().sha256
    meta = json.loads(paths.ARTICLE_META.read_text(encoding="utf-8"))
    assert "archived_from" not in meta and "shared" not in json.dumps(meta) and "../" not in json.dumps(meta)
    for part in (meta["outlet"], meta["title"], meta["byline"], "2017-04-25"):
        assert part in meta["origin"], part
    assert meta["url"] == "not recorded in the archive"


def test_changed_metadata_is_refused(tmp_path: Path) -> None:
    meta = tmp_path / paths.ARTICLE_META.name
    meta.write_bytes(paths.ARTICLE_META.read_bytes().replace(b"23:54:00+08:00", b"23:54:00+00:00"))
    with pytest.raises(DataError) as err:
        load_article(paths.ARTICLE, meta)
    assert "the metadata has changed" in str(err.value) and "SHA256SUMS" in str(err.value)


def test_git_keeps_data_raw_byte_exact() -> None:
    """.gitattributes turns end-of-line conversion off for data/articles/xianning/raw/ (core.autocrlf=true changes nothing)."""
    import subprocess

    from conftest import need

    need("git")  # missing under CI: a failure
    if not (paths.ROOT / ".git").exists():
        pytest.skip("not a git work tree")
    for name in (paths.ARTICLE.name, paths.ARTICLE_META.name, "SHA256SUMS"):
        out = subprocess.run(["git", "-c", "core.autocrlf=true", "check-attr", "text", "--", f"data/articles/xianning/raw/{name}"],
                             cwd=paths.ROOT, capture_output=True, text=True, check=True).stdout
        assert out.strip().endswith("text: unset"), out
