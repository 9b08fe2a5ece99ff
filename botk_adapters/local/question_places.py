"""Where a question says its place: its first free "en/de X" phrase, or (tables) its free words.

"¿cuánto plomo salió en Miraflores en dic 2022?" names "Miraflores"; "cómo
salió miraflores en el plomo" names it bare, and the table's row labels
decide which of the free words are a place. The rest is the question's subject.
"""

from __future__ import annotations

import itertools
import re

from botk_adapters.local.intents import MARKER_WORDS
from botk_adapters.local.tokens import Span, Token, inside
from botk_adapters.local.vocabulary import CHAT_WORDS, is_weak
from botk_core.text import QUESTION_WORDS, STOP_WORDS

_PLACE_OPENERS = ("en", "de", "del")
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una"})
_JOINERS = frozenset({"de", "del"})
# Words that also ask ("alto", "bajo") but after a place's first word are part of its name ("Estanque Alto").
_PLACE_KINDS = frozenset({"sector", "punto", "lugar"})
_NAME_PARTS = frozenset({"alto", "alta", "bajo", "baja", "arriba", "abajo", "elevado", "elevada"})
# "ahí mismo", "allá": the place of the turn before, never a place's name.
# What a table question may ask of a value besides the value ("con qué método midieron el pH").
_ASKED_THINGS = frozenset({"metodo", "metodos", "tecnica", "tecnicas", "procedimiento", "ensayo", "ensayos"})
_DEICTIC = frozenset({"ahi", "alli", "aca", "alla", "aqui", "mismo", "misma", "mismos", "mismas"})
# "en la misma fecha", "esa vez", "ese mes": in a table question, when, never where.
_WHEN = frozenset(
    {"fecha", "fechas", "vez", "veces", "ocasion", "mes", "meses", "periodo", "epoca", "temporada", "momento"}
)


def place_and_subject(
    tokens: tuple[Token, ...], taken: list[Span], other: re.Match[str] | None, tabular: bool
) -> tuple[tuple[str, ...], Span | None, tuple[str, ...], bool]:
    """The place (its words and span), the remaining subject words, and whether the place was bare.

    In a table question without "en X", the free words name the place
    ("cómo salió miraflores en el plomo").
    """
    place, place_span = ((), other.span()) if other else _place(tokens, taken)
    if tabular and place and all(w in _WHEN for w in place):
        place, place_span = (), None  # "¿y el sulfato en la misma fecha?" keeps the campaign asked before
    spans = [*taken, place_span] if place_span else taken
    used = {i for i, t in enumerate(tokens) if inside(t, spans)}
    subject = tuple(t.word for i, t in enumerate(tokens) if i not in used and _free(t))
    if tabular and not place and subject:
        place, place_span = _bare_place(tokens, used)
        return place, place_span, (), True
    return place, place_span, subject, False


def _free(token: Token) -> bool:
    """A word that can name a place or a subject."""
    word = token.word
    asking = word in STOP_WORDS or is_weak(word) or word in QUESTION_WORDS or word in MARKER_WORDS
    pointing = word in _ARTICLES or word in _DEICTIC or word in CHAT_WORDS
    return not (asking or pointing or len(word) < 2) or any(c.isdigit() for c in word)


def _place(tokens: tuple[Token, ...], taken: list[Span]) -> tuple[tuple[str, ...], Span | None]:
    """The first "en/de X" phrase whose words are free (not a date, parameter or colour)."""
    best: tuple[tuple[str, ...], Span | None] = ((), None)
    for index, token in enumerate(tokens):
        if token.word not in _PLACE_OPENERS:
            continue
        words, end = _phrase(tokens, index + 1, taken)
        if words and (token.word == "en" or not best[0]):
            best = (tuple(words), (token.start, end))
            if token.word == "en":
                return best
    return best


def _phrase(tokens: tuple[Token, ...], index: int, taken: list[Span]) -> tuple[list[str], int]:
    while index < len(tokens) and tokens[index].word in _ARTICLES:
        index += 1
    words: list[str] = []
    end = 0
    while index < len(tokens):
        token = tokens[index]
        if token.word in _JOINERS and words and index + 1 < len(tokens):
            index += 1
            continue
        named = bool(words) and token.word in _NAME_PARTS
        # "el sector bajo", "el punto norte": a kind of place that its next word names.
        headed = not words and token.word in _PLACE_KINDS and _names_next(tokens, index)
        if not (_free(token) or named or headed) or inside(token, taken):
            break
        words.append(token.word)
        end = token.end
        index += 1
    return words[:4], end


def _names_next(tokens: tuple[Token, ...], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and (_free(following) or following.word in _NAME_PARTS)


def introduced(tokens: tuple[Token, ...], place: tuple[str, ...]) -> tuple[str, ...]:
    """The place words right after an article ("la escuela"), unlike a verb or a bare noun."""
    return tuple(
        token.word
        for before, token in itertools.pairwise(tokens)
        if token.word in place and before.word in _ARTICLES
    )


def _bare_place(tokens: tuple[Token, ...], used: set[int]) -> tuple[tuple[str, ...], Span | None]:
    """In a table question without "en X", the free words may name the place.

    Every free word is a candidate ("le encontraron a la posta"): the table's
    row labels decide which of them name a place.
    """
    run = [
        token
        for index, token in enumerate(tokens)
        if index not in used
        and token.word not in _ASKED_THINGS
        and (_free(token) or (index and token.word in _NAME_PARTS))
    ]
    return tuple(t.word for t in run[:6]), (run[0].start, run[-1].end) if run else None
