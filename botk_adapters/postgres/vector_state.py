"""BOTK's record of its OpenAI vector store on PostgreSQL: the store's id and the uploaded files' hashes."""

from __future__ import annotations

import time

from botk_adapters.openai.vector_state import DEFAULT_KEY, UploadedFile
from botk_adapters.postgres.db import PostgresDatabase


class PostgresVectorStoreState:
    """The same record as the SQLite one, shared by every instance."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    def store_id(self, key: str = DEFAULT_KEY) -> str | None:
        with self._db.connection() as conn:
            row = conn.execute(
                "SELECT vector_store_id FROM openai_vector_stores WHERE key = %s", (key,)
            ).fetchone()
        return str(row["vector_store_id"]) if row else None

    def set_store_id(self, vector_store_id: str, key: str = DEFAULT_KEY) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO openai_vector_stores (key, vector_store_id, updated_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (key) DO UPDATE SET vector_store_id = excluded.vector_store_id, "
                "updated_at = excluded.updated_at",
                (key, vector_store_id, time.time()),
            )

    def files(self, vector_store_id: str) -> dict[str, UploadedFile]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT name, content_hash, file_id FROM openai_vector_store_files"
                " WHERE vector_store_id = %s",
                (vector_store_id,),
            ).fetchall()
        return {row["name"]: UploadedFile(row["name"], row["content_hash"], row["file_id"]) for row in rows}

    def put_file(self, vector_store_id: str, uploaded: UploadedFile) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "INSERT INTO openai_vector_store_files "
                "(vector_store_id, name, content_hash, file_id, uploaded_at) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (vector_store_id, name) DO UPDATE SET content_hash = excluded.content_hash, "
                "file_id = excluded.file_id, uploaded_at = excluded.uploaded_at",
                (vector_store_id, uploaded.name, uploaded.content_hash, uploaded.file_id, time.time()),
            )

    def remove_file(self, vector_store_id: str, name: str) -> None:
        with self._db.connection() as conn:
            conn.execute(
                "DELETE FROM openai_vector_store_files WHERE vector_store_id = %s AND name = %s",
                (vector_store_id, name),
            )
