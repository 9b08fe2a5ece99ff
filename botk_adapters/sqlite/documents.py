"""SqliteFtsDocumentStore: documents as chunks in SQLite FTS5, ranked by bm25."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from botk_adapters.sqlite.db import Database
from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.text import family_prefix, query_terms, terms

# Column weights for bm25: a word in the section heading says more about a
# passage than the same word in its body; the file name says less.
_WEIGHTS = (0.5, 2.0, 1.0)

_SEARCH = f"""
SELECT c.document_id, d.name, c.location, c.text, hits.score
FROM (
    SELECT rowid, bm25(document_index, {", ".join(map(str, _WEIGHTS))}) AS score
    FROM document_index WHERE document_index MATCH ? ORDER BY score LIMIT ?
) AS hits
JOIN document_chunks AS c ON c.id = hits.rowid
JOIN documents AS d ON d.id = c.document_id
ORDER BY hits.score
"""


class SqliteFtsDocumentStore:
    """A DocumentStore in BOTK's SQLite file; the index holds stemmed Spanish terms."""

    def __init__(self, db: Database | str | Path) -> None:
        self._db = db if isinstance(db, Database) else Database(db)

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        title = " ".join(terms(document.name))
        with self._db.write() as conn:
            for (old_id,) in conn.execute(
                "SELECT id FROM documents WHERE id = ? OR name = ?", (document.id, document.name)
            ).fetchall():
                _delete(conn, old_id)
            conn.execute(
                "INSERT INTO documents (id, name, content_hash, source, chunk_count, added_at, size_bytes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    document.id,
                    document.name,
                    document.content_hash,
                    document.source,
                    len(chunks),
                    document.added_at,
                    document.size_bytes,
                ),
            )
            for ordinal, chunk in enumerate(chunks):
                cursor = conn.execute(
                    "INSERT INTO document_chunks (document_id, ordinal, location, text) VALUES (?, ?, ?, ?)",
                    (document.id, ordinal, chunk.location, chunk.text),
                )
                conn.execute(
                    "INSERT INTO document_index (rowid, title, heading, body) VALUES (?, ?, ?, ?)",
                    (cursor.lastrowid, title, " ".join(terms(chunk.location)), " ".join(terms(chunk.text))),
                )

    def remove(self, document_id: str) -> None:
        with self._db.write() as conn:
            if not _delete(conn, document_id):
                raise DocumentNotFound("Documento no encontrado")

    def list_documents(self) -> list[DocumentInfo]:
        rows = (
            self._db.connection()
            .execute(
                "SELECT id, name, content_hash, chunk_count, added_at, source, size_bytes"
                " FROM documents ORDER BY name"
            )
            .fetchall()
        )
        return [DocumentInfo(*row) for row in rows]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        phrases = query_phrases(query)
        if not phrases or k < 1:
            return []
        conn = self._db.connection()
        expression = " OR ".join(_informative(conn, phrases))
        if not expression:
            return []
        rows = conn.execute(_SEARCH, (expression, k)).fetchall()
        return [Passage(row[0], row[1], row[2], row[3], round(-row[4], 4)) for row in rows]


def query_phrases(query: str) -> list[str]:
    """FTS5 phrases for each term of ``query`` and, for long terms, its word family."""
    phrases: list[str] = []
    for term in query_terms(query):
        phrases.append(f'"{term}"')
        prefix = family_prefix(term)
        if prefix:
            phrases.append(f'"{prefix}"*')
    # Words of one family share their prefix phrase; repeating it only costs time.
    return list(dict.fromkeys(phrases))


def _informative(conn: sqlite3.Connection, phrases: list[str]) -> list[str]:
    """The phrases worth matching: present in the index, and not in most passages.

    bm25 gives a term found in more than half the passages a weight of
    practically zero, while ranking its many hits costs most of a search's
    time; dropping it changes no ranking. When every term is that common,
    all are kept so that the query still answers.
    """
    total = conn.execute("SELECT coalesce(sum(chunk_count), 0) FROM documents").fetchone()[0]
    frequencies = {phrase: _document_frequency(conn, phrase) for phrase in phrases}
    present = [p for p in phrases if frequencies[p] > 0]
    telling = [p for p in present if frequencies[p] <= total / 2]
    return telling or present


def _document_frequency(conn: sqlite3.Connection, phrase: str) -> int:
    """Passages holding the term; for a prefix, those holding its most frequent word (a lower bound)."""
    term = phrase.strip('"*')
    if phrase.endswith("*"):
        row = conn.execute(
            "SELECT max(doc) FROM document_vocabulary WHERE term >= ? AND term < ?",
            (term, term + "\U0010ffff"),
        ).fetchone()
    else:
        row = conn.execute("SELECT doc FROM document_vocabulary WHERE term = ?", (term,)).fetchone()
    return int(row[0] or 0) if row else 0


def _delete(conn: sqlite3.Connection, document_id: str) -> bool:
    conn.execute(
        "DELETE FROM document_index WHERE rowid IN (SELECT id FROM document_chunks WHERE document_id = ?)",
        (document_id,),
    )
    conn.execute("DELETE FROM document_chunks WHERE document_id = ?", (document_id,))
    return conn.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount > 0
