"""Corpus mode of :mod:`helpers.parse.extract`: every figure of many reports, in parallel, with Dask.

    python -m helpers.extract CORPUS --out figures.parquet [--workers N] [--published YYYY-MM-DD]
    python -m helpers.extract CORPUS --out figures/ --scheduler tcp://HOST:8786

``CORPUS`` is a folder of text files (every file below it; the document id is its path relative to
the folder, with ``/``), a JSON Lines file (one object per line with ``id`` and ``text``; ``.jsonl`` or
``.ndjson``) or a Parquet file with a ``text`` column (and ``id``, else the row number is the id).

The output has one row per figure: ``doc_id``, then every column of
:func:`helpers.parse.extract.find_figures` (``start``/``end`` are offsets into that document's text;
``value`` is stored as float64, dates as date32). Rows are sorted by document id and offset, the
Parquet file is written with a fixed row-group size and no timestamps, so a rerun over the same corpus
gives the same bytes. Documents that cannot be read (bytes neither UTF-8 nor GBK, NUL bytes as in
binary files, empty text, a JSON line without ``id``/``text``) are listed with the reason in
``OUT.bad.csv`` (``doc_id,reason``) and never end the run.

Parallelism always goes through Dask (a ``dask.bag`` of documents, one partition per task): by
default a ``distributed.LocalCluster`` with one single-threaded worker process per core
(``--workers`` to change); with ``--scheduler ADDRESS`` the same graph runs on that cluster and the
output is a Parquet dataset folder (one ``part.N.parquet`` per partition, in document order; the bad
documents in ``OUT.bad.csv`` next to it) written by the workers, so the result never has to fit in one machine's memory. On a
cluster, folder documents are read by the workers: the folder must be visible to them at the same path.
A progress bar is drawn on a terminal (stderr is a TTY) only.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..base.errors import DataError

#: Rows per Parquet row group (fixed so the bytes do not depend on how the work was split).
ROW_GROUP_SIZE = 65_536
#: Documents per Dask partition (task).
PARTITION_DOCS = 64
#: Bytes per partition of a JSON Lines corpus.
JSONL_BLOCK = 16_000_000
SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("value", pa.float64()), ("unit", pa.string()), ("start", pa.int64()),
    ("end", pa.int64()), ("text", pa.string()), ("kind", pa.string()), ("approx", pa.bool_()),
    ("qualifier", pa.string()), ("bound", pa.string()), ("value_max", pa.float64()),
    ("date_earliest", pa.date32()), ("date_latest", pa.date32()), ("precision", pa.string()),
    ("counted", pa.string()),
], metadata={"producer": "helpers.extract corpus mode"})
SORT_KEYS = ["doc_id", "start", "end", "kind", "unit"]


# ------------------------------------------------------------------------------------------------
# One document, one partition (these run on the workers)
def _decode(doc_id: str, payload: Any) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason) for a document given as bytes (a file) or str (JSONL, Parquet)."""
    from .extract import decode_text

    if payload is None:
        return None, "empty: no text"
    if isinstance(payload, bytes):
        try:
            text, _ = decode_text(payload, doc_id)
        except DataError as err:
            reason = "binary: contains NUL bytes" if b"\x00" in payload else f"undecodable: {err.problem}"
            return None, reason
    elif isinstance(payload, str):
        text = payload
    else:
        return None, f"not text: a {type(payload).__name__}"
    if not text.strip():
        return None, "empty: no text"
    if "\x00" in text:
        return None, "binary: contains NUL characters"
    return text, None


def extract_documents(docs: Iterable[tuple[str, Any]], published: date | None = None
                      ) -> tuple[pa.Table, list[tuple[str, str]]]:
    """Figures of ``(doc_id, bytes | str | Path)`` documents as a sorted Arrow table (the rows of
    :func:`helpers.parse.extract.find_figures`, built without a DataFrame per document), and the
    ``(doc_id, reason)`` of bad ones."""
    from .extract import _Extractor, infer_published

    rows: list[dict] = []
    bad = []
    for doc_id, payload in docs:
        if isinstance(payload, Path):
            try:
                payload = payload.read_bytes()
            except OSError as err:
                bad.append((doc_id, f"unreadable: {err.strerror}"))
                continue
        if isinstance(payload, BadDocument):
            bad.append((doc_id, payload.reason))
            continue
        text, reason = _decode(doc_id, payload)
        if text is None:
            bad.append((doc_id, reason or "unknown"))
            continue
        try:
            found = _Extractor(text, published or infer_published(text)).rows()
        except Exception as err:  # noqa: BLE001 - one bad document never ends the run
            bad.append((doc_id, f"extractor failed: {type(err).__name__}: {err}"))
            continue
        for row in found:
            row["doc_id"] = doc_id
        rows.extend(found)
    return rows_to_arrow(rows), bad


