"""Answers from prose passages and key/value rows: the sentence that answers, with its section.

Otherwise nothing is quoted: a passage that only shares the topic would put
its figures in the user's hands as if they answered (see ``need``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from botk_adapters.local.lines import sentences, short_blocks
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need, need_of
from botk_adapters.local.need_checks import (
    heading_answers,
    satisfied,
    with_rarity,
)
from botk_adapters.local.passage_words import document_contexts, document_key, passage_words
from botk_adapters.local.prose_colours import colour_answers
from botk_adapters.local.prose_deeds import names_the_deed
from botk_adapters.local.prose_lists import asks_for_items, persons_value, with_items
from botk_adapters.local.prose_marks import asks_the_same_way, passage_mark, sentence_score
from botk_adapters.local.prose_tiers import named_tiers, tier_line
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
from botk_adapters.local.steps import has_steps, steps_excerpt
from botk_adapters.local.text import MAX_CHARS, best_excerpts, opening, ranked_excerpts
from botk_core.tools.search import FoundPassage

_ENUMERATOR = re.compile(r"(?:^|(?<=[\s:(]))\d{1,2}[.)]\s")
_FIGURE = re.compile(
    r"\d|\b(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|mil|medio|media)\b", re.I
)
_VERDICT = re.compile(r"^\s*(?:sí|si|no)\s*[.,:;!]\s+(?=\S)", re.IGNORECASE)


def write_prose(
    question: Question,
    results: Sequence[FoundPassage],
    prefer: Sequence[str] = (),
    section: Words | None = None,
) -> Answer | None:
    """The answer from the best passage (or key/value cell) that answers, else None.

    ``section``: the words of the section a follow-up is read in, which lend it what it leaves out.
    """
    haves = [passage_words(found) for found in results]
    need = attrs.evolve(with_rarity(need_of(question), haves), section=section)
    contexts = document_contexts(results)
    # Whose a light is, the colour lines judge one by one (with their component's description).
    gate = attrs.evolve(need, compounds=()) if need.colour else need
    ranked = [
        (passage_mark(need, found, have, prefer), -rank, found)
        for rank, (found, have) in enumerate(zip(results, haves, strict=True))
        if satisfied(gate, have, contexts[document_key(found)], row=found.fact is not None)
        and names_the_deed(need, found)
    ]
    ordered = sorted(ranked, key=lambda r: (r[0], r[1]), reverse=True)
    if need.colour:
        answers = colour_answers(need, ordered, contexts, results)
    else:
        items = asks_for_items(question)
        found_answers = ((_answer_from(need, f, contexts[document_key(f)], items), f) for _, _, f in ordered)
        first = next(((a, f) for a, f in found_answers if a is not None), None)
        answers = [_qualified(need, first[0], first[1], results)] if first and first[0] else []
    if not answers:
        return None
    return Answer("\n\n".join(a.text for a in answers), tuple(c for a in answers for c in a.citations))


def _qualified(need: Need, answer: Answer, found: FoundPassage, results: Sequence[FoundPassage]) -> Answer:
    """The answer with the sentence of its section that holds a word of the question it lacks.

    "¿Cuánta agua necesita la lechuga en invierno?" is answered by the
    lettuce's group and by "En invierno las cantidades bajan a la mitad".
    """
    quoted = Words.of(f"{answer.text} {found.location}")
    missing = [w for w in need.qualifiers if not holds(w, quoted)]
    if not missing or found.fact is not None:
        return answer
    for other in results:
        same = document_key(other) == document_key(found) and other.location == found.location
        if not same or other.fact is not None or other.text == found.text:
            continue
        lines = [line for _, line in sentences(other.text) if any(holds(w, Words.of(line)) for w in missing)]
        if lines:
            extra = lines[0]
            text, source = answer.text.rsplit("\n", 1)
            return Answer(f"{text}\n{extra}\n{source}", (*answer.citations, citation(other, quote=extra)))
    return answer


def _answer_from(
    need: Need, found: FoundPassage, context: Words | None = None, items: bool = False
) -> Answer | None:
    fact = found.fact
    if fact is not None:
        label = " · ".join(p for p in (" ".join(fact.row), " ".join(fact.column)) if p) or fact.table
        location = fact_location(fact)
        text = f"{label}: {fact.value.strip()}."
        return Answer(f"{text}\n{source_line(found, location)}", (citation(found, location, text),))
    if not persons_value(need, found):
        return None  # "¿y el correo de la tesorera?": not the e-mail on the plumber's line
    own_question = heading_answers(need, found.location) or asks_the_same_way(need, found.location)
    tier = None if need.colour else tier_line(need, found.text) or named_tiers(need, found.text)
    if tier is not None:
        excerpts = [tier]  # "si gasto más de 15 metros": the tier that holds the figure
    elif own_question and need.colour is None:
        # The document's own question: its answer starts the passage.
        excerpts = [_own_verdict(opening(found.text), need, found.location)]
    elif need.procedure and need.colour is None and found.fact is None and has_steps(found.text):
        # "¿Cómo reseteo el gateway?": the numbered steps, all of them, not the best one alone.
        excerpts = [steps_excerpt(found.text, MAX_CHARS, lambda s: sentence_score(need, s))]
    elif need.procedure and need.colour is None and found.location.rstrip().endswith("?"):
        # "¿Cómo ...?" answered under a question of the document: its answer, from its start.
        excerpts = [opening(found.text)]
    else:
        excerpts = best_excerpts(
            found.text,
            lambda s: sentence_score(need, s),
            ties=need.colour is not None,
            whole_list=need.procedure,
        )
    if need.colour is None and not tier and not own_question:
        excerpts = _as_block(need, excerpts, found, context)
    # The quoted excerpt itself (with its heading) must answer, not only the passage around it.
    kept = [e for e in excerpts if _answers(need, e, found.location, context)]
    if need.colour is None and (not kept or _lacks_rare(need, kept[0], found)):
        # "¿Cuánta agua toma un burro?": the lead-in answers the amount, the burro's line with it names it.
        ranked = ranked_excerpts(found.text, lambda s: sentence_score(need, s), whole_list=need.procedure)
        answering = [e for e in ranked if _answers(need, e, found.location, context)]
        kept = [e for e in answering if not _lacks_rare(need, e, found)][:1] or kept or answering[:1]
    if not kept:
        return None
    if items:
        kept = with_items(kept, found.text)  # "¿qué frutales aparecen?": the lead-in's items
    excerpt = "\n".join(kept)
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))


def _as_block(need: Need, excerpts: list[str], found: FoundPassage, context: Words | None) -> list[str]:
    """A run of short lines (a signature) that answers better than the excerpts, whole."""
    best = max((sentence_score(need, e) for e in excerpts), default=0.0)
    blocks = [b for b in short_blocks(found.text) if _answers(need, b, found.location, context)]
    better = [b for b in blocks if sentence_score(need, b) > best]
    return better[:1] or excerpts


def _lacks_rare(need: Need, excerpt: str, found: FoundPassage) -> bool:
    """Whether ``excerpt`` leaves out a rare word of the question that its passage holds."""
    have = Words.of(f"{excerpt} {found.location}")
    passage = Words.of(found.text)
    return any(holds(w, passage) and not holds(w, have) for w in need.rare)


def _answers(need: Need, excerpt: str, location: str, context: Words | None) -> bool:
    """Whether an excerpt (with its heading) answers; a list's numbering is no answer to «¿cuánto?».

    A meeting's agenda ("Tabla: 3. Cuota mensual.") names the fee, not how much it is.
    """
    if not satisfied(need, Words.of(f"{excerpt} {location}"), context):
        return False
    asks_amount = need.quantity and any(w.startswith("cuant") for w in need.asks)
    return not asks_amount or bool(_FIGURE.search(_ENUMERATOR.sub(" ", excerpt)))


def _own_verdict(excerpt: str, need: Need, location: str) -> str:
    """The passage's «Sí.»/«No.» answers the heading's question: kept only when that is the user's own.

    A heading close to the question (most of its words) finds the passage; a
    verdict needs all of them, or "¿estuvo vacío el estanque?" would get the
    «No.» of "¿una lectura vacía significa que el estanque está vacío?".
    """
    verdict = _VERDICT.match(excerpt)
    heading = Words.of(location.rsplit("›", 1)[-1])
    if verdict is None or all(holds(word, heading) for word in need.required):
        return excerpt
    rest = excerpt[verdict.end() :]
    return rest[:1].upper() + rest[1:]
