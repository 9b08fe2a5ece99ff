"""The rows ``botk db copy`` reads from SQLite and how each becomes an upsert in PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from botk_adapters.postgres import fact_rows, message_rows
from botk_adapters.postgres.db import PostgresDatabase
from botk_adapters.sqlite import message_rows as sqlite_rows
from botk_core.domain import Chunk, DocumentInfo, Reading, TableFact

_CHECK_BATCH = 10_000


@attrs.frozen
class Kind:
    """One table to copy: what to read, how to write it, and the key that finds it again."""

    table: str
    select: str
    upsert: str
    convert: Callable[[sqlite3.Row], Any]
    key: Callable[[sqlite3.Row], tuple[Any, ...]]
    key_columns: tuple[str, ...]
    key_types: tuple[str, ...] = ("text",)


THREADS = Kind(
    "threads",
    "SELECT id, assistant_id, created_at FROM threads ORDER BY created_at, id",
    "INSERT INTO threads (id, assistant_id, created_at) VALUES (%s, %s, %s) ON CONFLICT (id) DO NOTHING",
    lambda row: (row["id"], row["assistant_id"], row["created_at"]),
    lambda row: (row["id"],),
    ("id",),
)
# Each copied thread's count of messages, as turns keep it.
RECOUNT = (
    "UPDATE threads AS t SET message_count = (SELECT count(*) FROM messages AS m WHERE m.thread_id = t.id)"
    " WHERE t.id = ANY(%s)"
)
# In acceptance order, so that each thread's messages keep theirs; a status may have moved on.
MESSAGES = Kind(
    "messages",
    f"SELECT {sqlite_rows.COLUMNS} FROM messages ORDER BY seq",
    f"{message_rows.INSERT} ON CONFLICT (id) DO UPDATE SET status = excluded.status",
    lambda row: message_rows.to_row(sqlite_rows.from_row(row)),
    lambda row: (row["id"],),
    ("id",),
)
VECTOR_STORES = Kind(
    "openai_vector_stores",
    "SELECT key, vector_store_id, updated_at FROM openai_vector_stores",
    "INSERT INTO openai_vector_stores (key, vector_store_id, updated_at) VALUES (%s, %s, %s)"
    " ON CONFLICT (key) DO UPDATE SET vector_store_id = excluded.vector_store_id,"
    " updated_at = excluded.updated_at",
    lambda row: tuple(row),
    lambda row: (row["key"],),
    ("key",),
)
VECTOR_FILES = Kind(
    "openai_vector_store_files",
    "SELECT vector_store_id, name, content_hash, file_id, uploaded_at FROM openai_vector_store_files",
    "INSERT INTO openai_vector_store_files (vector_store_id, name, content_hash, file_id, uploaded_at)"
    " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (vector_store_id, name) DO UPDATE SET"
    " content_hash = excluded.content_hash, file_id = excluded.file_id, uploaded_at = excluded.uploaded_at",
    lambda row: tuple(row),
    lambda row: (row["vector_store_id"], row["name"]),
    ("vector_store_id", "name"),
    ("text", "text"),
)
READING_COLUMNS = (
    "id_dato, estacion, timestamp, location, dispositivo, bateria, humedad, nivel, temperatura, synthetic"
)
READINGS = f"SELECT {READING_COLUMNS} FROM readings ORDER BY id_dato"
READING_KEYS = attrs.evolve(THREADS, table="readings", key_columns=("id_dato",), key_types=("bigint",))
DOCUMENTS = "SELECT * FROM documents ORDER BY name"


def reading(row: sqlite3.Row) -> Reading:
    return Reading(**{**dict(row), "synthetic": bool(row["synthetic"])})


def document_info(row: sqlite3.Row) -> DocumentInfo:
    """The document as the file describes it (an older file may lack newer columns)."""
    known = {field.name for field in attrs.fields(DocumentInfo)}
    return DocumentInfo(**{key: row[key] for key in row.keys() if key in known})  # noqa: SIM118 (a Row iterates values)


def chunks(source: sqlite3.Connection, document_id: str) -> list[Chunk]:
    """The document's chunks in order, with their table facts where the file keeps them."""
    columns = {row[1] for row in source.execute("PRAGMA table_info(document_chunks)")}
    fact = ", fact" if "fact" in columns else ", NULL AS fact"
    rows = source.execute(
        f"SELECT location, text{fact} FROM document_chunks WHERE document_id = ? ORDER BY ordinal",
        (document_id,),
    )
    return [Chunk(row["text"], row["location"], _fact(row["fact"])) for row in rows]


def _fact(stored: str | None) -> TableFact | None:
    return fact_rows.from_json(json.loads(stored)) if stored else None


def present(database: PostgresDatabase, kind: Kind, keys: Sequence[Any]) -> int:
    """How many of ``keys`` (tuples, or single values) the table holds."""
    columns = ", ".join(kind.key_columns)
    arrays = ", ".join(f"%s::{t}[]" for t in kind.key_types)
    query = f"SELECT count(*) AS n FROM {kind.table} WHERE ({columns}) IN (SELECT * FROM unnest({arrays}))"
    found = 0
    with database.connection() as conn:
        for start in range(0, len(keys), _CHECK_BATCH):
            batch = [k if isinstance(k, tuple) else (k,) for k in keys[start : start + _CHECK_BATCH]]
            row = conn.execute(query, [list(column) for column in zip(*batch, strict=True)]).fetchone()
            found += int(row["n"]) if row else 0
    return found
