"""PostgresDocumentStore: documents as chunks on PostgreSQL, found with a GIN index, ranked as on SQLite."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from botk_adapters.postgres import document_index, fact_rows, ranking
from botk_adapters.postgres import search as lookup
from botk_adapters.postgres.db import PostgresDatabase
from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.retrieval import plan_query, searchable
from botk_core.synonyms import Synonyms

# The GIN index and ts_rank hand over this many chunks (at least) for the final ranking:
# twice what bm25 keeps, so that its best 30 are among them.
_PRESELECTED = 2 * ranking.CANDIDATES


class PostgresDocumentStore:
    """A DocumentStore on PostgreSQL, shared by every instance; table facts kept as JSONB.

    ``synonyms`` (by default BOTK's built-in list) are applied to every search.
    """

    def __init__(self, database: PostgresDatabase, synonyms: Synonyms | None = None) -> None:
        self._db = database
        self._synonyms = Synonyms.builtin() if synonyms is None else synonyms
        self._cache: lookup.IndexView | None = None
        self._cache_lock = threading.Lock()

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        with self._db.write() as conn:
            document_index.take_turn(conn)
            for row in conn.execute(
                "SELECT id FROM documents WHERE id = %s OR name = %s", (document.id, document.name)
            ).fetchall():
                document_index.delete(conn, row["id"])
            document_index.add(conn, document, chunks)

    def remove(self, document_id: str) -> None:
        with self._db.write() as conn:
            document_index.take_turn(conn)
            if not document_index.delete(conn, document_id):
                raise DocumentNotFound("Documento no encontrado")

    def list_documents(self) -> list[DocumentInfo]:
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT id, name, content_hash, chunk_count, added_at, source, size_bytes"
                " FROM documents ORDER BY name"
            ).fetchall()
        return [DocumentInfo(**row) for row in rows]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        if k < 1 or not query.strip():
            return []
        with self._db.connection() as conn:
            index = self._view(conn)
            plan = plan_query(query, self._synonyms, index.vocabulary)
            wanted = searchable(plan, index.vocabulary)
            if not wanted:
                return []
            sql = lookup.statements(index, wanted, max(_PRESELECTED, 8 * k))
            with conn.pipeline():
                counting = conn.execute(sql.counts, sql.params) if sql.counts else None
                finding = conn.execute(sql.preselect, sql.params)
            found = counting.fetchone() if counting else None
            counts = {n: int(found[f"n{n}"]) for n in sql.counted} if found else {}
            rows = finding.fetchall()
        return [_passage(row, score) for score, row in ranking.rank(plan, index, wanted, counts, rows, k)]

    def _view(self, conn: Any) -> lookup.IndexView:
        with self._cache_lock:
            cached = self._cache
        index = lookup.view(conn, self._synonyms, cached)
        if index is not cached:
            with self._cache_lock:
                self._cache = index
        return index


def _passage(row: Mapping[str, Any], score: float) -> Passage:
    fact = fact_rows.from_json(row["fact"]) if row["fact"] is not None else None
    return Passage(row["document_id"], row["name"], row["location"], row["text"], score, fact)
