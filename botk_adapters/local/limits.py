"""A table's legal limit read from its caption, and the words that ask about it spelt right.

"Tabla 3. Zinc total en las muestras (NCh 409/1, máximo 3,0 mg/L)" says the
limit of every cell of the table; an index written by an older reader may
leave ``limit`` empty, and the answer would lose its comparison.
"""

from __future__ import annotations

import re

import attrs

from botk_core.domain import TableFact
from botk_core.limits import find_limit
from botk_core.phrasing import one_edit_apart

# Long words that ask about the limit; a word one typo away ("permitdo", "limte") is one of them.
# "norma" is left out: "forma" is one letter away.
_LIMIT_WORDS_TEXT = """
    permitido permitida permitidos permitidas limite limites maximo maxima sobrepasa sobrepasan supera
    superan excede exceden permite permiten
"""
_LIMIT_WORDS = frozenset(_LIMIT_WORDS_TEXT.split())
_LONG_WORD = re.compile(r"[a-z]{5,}")


def spelled_limit_words(folded: str) -> str:
    """``folded`` with each word one typo from a limit word written right ("supera lo permitdo")."""
    return _LONG_WORD.sub(lambda m: _spelled(m.group(0)), folded)


def _spelled(word: str) -> str:
    if word in _LIMIT_WORDS:
        return word
    return next((w for w in _LIMIT_WORDS if w[0] == word[0] and one_edit_apart(word, w)), word)


def with_caption_limit(fact: TableFact) -> TableFact:
    """``fact`` with the limit its caption (or its note) states, when it has none of its own."""
    if fact.limit is not None or fact.limit_text or not (fact.caption or fact.note):
        return fact
    found = find_limit(fact.caption) or find_limit(fact.note)
    if found is None:
        return fact
    return attrs.evolve(fact, limit=found.number, limit_text=found.text)
