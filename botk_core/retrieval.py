"""How a search reads a question: terms, synonyms, typos, dates and word families.

Both document stores (SQLite FTS5 and in memory) search with the same
``QueryPlan`` (and rank with the same ``botk_core.ranking``), so that they find
the same passages for the same question.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from botk_core.phrasing import expand_abbreviations, normalise_dates
from botk_core.synonyms import Phrase, Synonyms
from botk_core.text import QUESTION_WORDS, STOP_WORDS, family_prefix, stem, terms, words
from botk_core.vocabulary import Vocabulary

SYNONYM_WEIGHT = 0.9
TYPO_WEIGHT = 0.85
FAMILY_WEIGHT = 0.5
SMALL_INDEX = 60  # passages: below this, a term in most of them still selects candidates


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

    @property
    def alternatives(self) -> list[Alternative]:
        """Every alternative once, for the index lookup."""
        return list(dict.fromkeys(a for g in self.groups for a in g.alternatives))


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
        if not equivalents and stems[i] not in vocabulary:
            equivalents = _corrected(found[i], stems[i], synonyms, vocabulary)
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


def _corrected(word: str, term: str, synonyms: Synonyms, vocabulary: Vocabulary) -> tuple[Phrase, ...]:
    """The known terms a misspelt ``word`` (stem ``term``) may stand for, with their synonyms."""
    corrected: dict[Phrase, None] = {}
    for near in vocabulary.corrections(word, term):
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
    still answers; so is every term of a small index, where ranking all hits costs nothing.
    """
    frequencies = {a: vocabulary.frequency(a) for a in plan.alternatives}
    present = [a for a, f in frequencies.items() if f > 0]
    if vocabulary.passages <= SMALL_INDEX:
        return present
    telling = [a for a in present if frequencies[a] <= vocabulary.passages / 2]
    # A guess at a typo ("fecha" read as "techo") or a word family's prefix never selects alone:
    # the question's own words, however common, still find their passages.
    return telling if any(a.weight > TYPO_WEIGHT for a in telling) else present
