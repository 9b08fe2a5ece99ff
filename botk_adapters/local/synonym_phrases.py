"""A question's words joined into the synonym phrases they form: «tercera edad», «gastar menos».

A phrase the synonym list knows is one thing: «adultos mayores» is «personas
mayores», never «adultos» and «mayores» held apart, so the answer check
looks for the phrase (or one of its equivalents) as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from botk_adapters.local.matching import SYNONYMS
from botk_core.text import stem


def joined_phrases(words: Sequence[str]) -> list[str]:
    """``words`` with each run that is a known synonym phrase joined by a space, longest run first."""
    joined: list[str] = []
    i = 0
    while i < len(words):
        width = _phrase_width(words, i)
        joined.append(" ".join(words[i : i + width]))
        i += width
    # «el número de cuenta ... la cuenta del agua»: the word asked once more inside a phrase is that phrase.
    inside = {w for phrase in joined if " " in phrase for w in phrase.split()}
    return [w for w in joined if " " in w or w not in inside]


def _phrase_width(words: Sequence[str], start: int) -> int:
    for width in range(min(SYNONYMS.longest, len(words) - start), 1, -1):
        run = words[start : start + width]
        if all(w.isalpha() for w in run) and SYNONYMS.equivalents(tuple(stem(w) for w in run)):
            return width
    return 1
