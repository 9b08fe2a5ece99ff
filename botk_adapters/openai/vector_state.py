"""BOTK's record of its OpenAI vector store: the store's id and the hashes of uploaded files."""

from __future__ import annotations

import time
from typing import Protocol

import attrs

from botk_adapters.sqlite.db import Database

DEFAULT_KEY = "default"


@attrs.frozen
class UploadedFile:
    """A local document as uploaded: its name, content hash and OpenAI file id."""

    name: str
    content_hash: str
    file_id: str


class VectorStoreRecord(Protocol):
    """Where the vector store's id and the uploaded files are recorded (SQLite, PostgreSQL)."""

    def store_id(self, key: str = DEFAULT_KEY) -> str | None: ...

    def set_store_id(self, vector_store_id: str, key: str = DEFAULT_KEY) -> None: ...

    def files(self, vector_store_id: str) -> dict[str, UploadedFile]: ...

    def put_file(self, vector_store_id: str, uploaded: UploadedFile) -> None: ...

    def remove_file(self, vector_store_id: str, name: str) -> None: ...


class VectorStoreState:
    """Kept in BOTK's SQLite file, never by rewriting ``.env``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def store_id(self, key: str = DEFAULT_KEY) -> str | None:
        row = (
            self._db.connection()
            .execute("SELECT vector_store_id FROM openai_vector_stores WHERE key = ?", (key,))
            .fetchone()
        )
        return row[0] if row else None

    def set_store_id(self, vector_store_id: str, key: str = DEFAULT_KEY) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO openai_vector_stores (key, vector_store_id, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET vector_store_id = excluded.vector_store_id, "
                "updated_at = excluded.updated_at",
                (key, vector_store_id, time.time()),
            )

    def files(self, vector_store_id: str) -> dict[str, UploadedFile]:
        rows = self._db.connection().execute(
            "SELECT name, content_hash, file_id FROM openai_vector_store_files WHERE vector_store_id = ?",
            (vector_store_id,),
        )
        return {row[0]: UploadedFile(row[0], row[1], row[2]) for row in rows}

    def put_file(self, vector_store_id: str, uploaded: UploadedFile) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO openai_vector_store_files "
                "(vector_store_id, name, content_hash, file_id, uploaded_at) VALUES (?, ?, ?, ?, ?)",
                (vector_store_id, uploaded.name, uploaded.content_hash, uploaded.file_id, time.time()),
            )

    def remove_file(self, vector_store_id: str, name: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                "DELETE FROM openai_vector_store_files WHERE vector_store_id = ? AND name = ?",
                (vector_store_id, name),
            )


def current_vector_store_id(
    db: Database | VectorStoreRecord, configured: str | None = None, key: str = DEFAULT_KEY
) -> str | None:
    """The vector store to search: ``VECTOR_STORE_ID`` when set, else the one ``botk assistant sync`` made."""
    if configured:
        return configured
    record = VectorStoreState(db) if isinstance(db, Database) else db
    return record.store_id(key)
