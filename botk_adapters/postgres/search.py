"""Searching the PostgreSQL index with BOTK's query plan, ranked as the SQLite store ranks.

The question is read once, by ``botk_core.retrieval.plan_query`` (synonyms,
typos against this index's vocabulary, dates, word families), exactly as the
SQLite store reads it. PostgreSQL then does the heavy part: the GIN index
finds the chunks holding any wanted alternative (each turned into a
``tsquery`` by the ``botk_spanish`` configuration, so user text is never
parsed as query syntax) and orders them by ``ts_rank`` weighed by rarity.
The best few hundred come back with their terms, and the final ranking is the
SQLite store's: FTS5's bm25 over the same terms, then ``botk_core.ranking``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import attrs

from botk_adapters.postgres.db import Connection
from botk_core.retrieval import Alternative
from botk_core.synonyms import Synonyms
from botk_core.vocabulary import Vocabulary

# ts_rank weights for D, C, B, A: the name 0.5, the body 1, the heading 2, as bm25 weighs SQLite's columns.
_WEIGHTS = [0.1, 0.25, 0.5, 1.0]

# One tsquery per alternative: a phrase of terms, or a prefix. phraseto_tsquery quotes the terms
# itself, so no text, however odd, is ever parsed as tsquery syntax.
_PARTS = """
WITH q AS (
    SELECT p.alternative,
           CASE WHEN p.prefix THEN (phraseto_tsquery('botk_spanish', p.phrase)::text || ':*')::tsquery
                ELSE phraseto_tsquery('botk_spanish', p.phrase) END AS query
    FROM unnest(%(alternatives)s::int[], %(phrases)s::text[], %(prefixes)s::boolean[])
        AS p(alternative, phrase, prefix)
    WHERE numnode(phraseto_tsquery('botk_spanish', p.phrase)) > 0
)
"""
# How many chunks match each alternative (FTS5's bm25 weighs a phrase by that).
COUNTS = (
    f"{_PARTS} SELECT q.alternative,"
    " (SELECT count(*) FROM document_chunks AS c WHERE c.search @@ q.query) AS n FROM q"
)
PRESELECT = f"""{_PARTS},
weighted AS (
    SELECT q.query, w.weight FROM q
    JOIN unnest(%(weights)s::float8[]) WITH ORDINALITY AS w(weight, alternative)
        ON w.alternative = q.alternative
)
SELECT c.id, c.document_id, d.name, c.location, c.text, c.fact, c.title_terms, c.heading_terms, c.body_terms
FROM document_chunks AS c JOIN documents AS d ON d.id = c.document_id
WHERE c.search @@ (SELECT string_agg(query::text, ' | ')::tsquery FROM q)
ORDER BY (SELECT sum(w.weight * ts_rank(%(ts_weights)s::float4[], c.search, w.query, 0))
          FROM weighted AS w) DESC, c.id
LIMIT %(limit)s
"""


@attrs.frozen
class IndexView:
    """What a search needs to know about the whole index, as of one generation."""

    generation: int
    vocabulary: Vocabulary
    chunks: int
    tokens: int


def view(conn: Connection, synonyms: Synonyms, cached: IndexView | None) -> IndexView:
    """The index's vocabulary and totals; read again only when a put or remove changed them."""
    state = conn.execute(
        "SELECT generation, chunks, tokens FROM document_index_state WHERE id = 1"
    ).fetchone()
    state = state or {"generation": 0, "chunks": 0, "tokens": 0}  # nothing was ever indexed
    if cached is not None and cached.generation == state["generation"]:
        return cached
    rows = conn.execute("SELECT term, chunks FROM document_vocabulary").fetchall()
    frequencies = {row["term"]: row["chunks"] for row in rows}
    vocabulary = Vocabulary(frequencies, synonyms.single_terms())
    vocabulary.passages = int(state["chunks"])
    return IndexView(state["generation"], vocabulary, int(state["chunks"]), int(state["tokens"]))


def query_params(index: IndexView, wanted: Sequence[Alternative]) -> dict[str, Any]:
    """The alternatives as arrays (phrase, prefix or not) and their weights for the first ordering."""
    return {
        "alternatives": list(range(1, len(wanted) + 1)),
        "phrases": [" ".join(a.terms) for a in wanted],
        "prefixes": [a.prefix for a in wanted],
        "weights": [a.weight * idf(index, index.vocabulary.frequency(a)) for a in wanted],
        "ts_weights": _WEIGHTS,
    }


def idf(index: IndexView, frequency: int) -> float:
    """FTS5's bm25 inverse document frequency (a term in most chunks weighs almost nothing)."""
    return max(math.log((index.chunks - frequency + 0.5) / (frequency + 0.5)), 1e-6)
