"""Searching the PostgreSQL index with BOTK's query plan, ranked as the SQLite store ranks.

The question is read once, by ``botk_core.retrieval.plan_query`` (synonyms,
typos against this index's vocabulary, dates, word families), exactly as the
SQLite store reads it. PostgreSQL then does the heavy part: the GIN index
finds the chunks holding the rarest wanted alternatives (each one a
``tsquery`` made by ``phraseto_tsquery``, so no text is ever parsed as query
syntax) and orders them by a bm25 built from ``ts_rank``. The best few come
back with their terms, and the final ranking is the SQLite store's: FTS5's
bm25 over the same terms, then ``botk_core.ranking`` (see ranking.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, LiteralString

import attrs

from botk_adapters.postgres.db import Connection
from botk_core.retrieval import Alternative
from botk_core.synonyms import Synonyms
from botk_core.vocabulary import Vocabulary

K1, B = 1.2, 0.75  # FTS5's bm25
# At most about this many chunks are ordered (estimated from the vocabulary); all on a smaller index.
POOL = 1000
# Phrase and prefix counts are exact (as FTS5's) up to this many chunks, estimated beyond.
EXACT_COUNTS = 5_000
# ts_rank weights for D, C, B, A, in the proportions bm25 weighs SQLite's columns (name 0.5, body 1,
# heading 2). ts_rank of one occurrence is its weight / 1.6449 (π²/6), so _SCALE x ts_rank stands for
# bm25's weighted term frequency, and the ordering is bm25's, with its length normalisation.
_WEIGHTS = [0.0, 0.25, 0.5, 1.0]
_SCALE = 2 * 1.6449341


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
    vocabulary = Vocabulary({row["term"]: row["chunks"] for row in rows}, synonyms.single_terms())
    vocabulary.passages = int(state["chunks"])
    return IndexView(state["generation"], vocabulary, int(state["chunks"]), int(state["tokens"]))


def idf(index: IndexView, frequency: int) -> float:
    """FTS5's bm25 inverse document frequency (a term in most chunks weighs almost nothing)."""
    return max(math.log((index.chunks - frequency + 0.5) / (frequency + 0.5)), 1e-6)


@attrs.frozen
class Statements:
    """The SQL of one search and its parameters: chunks counted per phrase, and chunks preselected."""

    counts: LiteralString | None
    counted: list[int]  # the alternatives counted, by their number in ``wanted``
    preselect: LiteralString
    params: dict[str, Any]


def statements(index: IndexView, wanted: Sequence[Alternative], limit: int) -> Statements:
    """The statements for ``wanted``; the text only names placeholders, every value is a parameter."""
    frequencies = [index.vocabulary.frequency(a) for a in wanted]
    params: dict[str, Any] = {"scale": _SCALE, "k1": K1, "b": B, "weights": _WEIGHTS, "limit": limit}
    params["average"] = index.tokens / max(index.chunks, 1) or 1.0
    for n, (alternative, frequency) in enumerate(zip(wanted, frequencies, strict=True)):
        params[f"p{n}"] = " ".join(alternative.terms)
        params[f"w{n}"] = alternative.weight * idf(index, frequency)
    queries = [_tsquery(n, a.prefix) for n, a in enumerate(wanted)]
    counted = [n for n, a in enumerate(wanted) if a.prefix or len(a.terms) > 1]
    if index.chunks > EXACT_COUNTS:
        counted = []
    counts = _counts(queries, counted) if counted else None
    return Statements(counts, counted, _preselect(queries, pool(index, frequencies)), params)


def pool(index: IndexView, frequencies: Sequence[int]) -> list[int]:
    """The alternatives whose chunks are ordered: all of them, but on a big index only the rarest.

    The chunks holding a rare term are the ones bm25 ranks first; ordering thousands of
    chunks that hold only common words would cost most of a search and change nothing.
    """
    numbers = sorted(range(len(frequencies)), key=lambda n: frequencies[n])
    if index.chunks <= POOL:
        return numbers
    chosen: list[int] = []
    total = 0
    for number in numbers:
        if chosen and total + frequencies[number] > POOL:
            break
        chosen.append(number)
        total += frequencies[number]
    return chosen


def _tsquery(n: int, prefix: bool) -> LiteralString:
    query: LiteralString = f"phraseto_tsquery('botk_spanish', %(p{n})s)"
    return f"({query}::text || ':*')::tsquery" if prefix else query


def _counts(queries: list[LiteralString], counted: list[int]) -> LiteralString:
    columns = ", ".join(f"count(*) FILTER (WHERE c.search @@ {queries[n]}) AS n{n}" for n in counted)
    where = " || ".join(queries[n] for n in counted)
    return f"SELECT {columns} FROM document_chunks AS c WHERE c.search @@ ({where})"


def _preselect(queries: list[LiteralString], chosen: list[int]) -> LiteralString:
    ranks = ", ".join(
        f"%(scale)s * ts_rank(%(weights)s::float4[], c.search, {q}, 0) AS r{n}" for n, q in enumerate(queries)
    )
    score = " + ".join(f"%(w{n})s * r.r{n} * (%(k1)s + 1) / (r.r{n} + r.norm)" for n in range(len(queries)))
    where = " || ".join(queries[n] for n in chosen)
    return (
        "SELECT c.id, c.document_id, d.name, c.location, c.text, c.fact,"
        " c.title_terms, c.heading_terms, c.body_terms"
        " FROM document_chunks AS c JOIN documents AS d ON d.id = c.document_id"
        f" CROSS JOIN LATERAL (SELECT {ranks},"
        # OFFSET 0 keeps the subquery whole: each ts_rank runs once per chunk.
        " %(k1)s * (1 - %(b)s + %(b)s * c.length / %(average)s) AS norm OFFSET 0) AS r"
        f" WHERE c.search @@ ({where}) ORDER BY {score} DESC, c.id LIMIT %(limit)s"
    )
