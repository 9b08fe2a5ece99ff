"""Lists in prose: the items a question asks for («¿qué frutales aparecen?»), a person's own line."""

from __future__ import annotations

import itertools

from botk_adapters.local.kinds import holds_kind
from botk_adapters.local.lines import LINE, listed_under
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need
from botk_adapters.local.people import is_person
from botk_adapters.local.question import Question
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

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


def persons_value(need: Need, found: FoundPassage) -> bool:
    """Whether a value asked of a person («el correo de la tesorera») may come from ``found``.

    In a list of contacts each line is one person's: the value must be on a
    line that names the person, when some line does.
    """
    people = [w for w in need.required if is_person(w)]
    if need.kind is None or not people or found.fact is not None:
        return True
    theirs = [line for line in LINE.split(found.text) if all(holds(p, Words.of(line)) for p in people)]
    return not theirs or any(holds_kind(need.kind, fold(line)) for line in theirs)
