"""How a search reads a question: terms, synonyms, typos, dates and word families.

Both document stores (SQLite FTS5 and in memory) search with the same
``QueryPlan`` and rank with the same ``coverage``, so that they find the same
passages for the same question.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence

import attrs

from botk_core.synonyms import Phrase, Synonyms
from botk_core.text import (
    QUESTION_WORDS,
    STOP_WORDS,
    TYPO_MIN_LENGTH,
    deletions,
    expand_abbreviations,
    family_prefix,
    normalise_dates,
    one_edit_apart,
    stem,
    terms,
    words,
)

SYNONYM_WEIGHT = 0.9
TYPO_WEIGHT = 0.85
FAMILY_WEIGHT = 0.5
TITLE_WEIGHT = 0.5


def index_terms(text: str) -> list[str]:
    """The terms a passage is indexed with: stems of its words, dates written alike."""
    return terms(normalise_dates(text))


@attrs.frozen
class Alternative:
    """One way a query word may appear: a term, a phrase of adjacent terms, or a prefix."""

    terms: Phrase
    weight: float = 1.0
    prefix: bool = False

    def matches(self, tokens: Tokens) -> bool:
        if self.prefix:
            return f" {self.terms[0]}" in tokens.padded
        return f" {' '.join(self.terms)} " in tokens.padded


class Tokens:
    """A passage's terms in order, as one string: phrase and prefix lookups run in C."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.padded = f" {' '.join(terms)} "

    def adjacent(self, ends: set[str], starts: set[str]) -> bool:
        """Whether one of ``ends`` is directly followed by one of ``starts``."""
        return any(f" {end} {start} " in self.padded for end in ends for start in starts)


@attrs.frozen
class QueryGroup:
    """What one word (or synonym phrase) of the question may match, best alternative first."""

    alternatives: tuple[Alternative, ...]

    def weight_in(self, tokens: Tokens) -> float:
        return max((a.weight for a in self.alternatives if a.matches(tokens)), default=0.0)


@attrs.frozen
class QueryPlan:
    groups: tuple[QueryGroup, ...]
    # Neighbouring words of the question (indexes into ``groups``), in order: a
    # passage that has them side by side ("cau cau", "cloro libre") matches better.
    pairs: tuple[tuple[int, int], ...] = ()
    _rarities: dict[int, list[float]] = attrs.field(factory=dict, eq=False, repr=False)

    def rarities(self, vocabulary: Vocabulary) -> list[float]:
        """Each group's rarity in ``vocabulary`` (computed once per search)."""
        cached = self._rarities.get(id(vocabulary))
        if cached is None:
            cached = self._rarities[id(vocabulary)] = [_rarity(g, vocabulary) for g in self.groups]
        return cached

    @property
    def alternatives(self) -> list[Alternative]:
        """Every alternative once, for the index lookup."""
        return list(dict.fromkeys(a for g in self.groups for a in g.alternatives))


class Vocabulary:
    """The terms an index holds, with how many passages hold each; finds a typo's neighbours."""

    def __init__(self, frequencies: Mapping[str, int], extra: Iterable[str] = ()) -> None:
        self._frequencies = dict(frequencies)
        self._sorted = sorted(self._frequencies)
        self._neighbours: dict[str, set[str]] | None = None
        self._extra = set(extra)
        self.passages = 0

    def __contains__(self, term: object) -> bool:
        return term in self._frequencies

    def frequency(self, alternative: Alternative) -> int:
        """Passages holding the alternative's rarest term (its most frequent word, for a prefix)."""
        if alternative.prefix:
            prefix = alternative.terms[0]
            start = bisect.bisect_left(self._sorted, prefix)
            end = bisect.bisect_left(self._sorted, prefix + "\U0010ffff")
            return max((self._frequencies[t] for t in self._sorted[start:end]), default=0)
        return min(self._frequencies.get(t, 0) for t in alternative.terms)

    def near(self, term: str) -> list[str]:
        """Known terms one edit away from ``term`` (the index's own and the synonyms')."""
        if self._neighbours is None:
            self._neighbours = {}
            for known in [*self._frequencies, *self._extra]:
                for key in deletions(known):
                    self._neighbours.setdefault(key, set()).add(known)
        found = {t for key in deletions(term) for t in self._neighbours.get(key, ())}
        return sorted(t for t in found if one_edit_apart(term, t))


