"""The SQLite store's final ranking, on the candidates PostgreSQL found: FTS5's bm25, then coverage.

So that a question gets the same passages on both stores: the same matching
rule (an alternative inside one field), the same bm25 (k1 1.2, b 0.75, the
name 0.5, the heading 2, the body 1), the same number of candidates kept and
the same blend with ``botk_core.ranking``'s coverage.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from botk_adapters.postgres.search import K1, B, IndexView, idf
from botk_core.ranking import Candidate, Ranker, blended
from botk_core.retrieval import Alternative, QueryPlan, Tokens

_COLUMN_WEIGHTS = (0.5, 2.0, 1.0)  # title, heading, body
# bm25 keeps this many candidates (at least 4 k) for the ranking by coverage, as SQLite does.
CANDIDATES = 30


def rank(
    plan: QueryPlan,
    index: IndexView,
    wanted: Sequence[Alternative],
    counts: Mapping[int, int],
    rows: Sequence[Mapping[str, Any]],
    k: int,
) -> list[tuple[float, Mapping[str, Any]]]:
    """The best ``k`` rows with their final scores, best first."""
    hits = [(row, _Fields(row)) for row in rows]
    hits = [(row, fields) for row, fields in hits if any(fields.holds(a) for a in wanted)]
    weights = [idf(index, counts.get(n, index.vocabulary.frequency(a))) for n, a in enumerate(wanted)]
    average = index.tokens / max(index.chunks, 1)
    scored = sorted(
        ((bm25(fields, wanted, weights, average), row["id"], row, fields) for row, fields in hits),
        key=lambda hit: (-hit[0], hit[1]),
    )[: max(CANDIDATES, 4 * k)]
    ranker = Ranker(plan, index.vocabulary)
    covered = [ranker.coverage(fields.candidate()) for *_, fields in scored]
    scores = blended(covered, [hit[0] for hit in scored])
    ranked = sorted(zip(scores, scored, strict=True), key=lambda pair: -pair[0])[:k]
    return [(score, hit[2]) for score, hit in ranked]


class _Fields:
    """A row's terms by field (name, heading, body), counted once for bm25."""

    def __init__(self, row: Mapping[str, Any]) -> None:
        self.terms = (row["title_terms"].split(), row["heading_terms"].split(), row["body_terms"].split())
        self.length = sum(len(field) for field in self.terms)
        self._counts = [Counter(field) for field in self.terms]
        self._tokens = [Tokens(field) for field in self.terms]

    def holds(self, alternative: Alternative) -> bool:
        """FTS5's match: the phrase (or a term with the prefix) inside one field."""
        return any(alternative.matches(tokens) for tokens in self._tokens)

    def frequency(self, alternative: Alternative) -> float:
        """The alternative's occurrences, weighted by field as SQLite's bm25 weighs its columns."""
        return sum(w * self._count(alternative, n) for n, w in enumerate(_COLUMN_WEIGHTS))

    def candidate(self) -> Candidate:
        title, heading, body = self.terms
        return Candidate(heading, body, title)

    def _count(self, alternative: Alternative, field: int) -> int:
        if alternative.prefix:  # every term that starts with it begins after a space
            return self._tokens[field].padded.count(f" {alternative.terms[0]}")
        if len(alternative.terms) == 1:
            return self._counts[field].get(alternative.terms[0], 0)
        return self._tokens[field].padded.count(f" {' '.join(alternative.terms)} ")


def bm25(fields: _Fields, wanted: Sequence[Alternative], weights: Sequence[float], average: float) -> float:
    """FTS5's bm25 of one row for the OR of ``wanted`` (as a positive number: higher is better)."""
    norm = K1 * (1 - B + B * fields.length / (average or 1.0))
    score = 0.0
    for alternative, weight in zip(wanted, weights, strict=True):
        frequency = fields.frequency(alternative)
        score += weight * frequency * (K1 + 1) / (frequency + norm)
    return score
