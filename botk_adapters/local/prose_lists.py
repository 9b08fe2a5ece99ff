"""Questions that ask for the items of a list: «¿qué frutales aparecen?», «¿cuáles son los cultivos?»."""

from __future__ import annotations

import itertools

from botk_adapters.local.lines import listed_under
from botk_adapters.local.question import Question

_WHICH = frozenset({"que", "cuales"})
_PLURAL_MIN = 4
# Plural-looking words that are verbs or fillers, not the things asked for ("¿qué dices?").
_NOT_THINGS = frozenset({"dices", "haces", "pides", "piensas", "crees", "tienes", "sabes", "es", "son"})


def asks_for_items(question: Question) -> bool:
    """Whether the question asks which things (a plural noun after «qué»/«cuáles», or «cuáles son»)."""
    words = [t.word for t in question.tokens]
    for before, word in itertools.pairwise(words):
        if before not in _WHICH:
            continue
        if before == "cuales" and word in ("son", "serian"):
            return True
        if len(word) >= _PLURAL_MIN and word.endswith("s") and word not in _NOT_THINGS:
            return True
    return False


def with_items(kept: list[str], text: str) -> list[str]:
    """A single quoted lead-in with the items listed under it, unless it quotes them already."""
    if len(kept) != 1:
        return kept
    items = listed_under(text, kept[0])
    if not items or any(item.lstrip("-•* ") in kept[0] for item in items):
        return kept
    return [kept[0], *items]
