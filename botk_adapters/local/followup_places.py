"""Whether a follow-up that changes the campaign or the parameter also names a place.

«¿y la escuela en marzo?» after a table answer asks the school's cell in
March; «¿y el promedio en marzo?» names no place.
"""

from __future__ import annotations

from botk_adapters.local.question import Question

_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"})

# What a table answer gives besides a place's cell: "¿y el promedio en marzo?" names no place.
_TABLE_WORDS_TEXT = "promedio maximo minimo maxima minima limite norma valor total"
_TABLE_WORDS = frozenset(_TABLE_WORDS_TEXT.split())


def names_a_place(new: Question) -> bool:
    """Whether a turn that changes the campaign or parameter also names a place with an article."""
    if not new.subject or new.place or new.colour or not (new.campaign or new.parameter):
        return False
    first = next((i for i, t in enumerate(new.tokens) if t.word == new.subject[0]), 0)
    named = first > 0 and new.tokens[first - 1].word in _ARTICLES
    return named and not any(w in _TABLE_WORDS for w in new.subject)
