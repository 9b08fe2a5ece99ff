"""Ranking passages for a question: how much of it each covers, then the store's relevance.

A passage naming the row, the column and the parameter of a question beats one
that repeats only the parameter, however often; both stores rank this way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from botk_core.retrieval import QueryGroup, QueryPlan, Tokens
from botk_core.vocabulary import Vocabulary

TITLE_WEIGHT = 0.5


class Candidate:
    """A passage's indexed terms, by field, for ranking."""

    def __init__(self, heading: Sequence[str], body: Sequence[str], title: Sequence[str] = ()) -> None:
        self.heading, self.body, self.title = heading, body, title
        self._text: Tokens | None = None
        self._title: Tokens | None = None

    @property
    def text(self) -> Tokens:
        """Heading and body together (the heading's labels count as the passage's own words)."""
        if self._text is None:
            self._text = Tokens([*self.heading, *self.body])
        return self._text

    @property
    def title_tokens(self) -> Tokens:
        if self._title is None:
            self._title = Tokens(self.title)
        return self._title


class Ranker:
    """Scores candidate passages for one question on one index."""

    def __init__(self, plan: QueryPlan, vocabulary: Vocabulary) -> None:
        self.plan = plan
        self._rarities = [_rarity(group, vocabulary) for group in plan.groups]

    def coverage(self, candidate: Candidate) -> float:
        """How much of the question a passage answers, about 0..1.

        Matched groups weighted by rarity, plus a little for the question's
        neighbouring words found side by side in the passage.
        """
        return _coverage(self.plan, self._rarities, candidate)


def _coverage(plan: QueryPlan, rarities: list[float], candidate: Candidate) -> float:
    total = matched = 0.0
    for group, weight in zip(plan.groups, rarities, strict=True):
        total += weight
        in_title = TITLE_WEIGHT * group.weight_in(candidate.title_tokens) if candidate.title else 0.0
        matched += weight * max(group.weight_in(candidate.text), in_title)
    share = matched / total if total else 0.0
    return share + PROXIMITY_WEIGHT * _neighbours(plan, candidate)


PROXIMITY_WEIGHT = 0.15


def _neighbours(plan: QueryPlan, candidate: Candidate) -> float:
    """The share of the question's neighbouring words that are neighbours in the passage too."""
    if not plan.pairs:
        return 0.0
    found = 0
    for first, second in plan.pairs:
        ends = {a.terms[-1] for a in plan.groups[first].alternatives if not a.prefix}
        starts = {a.terms[0] for a in plan.groups[second].alternatives if not a.prefix}
        found += candidate.text.adjacent(ends, starts)
    return found / len(plan.pairs)


def _rarity(group: QueryGroup, vocabulary: Vocabulary) -> float:
    """The group's inverse document frequency; a word no passage holds counts as the rarest.

    So a question about something the documents never mention ("cadmio en
    Pulcha") covers little of any passage, however well its other words match.
    """
    frequency = max((vocabulary.frequency(a) for a in group.alternatives if not a.prefix), default=0)
    passages = max(vocabulary.passages, 1)
    return math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5))


# How much the stores' own relevance (bm25, tf-idf) counts beside coverage: it
# orders passages that cover the question alike, and little more.
RELEVANCE_WEIGHT = 0.3


def blended(coverages: Sequence[float], relevances: Sequence[float]) -> list[float]:
    """Final scores: coverage (0..1) plus the relevance relative to the best candidate's."""
    best = max(relevances, default=0.0) or 1.0
    return [round(c + RELEVANCE_WEIGHT * r / best, 4) for c, r in zip(coverages, relevances, strict=True)]
