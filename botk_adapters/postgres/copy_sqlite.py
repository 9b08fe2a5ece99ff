"""Copy an SQLite deployment into PostgreSQL: threads, messages, documents, readings, vector stores.

Safe to run again: every row is an upsert keyed by its id, so a second run
adds what is new and duplicates nothing. The SQLite file is opened read-only.
Each part ends with a count check: how many of the file's rows PostgreSQL holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from botk_adapters.postgres import copy_rows
from botk_adapters.postgres.db import PostgresDatabase
from botk_adapters.postgres.documents import PostgresDocumentStore
from botk_adapters.postgres.measurements import PostgresMeasurementRepository
from botk_core.errors import NotFound

# (what is being copied, rows done, rows in all)
Progress = Callable[[str, int, int], None]
BATCH = 500


@attrs.frozen
class CopyCount:
    """How many rows of one kind the SQLite file has, and how many of them PostgreSQL holds now."""

    what: str
    source: int
    target: int

    @property
    def complete(self) -> bool:
        return self.source == self.target


def copy_sqlite(path: str | Path, database: PostgresDatabase, progress: Progress) -> list[CopyCount]:
    """Copy everything of the SQLite file at ``path`` into ``database``; the counts, checked."""
    source = open_read_only(path)
    try:
        database.migrate()
        return [
            _copy(source, database, progress, "conversaciones", copy_rows.THREADS),
            _copy(source, database, progress, "mensajes", copy_rows.MESSAGES, recount=True),
            _copy_documents(source, database, progress),
            _copy_readings(source, database, progress),
            _copy(source, database, progress, "almacenes de vectores", copy_rows.VECTOR_STORES),
            _copy(source, database, progress, "archivos en almacenes de vectores", copy_rows.VECTOR_FILES),
        ]
    finally:
        source.close()


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """The SQLite file, read-only; ``NotFound`` when there is no such file."""
    file = Path(path)
    if not file.is_file():
        raise NotFound(f"No existe el archivo SQLite {file}")
    conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _copy(
    source: sqlite3.Connection,
    database: PostgresDatabase,
    progress: Progress,
    what: str,
    kind: copy_rows.Kind,
    recount: bool = False,
) -> CopyCount:
    total = _count(source, kind.table)
    keys: list[Any] = []
    for batch in _batches(source, kind.select, BATCH):
        with database.write() as conn, conn.cursor() as cursor:
            cursor.executemany(kind.upsert, [kind.convert(row) for row in batch])
            if recount:
                cursor.execute(copy_rows.RECOUNT, (list({row["thread_id"] for row in batch}),))
        keys += [kind.key(row) for row in batch]
        progress(what, len(keys), total)
    return CopyCount(what, total, copy_rows.present(database, kind, keys))


def _copy_documents(source: sqlite3.Connection, database: PostgresDatabase, progress: Progress) -> CopyCount:
    """Each document with its chunks (and table facts), through the store: its search index is rebuilt."""
    store, total = PostgresDocumentStore(database), _count(source, "documents")
    known = {d.id: d for d in store.list_documents()}
    done = 0
    for batch in _batches(source, copy_rows.DOCUMENTS, BATCH):
        for row in batch:
            info = copy_rows.document_info(row)
            if known.get(info.id) != info:  # new or changed since the last copy
                store.put(info, copy_rows.chunks(source, info.id))
            done += 1
            progress("documentos", done, total)
    copied = {d.id: d for d in store.list_documents()}
    present = sum(1 for row in source.execute(copy_rows.DOCUMENTS) if row["id"] in copied)
    return CopyCount("documentos", total, present)


def _copy_readings(source: sqlite3.Connection, database: PostgresDatabase, progress: Progress) -> CopyCount:
    repo, total, ids = PostgresMeasurementRepository(database), _count(source, "readings"), []
    for batch in _batches(source, copy_rows.READINGS, 5000):
        readings = [copy_rows.reading(row) for row in batch]
        repo.upsert(readings)
        ids += [r.id_dato for r in readings]
        progress("lecturas", len(ids), total)
    return CopyCount("lecturas", total, copy_rows.present(database, copy_rows.READING_KEYS, ids))


def _count(source: sqlite3.Connection, table: str) -> int:
    if not _has_table(source, table):
        return 0
    return int(source.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _has_table(source: sqlite3.Connection, table: str) -> bool:
    found = source.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    return found.fetchone() is not None


def _batches(source: sqlite3.Connection, query: str, size: int) -> Iterator[list[sqlite3.Row]]:
    table = query.split(" FROM ", 1)[1].split()[0]
    if not _has_table(source, table):
        return
    cursor = source.execute(query)
    while batch := cursor.fetchmany(size):
        yield batch
