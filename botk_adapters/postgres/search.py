"""Ranked Spanish full-text search over ``document_chunks``: which terms to ask for, and the SQL.

The index is a ``tsvector`` per chunk, built with the ``botk_spanish``
configuration (unaccent, then Spanish Snowball stems): the heading weighs
``A``, the body ``B`` and the document's name ``C``. A question becomes one
term per content word, each turned into a lexeme by the same configuration
(so user text is never parsed as tsquery syntax), plus a prefix term for a
long word's family. Terms are weighed by how rare they are, BM25-style, from
the per-lexeme chunk counts of ``document_vocabulary``; a term found in most
chunks adds nothing to the ranking and only costs time, so it is left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import attrs

from botk_adapters.postgres.db import Connection
from botk_core.text import FAMILY_MIN_LENGTH, FAMILY_PREFIX, STOP_WORDS, words

# ts_rank weights for D, C, B, A: name 0.5, body 1, heading 2, as bm25 weighs SQLite's columns.
WEIGHTS = [0.1, 0.25, 0.5, 1.0]
_FAMILY_WEIGHT = 0.5

# Each word's lexemes under botk_spanish, with how many chunks hold each; and the chunk total.
_ANALYSE = """
SELECT w.word, l.lexeme, coalesce(v.chunks, 0) AS df
FROM unnest(%(words)s::text[]) WITH ORDINALITY AS w(word, position)
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('botk_spanish', w.word))) AS l(lexeme)
LEFT JOIN document_vocabulary AS v ON v.lexeme = l.lexeme
ORDER BY w.position
"""
_PREFIX_DF = """
SELECT p.prefix, coalesce(max(v.chunks), 0) AS df
FROM unnest(%(prefixes)s::text[]) AS p(prefix)
LEFT JOIN document_vocabulary AS v
    ON v.lexeme >= p.prefix AND v.lexeme < p.prefix || chr(1114111)
GROUP BY p.prefix
"""
_TOTAL = "SELECT coalesce(sum(chunk_count), 0) AS n FROM documents"

# Terms arrive as arrays (lexeme, is-prefix, weight); plainto_tsquery('simple', ...) quotes a
# lexeme as tsquery syntax needs, so even a strange lexeme cannot break the query.
_RANK = """
WITH q AS (
    SELECT CASE WHEN u.prefix THEN (plainto_tsquery('simple', u.term)::text || ':*')::tsquery
                ELSE plainto_tsquery('simple', u.term) END AS query,
           u.weight
    FROM unnest(%(terms)s::text[], %(prefix)s::boolean[], %(weight)s::float8[]) AS u(term, prefix, weight)
),
hits AS (
    SELECT c.id, (SELECT sum(q.weight * ts_rank(%(weights)s::float4[], c.search, q.query, %(norm)s))
                  FROM q) AS score
    FROM document_chunks AS c
    WHERE c.search @@ (SELECT string_agg(q.query::text, ' | ')::tsquery FROM q)
)
SELECT c.document_id, d.name, c.location, c.text, c.fact, hits.score
FROM hits
JOIN document_chunks AS c ON c.id = hits.id
JOIN documents AS d ON d.id = c.document_id
ORDER BY hits.score DESC, c.id
LIMIT %(k)s
"""
NORMALIZATION = 1


@attrs.frozen
class Term:
    """A lexeme to match (a whole lexeme, or a prefix of a word's family) and its weight."""

    lexeme: str
    prefix: bool
    weight: float


def query_words(query: str) -> list[str]:
    """The content words of a question, folded, in order; all of them when every one is a stop word."""
    found = words(query)
    content = [w for w in found if w not in STOP_WORDS]
    return list(dict.fromkeys(content or found))


def family_prefixes(found: Sequence[str]) -> list[str]:
    """The family prefix of each long word ("mantenimiento" -> "manten"), numbers left out."""
    prefixes = [w[:FAMILY_PREFIX] for w in found if len(w) >= FAMILY_MIN_LENGTH and not w.isdigit()]
    return list(dict.fromkeys(prefixes))


def terms(conn: Connection, query: str) -> list[Term]:
    """The weighed terms of ``query`` that are worth matching in this index."""
    found = query_words(query)
    if not found:
        return []
    exact = {row["lexeme"]: row["df"] for row in conn.execute(_ANALYSE, {"words": found})}
    prefixes = family_prefixes(found)
    family = {row["prefix"]: row["df"] for row in conn.execute(_PREFIX_DF, {"prefixes": prefixes})}
    total = int(_first(conn.execute(_TOTAL).fetchone(), "n"))
    candidates = [Term(lexeme, False, _idf(total, df)) for lexeme, df in exact.items() if df > 0]
    candidates += [Term(p, True, _FAMILY_WEIGHT * _idf(total, df)) for p, df in family.items() if df > 0]
    dfs = {**{(t, False): d for t, d in exact.items()}, **{(p, True): d for p, d in family.items()}}
    telling = [t for t in candidates if dfs[(t.lexeme, t.prefix)] <= total / 2]
    return telling or candidates


def rank(conn: Connection, wanted: Sequence[Term], k: int) -> list[dict[str, Any]]:
    """The best ``k`` chunks for the terms, best first, with their document's name."""
    params = {
        "terms": [t.lexeme for t in wanted],
        "prefix": [t.prefix for t in wanted],
        "weight": [t.weight for t in wanted],
        "weights": WEIGHTS,
        "norm": NORMALIZATION,
        "k": k,
    }
    return conn.execute(_RANK, params).fetchall()


def _idf(total: int, df: int) -> float:
    """BM25's inverse document frequency, never below a small positive floor."""
    return max(math.log((total - df + 0.5) / (df + 0.5)), 1e-6)


def _first(row: dict[str, Any] | None, key: str) -> Any:
    return row[key] if row else 0
