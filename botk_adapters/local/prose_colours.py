"""Answers about a light's colour: the best colour lines, one per component when none is named.

"¿Qué significa la luz roja?" is answered by the red line of every
component that has one when the question names none; a named component
("la cajita del sensor") gets its own line only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from botk_adapters.local.lines import colour_code, component_description, component_name
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need
from botk_adapters.local.need_checks import holds_hinges
from botk_adapters.local.passage_words import document_key
from botk_adapters.local.prose_marks import sentence_score
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, source_line
from botk_adapters.local.text import scored_excerpts
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

# A colour that several components use: each one's meaning, when the question names none.
MAX_TIES = 3
TIE = 1.0


def colour_answers(
    need: Need,
    ordered: list[tuple[float, int, FoundPassage]],
    contexts: dict[str, Words],
    results: Sequence[FoundPassage] = (),
) -> list[Answer]:
    """The best colour lines of all the passages that answer (one per component when none is named).

    A passage is judged by its best line, so that the component's blinking
    line in another passage beats its steady one. A component the question
    names that has lines of its own in the ``results`` answers alone: when it
    lacks the colour, another's line whose description names it does not.
    """
    offers = []
    for mark, rank, found in ordered:
        if found.fact is not None:
            continue
        excerpts = scored_excerpts(found.text, lambda s: sentence_score(need, s), ties=not need.any_of)
        offers += [
            (line, _fit(need, excerpt, found), mark, rank, excerpt, found)
            for line, excerpt in excerpts
            if _hinged(need, excerpt, found, contexts[document_key(found)]) and _of_a_light(need, excerpt)
        ]
    if _has_lines_of_its_own(need, results):
        # "la azul de la cajita": not the gateway's blue line (a step of a procedure still answers).
        offers = [o for o in offers if o[1][0] > 0 or not component_name(o[4])]
    offers.sort(key=lambda o: (o[0], o[1], o[2], o[3]), reverse=True)
    # "la luz de la estación" names no one component: each component's line of that colour answers.
    named = bool(offers) and any(holds(w, Words.of(offers[0][4])) for w in need.any_of)
    kept = offers[:1] if named else [o for o in offers if o[0] >= offers[0][0] - TIE][:MAX_TIES]
    return [
        Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))
        for _, _, _, _, excerpt, found in kept
    ]


def _has_lines_of_its_own(need: Need, results: Sequence[FoundPassage]) -> bool:
    """Whether a colour line of the results names, as its component, the component the question names."""
    names = {component_name(line) for found in results for line in found.text.splitlines()}
    return any(holds(w, Words.of(name)) for name in names if name for w in need.any_of)


def _fit(need: Need, excerpt: str, found: FoundPassage) -> tuple[int, int]:
    """How many words of the component the question names the line's own component holds.

    "la luz verde del sensor del tanque" is the level sensor's green line, not
    the gateway's, though the gateway's description mentions the sensors: among
    lines as good, the name the line gives its component counts first, then its description.
    """
    if not need.any_of:
        return (0, 0)
    name = Words.of(component_name(excerpt) or excerpt)
    described = _with_component(excerpt, found)
    return (sum(holds(w, name) for w in need.any_of), sum(holds(w, described) for w in need.any_of))


def _hinged(need: Need, excerpt: str, found: FoundPassage, context: Words) -> bool:
    """Whether a colour line holds the question's hinges, its component read with its description.

    «el sensor del tanque» is the «Sensor de nivel ultrasónico» whose
    description says it measures the tank: its name need not say «del tanque».
    """
    described = _with_component(excerpt, found)
    if holds_hinges(need, described, context):
        return True
    name = Words.of(component_name(excerpt))
    owned = need.compounds and all(holds(head, name) and holds(of, described) for head, of in need.compounds)
    return bool(owned) and holds_hinges(attrs.evolve(need, compounds=()), described, context)


def _of_a_light(need: Need, excerpt: str) -> bool:
    """Whether an excerpt gives the colour as a light's: a colour code line, or a light named with it."""
    if not need.light or need.colour is None:
        return True
    coded = re.search(rf"\b{need.colour[:4]}\w*(?:\s+\w+)?\s*:", fold(excerpt))  # "... Rojo: falla"
    return colour_code(excerpt, need.colour) or bool(coded) or bool(LIGHT_WORDS & Words.of(excerpt).words)


def _with_component(excerpt: str, found: FoundPassage) -> Words:
    """A colour line's words, with its location and its component's own description."""
    return Words.of(f"{excerpt} {found.location} {component_description(found.text, excerpt)}")
