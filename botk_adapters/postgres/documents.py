"""PostgresDocumentStore: documents as chunks with a Spanish ``tsvector`` each, searched by rank."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from botk_adapters.postgres import fact_rows, search
from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.postgres.migrations import ADMIN, DOCUMENT_WRITE_LOCK
from botk_adapters.postgres.values import jsonb
from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.text import words

_INSERT_CHUNK = """
INSERT INTO document_chunks (document_id, ordinal, location, text, fact, search)
VALUES (%(document_id)s, %(ordinal)s, %(location)s, %(text)s, %(fact)s,
        setweight(to_tsvector('botk_spanish', %(title)s), 'C')
        || setweight(to_tsvector('botk_spanish', %(location)s), 'A')
        || setweight(to_tsvector('botk_spanish', %(text)s), 'B'))
"""
# Chunks per lexeme, counted from the document's own vectors (added, or taken away before it goes).
_VOCABULARY_ADD = """
INSERT INTO document_vocabulary (lexeme, chunks)
SELECT u.lexeme, count(*) FROM document_chunks AS c, unnest(c.search) AS u
WHERE c.document_id = %s GROUP BY u.lexeme ORDER BY u.lexeme
ON CONFLICT (lexeme) DO UPDATE SET chunks = document_vocabulary.chunks + excluded.chunks
"""
_VOCABULARY_REMOVE = """
WITH gone AS (
    SELECT u.lexeme, count(*) AS n FROM document_chunks AS c, unnest(c.search) AS u
    WHERE c.document_id = %s GROUP BY u.lexeme
), dropped AS (
    DELETE FROM document_vocabulary AS v USING gone WHERE v.lexeme = gone.lexeme AND v.chunks <= gone.n
)
UPDATE document_vocabulary AS v SET chunks = v.chunks - gone.n
FROM gone WHERE v.lexeme = gone.lexeme AND v.chunks > gone.n
"""


class PostgresDocumentStore:
    """A DocumentStore on PostgreSQL, shared by every instance; table facts kept as JSONB."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        title = " ".join(words(document.name))
        with self._db.write() as conn:
            _serialise_writes(conn)
            for row in conn.execute(
                "SELECT id FROM documents WHERE id = %s OR name = %s", (document.id, document.name)
            ).fetchall():
                _delete(conn, row["id"])
            conn.execute(
                "INSERT INTO documents (id, name, content_hash, source, chunk_count, added_at)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (document.id, document.name, document.content_hash, document.source, len(chunks),
                 document.added_at),
            )  # fmt: skip
            with conn.cursor() as cursor:
                rows = [_chunk_row(document.id, title, i, chunk) for i, chunk in enumerate(chunks)]
                cursor.executemany(_INSERT_CHUNK, rows)
            conn.execute(_VOCABULARY_ADD, (document.id,))

    def remove(self, document_id: str) -> None:
        with self._db.write() as conn:
            _serialise_writes(conn)
            if not _delete(conn, document_id):
                raise DocumentNotFound("Documento no encontrado")

    def list_documents(self) -> list[DocumentInfo]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT id, name, content_hash, chunk_count, added_at, source FROM documents ORDER BY name"
            ).fetchall()
        return [DocumentInfo(**row) for row in rows]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        if k < 1:
            return []
        with self._db.connection() as conn:
            wanted = search.terms(conn, query)
            rows = search.rank(conn, wanted, k) if wanted else []
        return [_passage(row) for row in rows]


def _serialise_writes(conn: Connection) -> None:
    """Document writes take turns (across instances too): a replace by name never races another."""
    conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (ADMIN, DOCUMENT_WRITE_LOCK))


def _chunk_row(document_id: str, title: str, ordinal: int, chunk: Chunk) -> dict[str, Any]:
    fact = jsonb(fact_rows.to_json(chunk.fact)) if chunk.fact is not None else None
    return {
        "document_id": document_id,
        "ordinal": ordinal,
        "location": chunk.location,
        "text": chunk.text,
        "fact": fact,
        "title": title,
    }


def _passage(row: Mapping[str, Any]) -> Passage:
    fact = fact_rows.from_json(row["fact"]) if row["fact"] is not None else None
    score = round(row["score"], 4)
    return Passage(row["document_id"], row["name"], row["location"], row["text"], score, fact)


def _delete(conn: Connection, document_id: str) -> bool:
    conn.execute(_VOCABULARY_REMOVE, (document_id,))
    return conn.execute("DELETE FROM documents WHERE id = %s", (document_id,)).rowcount > 0
