"""The SQLite store's final ranking, on the candidates PostgreSQL found: FTS5's bm25, then coverage.

So that a question gets the same passages on both stores: the same matching
rule (an alternative inside one field), the same bm25 (k1 1.2, b 0.75, the
name 0.5, the heading 2, the body 1), the same number of candidates kept and
the same blend with ``botk_core.ranking``'s coverage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from botk_adapters.postgres.search import IndexView, idf
from botk_core.ranking import Candidate, Ranker, blended
from botk_core.retrieval import Alternative, QueryPlan, Tokens

K1, B = 1.2, 0.75
_COLUMN_WEIGHTS = (0.5, 2.0, 1.0)  # title, heading, body
# bm25 keeps this many candidates (at least 4 k) for the ranking by coverage, as SQLite does.
CANDIDATES = 30
Fields = tuple[list[str], list[str], list[str]]  # title, heading, body


def rank(
    plan: QueryPlan,
    index: IndexView,
    wanted: Sequence[Alternative],
    counts: Mapping[int, int],
    rows: Sequence[Mapping[str, Any]],
    k: int,
) -> list[tuple[float, Mapping[str, Any]]]:
    """The best ``k`` rows with their final scores, best first."""
    hits = [(row, _fields(row)) for row in rows]
    hits = [(row, fields) for row, fields in hits if any(_holds(fields, a) for a in wanted)]
    weights = [idf(index, counts.get(n, index.vocabulary.frequency(a))) for n, a in enumerate(wanted, 1)]
    average = index.tokens / max(index.chunks, 1)
    scored = sorted(
        ((bm25(fields, wanted, weights, average), row["id"], row, fields) for row, fields in hits),
        key=lambda hit: (-hit[0], hit[1]),
    )[: max(CANDIDATES, 4 * k)]
    ranker = Ranker(plan, index.vocabulary)
    covered = [ranker.coverage(Candidate(fields[1], fields[2], fields[0])) for *_, fields in scored]
    scores = blended(covered, [hit[0] for hit in scored])
    ranked = sorted(zip(scores, scored, strict=True), key=lambda pair: -pair[0])[:k]
    return [(score, hit[2]) for score, hit in ranked]


def bm25(fields: Fields, wanted: Sequence[Alternative], weights: Sequence[float], average: float) -> float:
    """FTS5's bm25 of one row for the OR of ``wanted`` (as a positive number: higher is better)."""
    length = sum(len(field) for field in fields)
    norm = K1 * (1 - B + B * length / (average or 1.0))
    score = 0.0
    for alternative, weight in zip(wanted, weights, strict=True):
        frequency = sum(w * _count(alternative, f) for w, f in zip(_COLUMN_WEIGHTS, fields, strict=True))
        score += weight * frequency * (K1 + 1) / (frequency + norm)
    return score


def _fields(row: Mapping[str, Any]) -> Fields:
    return (row["title_terms"].split(), row["heading_terms"].split(), row["body_terms"].split())


def _holds(fields: Fields, alternative: Alternative) -> bool:
    """FTS5's match: the phrase (or a term with the prefix) inside one field."""
    return any(alternative.matches(Tokens(field)) for field in fields)


def _count(alternative: Alternative, tokens: list[str]) -> int:
    if alternative.prefix:
        return sum(1 for t in tokens if t.startswith(alternative.terms[0]))
    width = len(alternative.terms)
    return sum(1 for i in range(len(tokens) - width + 1) if tuple(tokens[i : i + width]) == alternative.terms)
