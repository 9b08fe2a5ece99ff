"""What a passage must hold to answer a question: its words, the thing asked, a colour, a number.

A passage answers when it holds most of the question's words (by stem,
synonym or one typo) and every word the question hinges on: the thing asked
after "cuántos", "qué", "cuál" or "cómo se llama"; the colour of a light; the
words a follow-up just added; and, for a question about a lab table answered
from prose, its parameter, place and date. A "cuánto" question needs a number.
"""

from __future__ import annotations

import math
import re

import attrs

from botk_adapters.local.dates import MONTH_NAMES
from botk_adapters.local.matching import similar
from botk_adapters.local.question import Question
from botk_adapters.local.vocabulary import ASKS_FOR, NUMBER_WORDS, RELATED, WEAK_WORDS, has_colour
from botk_core.text import STOP_WORDS, fold, stem, words

_QUANTITY = frozenset({"cuanto", "cuanta", "cuantos", "cuantas"})
_FOCUS_AFTER = _QUANTITY | {"que", "cual", "cuales", "quien", "quienes", "llama", "llaman"}
_SKIP_BEFORE_FOCUS = frozenset({"es", "son", "el", "la", "los", "las", "un", "una", "de", "del", "se"})
_DIGIT = re.compile(r"\d")
_IGNORED = frozenset({"hola", "gracias", "porfa", "favor"})
_NUMERIC_INTENTS = ("value", "limit", "over", "within")
# "¿Qué empresa ...?" asks for a name: the document need not say "empresa".
_CATEGORIES = frozenset(
    {"empresa", "institucion", "persona", "organismo", "entidad", "organizacion", "nombre", "gente"}
)


@attrs.frozen
class Words:
    """A text's words and their stems, looked up many times."""

    words: frozenset[str]
    stems: frozenset[str]
    text: str

    @classmethod
    def of(cls, text: str) -> Words:
        found = frozenset(words(text))
        return cls(found, frozenset(stem(w) for w in found), fold(text))


@attrs.frozen
class Need:
    """What an answer must hold; ``hinges`` are words it cannot do without."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    hinges: tuple[str, ...] = ()
    colour: str | None = None
    quantity: bool = False
    asks_for: tuple[str, ...] = ()


def need_of(question: Question) -> Need:
    content = [w for w in question.content_words() if w not in _IGNORED]
    tokens = [t.word for t in question.tokens]
    hinges = [*question.fresh]
    focus = _focus(tokens)
    if focus and focus not in _CATEGORIES:
        hinges.append(focus)
    if question.tabular:
        hinges += [question.parameter or "", *question.place, *_campaign_words(question)]
    quantity = bool(_QUANTITY & set(tokens)) or (question.tabular and question.intent in _NUMERIC_INTENTS)
    return Need(
        required=tuple(dict.fromkeys(w for w in content if w not in WEAK_WORDS)),
        optional=tuple(dict.fromkeys(w for w in content if w in WEAK_WORDS)),
        hinges=tuple(dict.fromkeys(h for h in hinges if h)),
        colour=question.colour,
        quantity=quantity,
        asks_for=tuple(word for t in tokens for word in ASKS_FOR.get(t, ())),
    )


def _focus(tokens: list[str]) -> str | None:
    for index, word in enumerate(tokens):
        if word in _FOCUS_AFTER:
            rest = [w for w in tokens[index + 1 :] if w not in _SKIP_BEFORE_FOCUS]
            if rest and rest[0] not in WEAK_WORDS and rest[0] not in STOP_WORDS and len(rest[0]) > 2:
                return rest[0]
            if word not in ("que", "llama", "llaman"):
                return None
    return None


def _campaign_words(question: Question) -> list[str]:
    campaign = question.campaign
    if campaign is None or campaign.latest or campaign.earliest:
        return []
    found = [MONTH_NAMES[campaign.month]] if campaign.month else []
    return found + ([str(campaign.year)] if campaign.year else [])


def holds(word: str, have: Words) -> bool:
    """Whether ``have`` contains ``word``, a synonym of it, or a near spelling."""
    if word in have.words or stem(word) in have.stems:
        return True
    if " " in word:
        return word in have.text
    related = RELATED.get(word, frozenset())
    return bool(related & have.words) or any(similar(word, h) for h in have.words)


def satisfied(need: Need, have: Words) -> bool:
    """Whether ``have`` answers: enough of the words, every hinge, the colour, a number."""
    count = len(need.required)
    matched = sum(1 for w in need.required if holds(w, have))
    enough = matched == count if count <= 2 else matched >= math.ceil(2 * count / 3)
    return bool(enough and count) and holds_hinges(need, have)


def holds_hinges(need: Need, have: Words) -> bool:
    """Whether ``have`` (the quoted excerpt) holds every hinge, the colour and, when asked, a number."""
    if not all(holds(h, have) for h in need.hinges):
        return False
    if need.colour and not has_colour(have.text, need.colour):
        return False
    return not need.quantity or bool(_DIGIT.search(have.text) or have.words & NUMBER_WORDS)


def score(need: Need, have: Words) -> float:
    """How well ``have`` answers, for ranking passages and sentences."""
    total = sum(2.0 for w in need.required if holds(w, have))
    total += sum(1.0 for w in need.optional if holds(w, have))
    total += sum(1.5 for w in need.hinges if holds(w, have))
    total += 1.0 if any(w in have.words for w in need.asks_for) else 0.0
    if need.colour and has_colour(have.text, need.colour):
        total += 3.0
    if need.quantity and _DIGIT.search(have.text):
        total += 1.0
    return total
