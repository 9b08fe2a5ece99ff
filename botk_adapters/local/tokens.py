"""A question's words with where the text says each, so that a part of it can be cut out and replaced."""

from __future__ import annotations

import re

import attrs

Span = tuple[int, int]
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@attrs.frozen
class Token:
    """One word of a folded text and where it is."""

    word: str
    start: int
    end: int


def words_of(folded: str) -> list[str]:
    """The words of a folded text, as a question's tokens are read."""
    return _TOKEN.findall(folded)


def inside(token: Token, spans: list[Span]) -> bool:
    """Whether ``token`` lies within one of ``spans``."""
    return any(start <= token.start and token.end <= end for start, end in spans)


def tokens_of(folded: str) -> tuple[Token, ...]:
    """The words of a folded text, each with its span."""
    return tuple(Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(folded))