class BadDocument:
    """A document known to be bad before extraction (a JSON line that is not an object with id and text)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __reduce__(self):  # picklable for the workers
        return BadDocument, (self.reason,)


def rows_to_arrow(rows: list[dict]) -> pa.Table:
    """Row dicts (``doc_id`` and the columns of ``find_figures``) as a sorted Arrow table with :data:`SCHEMA`."""
    columns: dict[str, list] = {}
    for field in SCHEMA:
        name = field.name
        if name in ("value", "value_max"):  # NaN (an unresolved date, no upper end) is stored as null
            columns[name] = [None if r[name] is None or r[name] != r[name] else float(r[name]) for r in rows]
        elif pa.types.is_date32(field.type):
            columns[name] = [r[name] if isinstance(r[name], date) else None for r in rows]
        else:
            columns[name] = [r[name] for r in rows]
    table = pa.Table.from_pydict(columns, schema=SCHEMA)
    return sort_table(table) if rows else table


def _partition(docs: list[tuple[str, Any]], published: date | None
               ) -> tuple[pa.Table, list[tuple[str, str]], int]:
    """Worker task: one partition of documents -> (Arrow table, bad documents, number of documents)."""
    docs = list(docs)
    table, bad = extract_documents(docs, published)
    return table, bad, len(docs)


def _write_part(result: tuple[pa.Table, list, int], folder: str, number: int) -> tuple[int, list, int]:
    """Worker task (cluster mode): write one partition's rows as ``part.N.parquet``; return (rows, bad, docs)."""
    table, bad, docs = result
    write_parquet(table, Path(folder) / f"part.{number:05d}.parquet")
    return table.num_rows, bad, docs


def sort_table(table: pa.Table) -> pa.Table:
    """Rows sorted by document id, offsets, kind, unit, text (Arrow's sort is stable)."""
    keys = [*SORT_KEYS, "text"]
    return table.sort_by([(k, "ascending") for k in keys])


# ------------------------------------------------------------------------------------------------
# Reading a corpus (the client lists documents; bytes are read on the workers where possible)
def _jsonl_records(lines: Iterable[str], source: str) -> Iterator[tuple[str, Any]]:
    """(id, text) of each JSON line; a bad line becomes (``source:LINE``, BadDocument)."""
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield where, BadDocument(f"not JSON: {err.msg}")
            continue
        if not isinstance(obj, dict) or "id" not in obj or "text" not in obj:
            yield where, BadDocument("a JSON line needs an object with id and text")
            continue
        yield str(obj["id"]), obj["text"]


def _read_jsonl_block(path: str, first: int, last: int, offset: int) -> list[tuple[str, Any]]:
    """Worker task: the JSON lines numbered first..last-1 (1-based) of ``path``, line ``first`` at byte ``offset``."""
    out = []
    with open(path, "rb") as handle:
        handle.seek(offset)
        for number, raw in enumerate(handle, start=first):
            if number >= last:
                break
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                out.append((f"{Path(path).name}:{number}", BadDocument(f"undecodable: byte {err.start} is not UTF-8")))
                continue
            out.extend(_jsonl_records([(number, line)], Path(path).name))
    return out


def _jsonl_blocks(path: Path) -> list[tuple[int, int, int]]:
    """Line ranges of about :data:`JSONL_BLOCK` bytes each: (first line, last line + 1, byte offset)."""
    blocks, first, offset, size, number = [], 1, 0, 0, 0
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            size += len(raw)
            if size >= JSONL_BLOCK:
                blocks.append((first, number + 1, offset))
                first, offset, size = number + 1, offset + size, 0
    if first <= number:
        blocks.append((first, number + 1, offset))
    return blocks


def _read_parquet_group(path: str, group: int) -> list[tuple[str, Any]]:
    """Worker task: (id, text) of one row group of a Parquet corpus."""
    pf = pq.ParquetFile(path)
    names = pf.schema_arrow.names
    columns = ["text"] + (["id"] if "id" in names else [])
    table = pf.read_row_group(group, columns=columns)
    offset = sum(pf.metadata.row_group(g).num_rows for g in range(group))
    texts = table.column("text").to_pylist()
    ids = table.column("id").to_pylist() if "id" in names else range(offset, offset + len(texts))
    return [(str(i), t) for i, t in zip(ids, texts)]


