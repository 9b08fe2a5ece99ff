"""SqliteFtsDocumentStore: documents as chunks in SQLite FTS5, ranked by coverage and bm25."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from botk_adapters.sqlite.db import Database
from botk_adapters.sqlite.facts import fact_from_json, fact_to_json
from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.ranking import Candidate, Ranker, blended
from botk_core.retrieval import Alternative, index_terms, plan_query, searchable
from botk_core.synonyms import Synonyms
from botk_core.vocabulary import Vocabulary

# Column weights for bm25: a word in the section heading (or a cell's row and
# column labels) says more about a passage than the same word in its body; the
# file name says less.
_WEIGHTS = (0.5, 2.0, 1.0)
# bm25 picks this many candidates (at least) for the final ranking by coverage.
_CANDIDATES = 30

_SEARCH = f"""
SELECT c.document_id, d.name, c.location, c.text, c.fact, hits.score, i.title, i.heading, i.body
FROM (
    SELECT rowid, bm25(document_index, {", ".join(map(str, _WEIGHTS))}) AS score
    FROM document_index WHERE document_index MATCH ? ORDER BY score LIMIT ?
) AS hits
JOIN document_index AS i ON i.rowid = hits.rowid
JOIN document_chunks AS c ON c.id = hits.rowid
JOIN documents AS d ON d.id = c.document_id
ORDER BY hits.score
"""


class SqliteFtsDocumentStore:
    """A DocumentStore in BOTK's SQLite file; the index holds stemmed Spanish terms.

    ``synonyms`` (by default BOTK's built-in list) are applied to every search.
    """

    def __init__(self, db: Database | str | Path, synonyms: Synonyms | None = None) -> None:
        self._db = db if isinstance(db, Database) else Database(db)
        self._synonyms = Synonyms.builtin() if synonyms is None else synonyms
        self._cache: tuple[int, Vocabulary] | None = None
        self._cache_lock = threading.Lock()

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        title = " ".join(index_terms(document.name))
        with self._db.write() as conn:
            for (old_id,) in conn.execute(
                "SELECT id FROM documents WHERE id = ? OR name = ?", (document.id, document.name)
            ).fetchall():
                _delete(conn, old_id)
            conn.execute(
                "INSERT INTO documents (id, name, content_hash, source, chunk_count, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    document.id,
                    document.name,
                    document.content_hash,
                    document.source,
                    len(chunks),
                    document.added_at,
                ),
            )
            for ordinal, chunk in enumerate(chunks):
                cursor = conn.execute(
                    "INSERT INTO document_chunks (document_id, ordinal, location, text, fact)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (document.id, ordinal, chunk.location, chunk.text, fact_to_json(chunk.fact)),
                )
                conn.execute(
                    "INSERT INTO document_index (rowid, title, heading, body) VALUES (?, ?, ?, ?)",
                    (
                        cursor.lastrowid,
                        title,
                        " ".join(index_terms(chunk.location)),
                        " ".join(index_terms(chunk.text)),
                    ),
                )
            _bump_generation(conn)

    def remove(self, document_id: str) -> None:
        with self._db.write() as conn:
            if not _delete(conn, document_id):
                raise DocumentNotFound("Documento no encontrado")
            _bump_generation(conn)

    def list_documents(self) -> list[DocumentInfo]:
        rows = (
            self._db.connection()
            .execute(
                "SELECT id, name, content_hash, chunk_count, added_at, source FROM documents ORDER BY name"
            )
            .fetchall()
        )
        return [DocumentInfo(*row) for row in rows]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        if k < 1 or not query.strip():
            return []
        conn = self._db.connection()
        vocabulary = self._vocabulary(conn)
        plan = plan_query(query, self._synonyms, vocabulary)
        expression = " OR ".join(_phrase(a) for a in searchable(plan, vocabulary))
        if not expression:
            return []
        rows = conn.execute(_SEARCH, (expression, max(_CANDIDATES, 4 * k))).fetchall()
        ranker = Ranker(plan, vocabulary)
        covered = [ranker.coverage(_candidate(row)) for row in rows]
        scores = blended(covered, [-row[5] for row in rows])
        ranked = sorted(zip(scores, rows, strict=True), key=lambda pair: -pair[0])[:k]
        return [
            Passage(row[0], row[1], row[2], row[3], score, fact_from_json(row[4])) for score, row in ranked
        ]

    def _vocabulary(self, conn: sqlite3.Connection) -> Vocabulary:
        """The index's terms, read again only when another put or remove changed them."""
        generation = conn.execute("SELECT generation FROM document_index_state").fetchone()[0]
        with self._cache_lock:
            if self._cache is not None and self._cache[0] == generation:
                return self._cache[1]
        frequencies = dict(conn.execute("SELECT term, doc FROM document_vocabulary").fetchall())
        vocabulary = Vocabulary(frequencies, self._synonyms.single_terms())
        vocabulary.passages = conn.execute("SELECT coalesce(sum(chunk_count), 0) FROM documents").fetchone()[
            0
        ]
        with self._cache_lock:
            self._cache = (generation, vocabulary)
        return vocabulary


def _phrase(alternative: Alternative) -> str:
    text = " ".join(alternative.terms)
    return f'"{text}"*' if alternative.prefix else f'"{text}"'


def _candidate(row: sqlite3.Row | tuple[object, ...]) -> Candidate:
    title, heading, body = (str(value).split() for value in row[6:9])
    return Candidate(heading, body, title)


def _bump_generation(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE document_index_state SET generation = generation + 1")


def _delete(conn: sqlite3.Connection, document_id: str) -> bool:
    conn.execute(
        "DELETE FROM document_index WHERE rowid IN (SELECT id FROM document_chunks WHERE document_id = ?)",
        (document_id,),
    )
    conn.execute("DELETE FROM document_chunks WHERE document_id = ?", (document_id,))
    return conn.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount > 0
