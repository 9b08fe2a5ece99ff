"""Weak names of a parameter ("bacterias"), and questions that ask how a parameter was measured.

"¿Salieron bacterias en la escuela la última vez?" asks the coliforms of a
campaign; "¿quién analizó las bacterias?" asks the documents who did it.
A weak name counts only when the question asks about a campaign, asks a
method, or says nothing but the name ("¿y pa las bacterias?": a swap).
"""

from __future__ import annotations

import re

from botk_adapters.local.tokens import words_of
from botk_adapters.local.vocabulary import CHAT_WORDS
from botk_core.text import STOP_WORDS

_WEAK_NAMES = {
    "bacterias": "coliformes totales",
    "bacteria": "coliformes totales",
    "microbios": "coliformes totales",
}
_METHOD = re.compile(
    r"\b(?:metodos?|tecnicas?|norma de ensayo)\b|\bcomo (?:se )?(?:mid|analiz|determin|calcul)"
)


def method_asked(folded: str) -> bool:
    """Whether a folded question asks how something was measured ("¿con qué método ...?")."""
    return bool(_METHOD.search(folded))


def weak_parameter(folded: str, about_a_campaign: bool) -> tuple[str | None, tuple[int, int] | None]:
    """The parameter a weak name stands for, and where, when the question is about values or a method."""
    if not (about_a_campaign or method_asked(folded) or _only_a_name(folded)):
        return None, None
    for name, canonical in _WEAK_NAMES.items():
        found = re.search(rf"\b{name}\b", folded)
        if found:
            return canonical, found.span()
    return None, None


def _only_a_name(folded: str) -> bool:
    """A turn that says nothing but a name ("¿y pa las bacterias?"): in a thread, it swaps the parameter."""
    return all(w in STOP_WORDS or w in CHAT_WORDS for w in words_of(folded)[:-1])