def plan_query(query: str, synonyms: Synonyms, vocabulary: Vocabulary) -> QueryPlan:
    """The groups of alternatives a passage is matched against for ``query``."""
    text = normalise_dates(expand_abbreviations(query))
    found = [w for w in words(text) if w not in STOP_WORDS and w not in QUESTION_WORDS]
    found = found or words(text)
    stems = [stem(w) for w in found]
    groups: list[QueryGroup] = []
    i = 0
    while i < len(stems):
        width, equivalents = _synonym_at(stems, i, synonyms)
        if not equivalents and len(found[i]) >= TYPO_MIN_LENGTH and stems[i] not in vocabulary:
            equivalents = _corrected(stems[i], synonyms, vocabulary)
        groups.append(_group(stems[i : i + width], equivalents, found[i] if width == 1 else ""))
        i += width
    if any(w in _WHO for w in words(text)):
        groups.append(_WHO_GROUP)
    distinct = list(dict.fromkeys(groups))
    order = [distinct.index(g) for g in groups if g is not _WHO_GROUP]
    return QueryPlan(tuple(distinct), tuple(itertools.pairwise(order)))


# "Quién ..." is answered by whoever a document names as responsible for something.
_WHO = frozenset(("quien", "quienes"))
_WHO_GROUP = QueryGroup(tuple(Alternative((t,), 0.5) for t in terms("responsable encargado encargada")))


def _synonym_at(stems: list[str], start: int, synonyms: Synonyms) -> tuple[int, tuple[Phrase, ...]]:
    for width in range(min(synonyms.longest, len(stems) - start), 0, -1):
        equivalents = synonyms.equivalents(tuple(stems[start : start + width]))
        if equivalents:
            return width, equivalents
    return 1, ()


def _corrected(term: str, synonyms: Synonyms, vocabulary: Vocabulary) -> tuple[Phrase, ...]:
    """The known terms a misspelt ``term`` may stand for, with their synonyms."""
    corrected: dict[Phrase, None] = {}
    for near in vocabulary.near(term):
        corrected.update(dict.fromkeys(synonyms.equivalents((near,)) or ((near,),)))
    return tuple(corrected)


def _group(phrase: list[str], equivalents: tuple[Phrase, ...], word: str) -> QueryGroup:
    original = tuple(phrase)
    alternatives = [Alternative(original)]
    prefix = family_prefix(word) if word else None
    if prefix:
        alternatives.append(Alternative((prefix,), FAMILY_WEIGHT, prefix=True))
    typo = original not in equivalents
    for other in equivalents:
        if other != original:
            alternatives.append(Alternative(other, TYPO_WEIGHT if typo else SYNONYM_WEIGHT))
    return QueryGroup(tuple(alternatives))


def searchable(plan: QueryPlan, vocabulary: Vocabulary) -> list[Alternative]:
    """The alternatives a passage must hold one of to be a candidate: known, and not in most passages.

    bm25 gives a term found in more than half the passages a weight of
    practically zero, while ranking its many hits costs most of a search's
    time; the final ranking still counts it (coverage reads every candidate's
    terms). When every term is that common, all are kept so that the query
    still answers.
    """
    frequencies = {a: vocabulary.frequency(a) for a in plan.alternatives}
    present = [a for a, f in frequencies.items() if f > 0]
    telling = [a for a in present if frequencies[a] <= vocabulary.passages / 2]
    return telling or present


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


def coverage(plan: QueryPlan, candidate: Candidate, vocabulary: Vocabulary) -> float:
    """How much of the question a passage answers, 0..1: matched groups weighted by rarity.

    A passage naming the row, the column and the parameter of a question beats
    one that repeats only the parameter, however often.
    """
    total = matched = 0.0
    for group, weight in zip(plan.groups, plan.rarities(vocabulary), strict=True):
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
