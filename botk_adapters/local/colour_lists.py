"""All the colours of one component's light: «colores de la luz de la bomba dosificadora».

A manual writes each component's colour codes under it (the reader keeps
them as "Componente — Verde: ..." lines); a question about the colours of
one component, naming none, is answered by all of that component's lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_adapters.local.matching import Words, holds
from botk_adapters.local.question import Question
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, source_line
from botk_core.lights import colour_in
from botk_core.tools.search import FoundPassage

_ASKS_COLOURS = re.compile(r"\b(?:colores|luces|ledes|leds|indicadores)\b")
_CODE_LINE = re.compile(r"^(?P<component>[^—–\n]+?)\s[—–]\s(?P<label>[^:\n]+):")
# Words of the question that ask about lights, not name the component.
_ASKING = frozenset(
    {"colores", "color", "significa", "significan", "quiere", "decir", "tiene", "hay", "cada"}
)


def write_colour_list(question: Question, results: Sequence[FoundPassage]) -> Answer | None:
    """The colour lines of the component the question names, when it asks for its colours.

    A figure between them splits a component's lines into several passages: all of them answer.
    """
    if question.colour or question.tabular or not _ASKS_COLOURS.search(question.text):
        return None
    wanted = [w for w in question.content_words() if w not in LIGHT_WORDS and w not in _ASKING]
    by_component: dict[str, list[tuple[FoundPassage, str]]] = {}
    for found in results:
        for line in found.text.splitlines() if found.fact is None else ():
            match = _CODE_LINE.match(line.strip())
            if match is not None and colour_in(match["label"]) is not None:
                by_component.setdefault(match["component"].strip(), []).append((found, line.strip()))
    held = {name: sum(1 for w in wanted if holds(w, Words.of(name))) for name in by_component}
    best = max(held, key=lambda name: held[name], default=None)
    if best is None or held[best] < max(1, len(wanted) // 2):
        return None
    lines = by_component[best]
    excerpt = "\n".join(dict.fromkeys(line for _, line in lines))
    found = lines[0][0]
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))
