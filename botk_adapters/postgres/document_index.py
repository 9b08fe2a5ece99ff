"""Writing the document index: chunks with their terms and search vector, the vocabulary, the totals.

Terms are BOTK's own (``botk_core.retrieval.index_terms``: folded, stemmed,
dates written alike), the same the SQLite store indexes, so that one query
plan and one ranking serve both stores. The ``tsvector`` is built from those
terms with the ``botk_spanish`` configuration, for the GIN index.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from botk_adapters.postgres import fact_rows
from botk_adapters.postgres.db import Connection
from botk_adapters.postgres.lock_keys import ADMIN, DOCUMENT_WRITE_LOCK
from botk_adapters.postgres.values import jsonb
from botk_core.domain import Chunk, DocumentInfo
from botk_core.retrieval import index_terms

_INSERT_CHUNK = """
INSERT INTO document_chunks
    (document_id, ordinal, location, text, fact, title_terms, heading_terms, body_terms, length, search)
VALUES (%(document_id)s, %(ordinal)s, %(location)s, %(text)s, %(fact)s,
        %(title)s, %(heading)s, %(body)s, %(length)s,
        setweight(to_tsvector('botk_spanish', %(title)s), 'C')
        || setweight(to_tsvector('botk_spanish', %(heading)s), 'A')
        || setweight(to_tsvector('botk_spanish', %(body)s), 'B'))
"""
# Sorted terms: two writers would lock vocabulary rows in the same order (they also take turns).
_ADD_TERMS = """
INSERT INTO document_vocabulary (term, chunks)
SELECT * FROM unnest(%s::text[], %s::int[]) ORDER BY 1
ON CONFLICT (term) DO UPDATE SET chunks = document_vocabulary.chunks + excluded.chunks
"""
_DROP_TERMS = """
WITH gone AS (SELECT * FROM unnest(%(terms)s::text[], %(counts)s::int[]) AS g(term, n)),
emptied AS (
    DELETE FROM document_vocabulary AS v USING gone WHERE v.term = gone.term AND v.chunks <= gone.n
)
UPDATE document_vocabulary AS v SET chunks = v.chunks - gone.n
FROM gone WHERE v.term = gone.term AND v.chunks > gone.n
"""
_TOTALS = """
INSERT INTO document_index_state AS s (id, generation, chunks, tokens) VALUES (1, 1, %(chunks)s, %(tokens)s)
ON CONFLICT (id) DO UPDATE
SET generation = s.generation + 1, chunks = s.chunks + excluded.chunks, tokens = s.tokens + excluded.tokens
RETURNING chunks, analyzed
"""
# The planner picks the GIN index only if it knows how big the table is: after the index grew by
# a fifth (a large ingest), its statistics are refreshed now rather than whenever autovacuum passes.
_GROWTH = 1.2
_SMALL = 200


def take_turn(conn: Connection) -> None:
    """Document writes take turns, across instances too: a replace by name never races another."""
    conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (ADMIN, DOCUMENT_WRITE_LOCK))


def add(conn: Connection, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
    """Insert the document and its chunks, and count their terms in."""
    conn.execute(
        "INSERT INTO documents (id, name, content_hash, source, chunk_count, added_at, size_bytes)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (document.id, document.name, document.content_hash, document.source, len(chunks),
         document.added_at, document.size_bytes),
    )  # fmt: skip
    title = index_terms(document.name)
    rows = [_row(document.id, title, ordinal, chunk) for ordinal, chunk in enumerate(chunks)]
    counts = Counter(term for row in rows for term in {*title, *row["heading"].split(), *row["body"].split()})
    with conn.cursor() as cursor:
        cursor.executemany(_INSERT_CHUNK, rows)
    _change_vocabulary(conn, _ADD_TERMS, counts)
    totals = conn.execute(
        _TOTALS, {"chunks": len(rows), "tokens": sum(row["length"] for row in rows)}
    ).fetchone()
    if totals and totals["chunks"] > max(_GROWTH * totals["analyzed"], _SMALL):
        conn.execute("ANALYZE document_chunks")
        conn.execute("UPDATE document_index_state SET analyzed = chunks WHERE id = 1")


def delete(conn: Connection, document_id: str) -> bool:
    """Remove the document and its chunks, and count their terms out; whether it existed."""
    stored = conn.execute(
        "SELECT title_terms, heading_terms, body_terms, length FROM document_chunks WHERE document_id = %s",
        (document_id,),
    ).fetchall()
    counts = Counter(term for row in stored for term in set(_all_terms(row)))
    if counts:
        conn.execute(_DROP_TERMS, {"terms": list(counts), "counts": list(counts.values())})
    conn.execute(_TOTALS, {"chunks": -len(stored), "tokens": -sum(row["length"] for row in stored)})
    return conn.execute("DELETE FROM documents WHERE id = %s", (document_id,)).rowcount > 0


def _row(document_id: str, title: list[str], ordinal: int, chunk: Chunk) -> dict[str, Any]:
    heading, body = index_terms(chunk.location), index_terms(chunk.text)
    return {
        "document_id": document_id,
        "ordinal": ordinal,
        "location": chunk.location,
        "text": chunk.text,
        "fact": jsonb(fact_rows.to_json(chunk.fact)) if chunk.fact is not None else None,
        "title": " ".join(title),
        "heading": " ".join(heading),
        "body": " ".join(body),
        "length": len(title) + len(heading) + len(body),
    }


def _all_terms(row: dict[str, Any]) -> list[str]:
    return f"{row['title_terms']} {row['heading_terms']} {row['body_terms']}".split()


def _change_vocabulary(conn: Connection, statement: str, counts: Counter[str]) -> None:
    if counts:
        terms = sorted(counts)
        conn.execute(statement, (terms, [counts[t] for t in terms]))
