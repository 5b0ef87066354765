"""Corpus mode of helpers.parse.extract: folder, JSON Lines and Parquet corpora through Dask, bad documents
listed, the same bytes on a rerun, and a run on a distributed.LocalCluster (the cluster path)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers.extract.cli import main
from helpers.parse.extract import COLUMNS, find_figures
from helpers.parse.extract_corpus import run_corpus

DOCS = {
    "a.txt": "市委派出8个巡察组对8个县市区的28家单位开展巡察，移交问题线索409条。",
    "b/c.txt": "廉署去年接獲2,001宗貪污投訴，共清退2萬冒領人員。",
    "d.txt": "人口52万，立案37件处分39人，收缴违纪款1497.7万元。",
}


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text(" \n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "utf16.txt").write_bytes("巡察".encode("utf-16"))
    return root


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as c:
        yield c


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_folder_rows_offsets_columns_and_bad_documents(tmp_path: Path, client) -> None:
    out = tmp_path / "figures.parquet"
    counts = run_corpus(_folder(tmp_path), out, client=client, partition_docs=2)
    df = pd.read_parquet(out)
    assert list(df.columns) == ["doc_id", *COLUMNS]
    expected = sum(len(find_figures(t)) for t in DOCS.values())
    assert len(df) == counts["rows"] == expected
    assert counts["documents"] == 7 and counts["bad"] == 4
    for row in df.itertuples():  # offsets point into that document
        assert DOCS[row.doc_id][row.start:row.end] == row.text
    a = df[df.doc_id == "a.txt"]
    assert list(zip(a.value, a.counted)) == [(8, "巡察组"), (8, "县市区"), (28, "单位"), (409, "问题线索")]
    b = df[(df.doc_id == "b/c.txt") & (df.kind == "count")]
    assert b.counted.tolist() == ["貪污投訴", "冒領人員"]
    assert list(df.doc_id) == sorted(df.doc_id)
    bad = pd.read_csv(tmp_path / "figures.parquet.bad.csv", keep_default_na=False)
    reasons = dict(zip(bad.doc_id, bad.reason))
    assert set(reasons) == {"empty.txt", "blank.txt", "image.png", "utf16.txt"}
    assert reasons["empty.txt"].startswith("empty") and reasons["image.png"].startswith("binary")
    assert reasons["utf16.txt"].startswith("undecodable")


def test_rerun_gives_the_same_bytes_whatever_the_partitions(tmp_path: Path, client) -> None:
    corpus = _folder(tmp_path)
    first, second = tmp_path / "1.parquet", tmp_path / "2.parquet"
    run_corpus(corpus, first, client=client, partition_docs=1)
    run_corpus(corpus, second, client=client, partition_docs=5)
    assert _sha(first) == _sha(second)
    assert (tmp_path / "1.parquet.bad.csv").read_bytes() == (tmp_path / "2.parquet.bad.csv").read_bytes()
    meta = pq.ParquetFile(first).metadata
    assert b"pandas" not in b"".join(meta.metadata or {})  # no library metadata or timestamps


def test_jsonl_and_parquet_corpora(tmp_path: Path, client, monkeypatch) -> None:
    import helpers.parse.extract_corpus as corpus_mode

    monkeypatch.setattr(corpus_mode, "JSONL_BLOCK", 100)  # several blocks, read from their byte offsets
    lines = [json.dumps({"id": name, "text": text}, ensure_ascii=False) for name, text in DOCS.items()]
    lines += ["{not json", json.dumps({"text": "no id"}), json.dumps({"id": "e", "text": ""})]
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus(jsonl, tmp_path / "j.parquet", client=client)
    parquet = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": list(DOCS), "text": list(DOCS.values())}), parquet, row_group_size=2)
    run_corpus(parquet, tmp_path / "p.parquet", client=client)
    from_jsonl, from_parquet = pd.read_parquet(tmp_path / "j.parquet"), pd.read_parquet(tmp_path / "p.parquet")
    pd.testing.assert_frame_equal(from_jsonl, from_parquet)
    bad = pd.read_csv(tmp_path / "j.parquet.bad.csv", keep_default_na=False)
    assert sorted(bad.reason.str.split(":").str[0]) == ["a JSON line needs an object with id and text", "empty", "not JSON"]


def test_cluster_mode_writes_a_dataset_folder(tmp_path: Path, client) -> None:
    out = tmp_path / "figures"
    counts = run_corpus(_folder(tmp_path), out, scheduler=client.scheduler.address, partition_docs=2)
    parts = sorted(out.glob("part.*.parquet"))
    assert len(parts) == counts["partitions"] == 4
    df = pd.read_parquet(out)
    assert len(df) == counts["rows"] and (tmp_path / "figures.bad.csv").exists()
    single = tmp_path / "single.parquet"
    run_corpus(_folder(tmp_path), single, client=client)
    pd.testing.assert_frame_equal(df.reset_index(drop=True), pd.read_parquet(single))


def test_cli_needs_out_for_a_folder(tmp_path: Path, capsys) -> None:
    assert main([str(_folder(tmp_path))]) == 2
    assert "--out" in capsys.readouterr().err
