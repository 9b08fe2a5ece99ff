"""Answers from prose passages and key/value rows: the sentence that answers, with its section.

A passage answers when it holds most of the question's words (by stem,
synonym or one typo), every word the question hinges on (the thing asked
after "cuántos", "qué", "cuál"; the colour of a light), and, for "cuánto"
questions, a number. Otherwise nothing is quoted: a passage that only shares
the topic would put its figures in the user's hands as if they answered.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import attrs

from botk_adapters.local.matching import similar
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
from botk_adapters.local.text import best_excerpt
from botk_adapters.local.vocabulary import COLOURS, NUMBER_WORDS, RELATED, WEAK_WORDS
from botk_core.text import STOP_WORDS, stem, words
from botk_core.tools.search import FoundPassage

_QUANTITY = frozenset({"cuanto", "cuanta", "cuantos", "cuantas"})
_FOCUS_AFTER = _QUANTITY | {"que", "cual", "cuales", "quien", "quienes"}
_SKIP_BEFORE_FOCUS = frozenset({"es", "son", "el", "la", "los", "las", "un", "una", "de", "del"})
_DIGIT = re.compile(r"\d")


@attrs.frozen
class Need:
    """What a passage must hold to answer: required words, the focus, a colour, a number."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    focus: str | None
    colour: str | None
    quantity: bool


def need_of(question: Question) -> Need:
    content = [w for w in question.content_words() if w not in ("hola", "gracias")]
    required = tuple(dict.fromkeys(w for w in content if w not in WEAK_WORDS))
    optional = tuple(dict.fromkeys(w for w in content if w in WEAK_WORDS))
    tokens = [t.word for t in question.tokens]
    return Need(required, optional, _focus(tokens), question.colour, any(t in _QUANTITY for t in tokens))


def _focus(tokens: list[str]) -> str | None:
    for index, word in enumerate(tokens):
        if word in _FOCUS_AFTER:
            rest = [w for w in tokens[index + 1 :] if w not in _SKIP_BEFORE_FOCUS]
            if rest and rest[0] not in WEAK_WORDS and rest[0] not in STOP_WORDS:
                return rest[0]
            return None
    return None


@attrs.frozen
class Words:
    """A text's words and their stems, looked up many times."""

    words: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Words:
        found = frozenset(words(text))
        return cls(found, frozenset(stem(w) for w in found))


def holds(word: str, have: Words) -> bool:
    """Whether ``have`` contains ``word``, a synonym of it, or a near spelling."""
    if word in have.words or stem(word) in have.stems:
        return True
    related = RELATED.get(word, frozenset())
    return bool(related & have.words) or any(similar(word, h) for h in have.words)


def passage_words(found: FoundPassage) -> Words:
    extra = " ".join((*found.fact.row, found.fact.value)) if found.fact else ""
    return Words.of(f"{found.text} {found.location} {extra}")


def answers(need: Need, found: FoundPassage) -> tuple[bool, float]:
    """Whether ``found`` answers, and how well (for ranking)."""
    have = passage_words(found)
    matched = [w for w in need.required if holds(w, have)]
    extra = sum(1 for w in need.optional if holds(w, have))
    count = len(need.required)
    enough = len(matched) == count if count <= 2 else len(matched) >= math.ceil(count / 2)
    if need.focus and not holds(need.focus, have):
        enough = False
    if need.colour and not any(COLOURS.get(w) == need.colour for w in have.words):
        enough = False
    return enough and count > 0, len(matched) + 0.25 * extra


def write_prose(question: Question, results: Sequence[FoundPassage]) -> Answer | None:
    """The answer from the best passage (or key/value row) that answers, else None."""
    need = need_of(question)
    ranked = []
    for rank, found in enumerate(results):
        ok, score = answers(need, found)
        if ok:
            ranked.append((score, -rank, found))
    for _score, _rank, found in sorted(ranked, key=lambda r: (r[0], r[1]), reverse=True):
        answer = _answer_from(need, found)
        if answer is not None:
            return answer
    return None


def _answer_from(need: Need, found: FoundPassage) -> Answer | None:
    if found.fact is not None and found.fact.kind == "text":
        label = " ".join(found.fact.row) or found.fact.table
        text = f"{label}: {found.fact.value.strip()}."
        location = found.location or fact_location(found.fact, "row")
        return Answer(f"{text}\n{source_line(found, location)}", (citation(found, location),))
    excerpt = best_excerpt(found.text, lambda sentence: _sentence_score(need, sentence))
    if need.quantity and not (_DIGIT.search(excerpt) or set(words(excerpt)) & NUMBER_WORDS):
        return None
    if need.colour and not any(COLOURS.get(w) == need.colour for w in words(excerpt)):
        return None
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))


def _sentence_score(need: Need, sentence: str) -> float:
    have = Words.of(sentence)
    score = sum(2.0 for w in need.required if holds(w, have))
    score += sum(1.0 for w in need.optional if holds(w, have))
    if need.colour and any(COLOURS.get(w) == need.colour for w in have.words):
        score += 3.0
    if need.quantity and _DIGIT.search(sentence):
        score += 1.0
    if sentence.rstrip().endswith("?"):
        score -= 1.5  # the document's own question: its answer follows
    return score