def corpus_kind(path: Path) -> str:
    """``folder``, ``jsonl`` or ``parquet``; raises :class:`DataError` naming the fix otherwise."""
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise DataError(path, "corpus", "does not exist", "give a folder, a .jsonl or a .parquet file")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return "jsonl"
    if path.suffix.lower() in (".parquet", ".pq"):
        pf = pq.ParquetFile(path)
        if "text" not in pf.schema_arrow.names:
            raise DataError(path, "columns", "has no `text` column", "name the column of documents `text`")
        return "parquet"
    raise DataError(path, "corpus", "is neither a folder, a JSON Lines nor a Parquet file",
                    "use a folder of .txt files, FILE.jsonl (id + text per line) or FILE.parquet (text column)")


def corpus_bag(path: Path, partition_docs: int = PARTITION_DOCS):
    """A ``dask.bag`` of ``(doc_id, bytes | str | Path | BadDocument)`` in document order."""
    import dask
    import dask.bag as db

    kind = corpus_kind(path)
    if kind == "folder":
        files = sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: p.relative_to(path).as_posix())
        docs = [(p.relative_to(path).as_posix(), p) for p in files]
        return db.from_sequence(docs, partition_size=partition_docs) if docs else db.from_sequence([], npartitions=1)
    if kind == "jsonl":
        parts = [dask.delayed(_read_jsonl_block)(str(path), a, b, at) for a, b, at in _jsonl_blocks(path)]
    else:
        groups = pq.ParquetFile(path).metadata.num_row_groups
        parts = [dask.delayed(_read_parquet_group)(str(path), g) for g in range(groups)]
    return db.from_delayed(parts) if parts else db.from_sequence([], npartitions=1)


# ------------------------------------------------------------------------------------------------
# Writing
def write_parquet(table: pa.Table, out: Path) -> None:
    """Write ``table`` whole or not at all: fixed row groups, zstd, no timestamps, then rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    pq.write_table(table, tmp, row_group_size=ROW_GROUP_SIZE, compression="zstd",
                   use_dictionary=True, write_statistics=True)
    os.replace(tmp, out)


def write_bad(bad: list[tuple[str, str]], out: Path) -> None:
    """The bad documents as CSV ``doc_id,reason``, sorted (written even when empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doc_id", "reason"])
    writer.writerows(sorted(bad))
    tmp = out.with_name(f".{out.name}.tmp{os.getpid()}")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(tmp, out)


def bad_path(out: Path, dataset: bool = False) -> Path:
    """Where the bad documents go: ``OUT.bad.csv`` next to the Parquet file or dataset folder (outside
    the folder, which holds only Parquet parts)."""
    return out.with_name(out.name.rstrip("/") + ".bad.csv")


# ------------------------------------------------------------------------------------------------
# Running
def run_corpus(corpus: Path, out: Path, *, published: date | None = None, workers: int | None = None,
               scheduler: str | None = None, client: Any = None, progress: bool | None = None,
               partition_docs: int = PARTITION_DOCS) -> dict:
    """Extract every figure of ``corpus`` into ``out``. Returns counts: documents, bad, rows.

    ``client`` (a ``distributed.Client``) is used as given; else ``scheduler`` is connected to; else a
    ``LocalCluster`` with ``workers`` single-threaded processes (default: the cores available) is
    started and closed. With ``scheduler`` (or a client whose cluster is not local to this run) the
    output is a dataset folder written by the workers; otherwise one Parquet file.
    """
    import dask
    from distributed import Client, LocalCluster
    from distributed import progress as progress_bar

    corpus, out = Path(corpus), Path(out)
    bag = corpus_bag(corpus, partition_docs)
    dataset = scheduler is not None
    own_cluster = own_client = None
    if client is None:
        if scheduler is not None:
            client = own_client = Client(scheduler)
        else:
            n = workers or available_cores()
            own_cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)
            client = own_client = Client(own_cluster)
    if progress is None:
        progress = sys.stderr.isatty()
    try:
        parts = bag.to_delayed()
        results = [dask.delayed(_partition)(p, published) for p in parts]
        if dataset:
            out.mkdir(parents=True, exist_ok=True)
            for old in out.glob("part.*.parquet"):
                old.unlink()
            tasks = [dask.delayed(_write_part)(r, str(out), i) for i, r in enumerate(results)]
        else:
            tasks = results
        futures = client.compute(tasks)
        if progress:
            progress_bar(futures)
            print(file=sys.stderr)
        gathered = client.gather(futures)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()
    bad = [b for _, part_bad, _ in gathered for b in part_bad]
    documents = sum(n for _, _, n in gathered)
    if dataset:
        rows = sum(n for n, _, _ in gathered)
    else:
        tables = [t for t, _, _ in gathered if t.num_rows]
        table = sort_table(pa.concat_tables(tables)) if tables else rows_to_arrow([])
        write_parquet(table, out)
        rows = table.num_rows
    write_bad(bad, bad_path(out, dataset))
    return {"documents": documents, "rows": rows, "bad": len(bad), "partitions": len(gathered)}


def available_cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1
