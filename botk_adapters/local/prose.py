"""Answers from prose passages and key/value rows: the sentence that answers, with its section.

Otherwise nothing is quoted: a passage that only shares the topic would put
its figures in the user's hands as if they answered (see ``need``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import (
    Need,
    heading_answers,
    heading_asks_alike,
    holds_hinges,
    need_of,
    satisfied,
    score,
    with_rarity,
)
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
from botk_adapters.local.text import (
    best_excerpts,
    colour_code,
    component_description,
    opening,
    ranked_excerpts,
    scored_excerpts,
    sentences,
)
from botk_adapters.local.vocabulary import colour_in, has_colour
from botk_core.lights import line_state
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

_QUESTION_PENALTY = 1.5
_VERDICT = re.compile(r"^\s*(?:sí|si|no)\s*[.,:;!]\s+(?=\S)", re.IGNORECASE)
# A colour that several components use: each one's meaning, when the question names none.
MAX_TIES = 3
TIE = 1.0
HEADING_BONUS = 2.0
ASKS_ALIKE_BONUS = 3.0  # the document's question asks with the same word ("¿Por qué ...?")
PREFER_BONUS = 1.5
LABEL_BONUS = 2.0
PERSON_BONUS = 2.0  # "¿quién ...?" is answered by a text that names someone
# A person's name: two capitalised words ("Macarena Tapia"), or a title before one ("Dra. Cruz", "don Rubén").
_PERSON = re.compile(
    r"(?<!\bel )(?<!\bla )(?<!\bdel )(?<!\bal )(?<!\bde )(?<!\bEl )(?<!\bLa )"
    r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ [A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b"
    r"|\b(?:Sr|Sra|Srta|Dr|Dra|Ing|Q\.F|don|doña)\.?\s+[A-ZÁÉÍÓÚÑ]"
)
CODE_BONUS = 1.5  # a colour code line ("Rojo: ...") says what a light means
OTHER_COLOUR_PENALTY = 3.0
STATE_PENALTY = 2.0


def write_prose(
    question: Question, results: Sequence[FoundPassage], prefer: Sequence[str] = ()
) -> Answer | None:
    """The answer from the best passage (or key/value cell) that answers, else None."""
    haves = [_words_of(found) for found in results]
    need = with_rarity(need_of(question), haves)
    contexts = _document_contexts(results)
    ranked = [
        (_mark(need, found, have, prefer), -rank, found)
        for rank, (found, have) in enumerate(zip(results, haves, strict=True))
        if satisfied(need, have, contexts[_document(found)], row=found.fact is not None)
    ]
    ordered = sorted(ranked, key=lambda r: (r[0], r[1]), reverse=True)
    if need.colour:
        answers = _colour_answers(need, ordered, contexts)
    else:
        found_answers = ((_answer_from(need, f, contexts[_document(f)]), f) for _, _, f in ordered)
        first = next(((a, f) for a, f in found_answers if a is not None), None)
        answers = [_qualified(need, first[0], first[1], results)] if first and first[0] else []
    if not answers:
        return None
    return Answer("\n\n".join(a.text for a in answers), tuple(c for a in answers for c in a.citations))


def _colour_answers(
    need: Need, ordered: list[tuple[float, int, FoundPassage]], contexts: dict[str, Words]
) -> list[Answer]:
    """The best colour lines of all the passages that answer (one per component when none is named).

    A passage is judged by its best line, so that the component's blinking
    line in another passage beats its steady one.
    """
    offers = []
    for mark, rank, found in ordered:
        if found.fact is not None:
            continue
        excerpts = scored_excerpts(found.text, lambda s: _sentence_score(need, s), ties=not need.any_of)
        offers += [
            (line, mark, rank, excerpt, found)
            for line, excerpt in excerpts
            if holds_hinges(need, _with_component(excerpt, found), contexts[_document(found)])
        ]
    offers.sort(key=lambda o: (o[0], o[1], o[2]), reverse=True)
    # "la luz de la estación" names no one component: each component's line of that colour answers.
    named = bool(offers) and any(holds(w, Words.of(offers[0][3])) for w in need.any_of)
    kept = offers[:1] if named else [o for o in offers if o[0] >= offers[0][0] - TIE][:MAX_TIES]
    return [
        Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))
        for _, _, _, excerpt, found in kept
    ]


def _with_component(excerpt: str, found: FoundPassage) -> Words:
    """A colour line's words, with its location and its component's own description."""
    return Words.of(f"{excerpt} {found.location} {component_description(found.text, excerpt)}")


def _mark(need: Need, found: FoundPassage, have: Words, prefer: Sequence[str]) -> float:
    """How well a passage that answers does it, for choosing among them."""
    # Words in the passage's own text (a cell's: its labels and value) count more than its heading's.
    mark = score(need, have) + 0.5 * score(need, Words.of(_own_text(found)))
    # A FAQ question like the user's answers first, unless it lacks a word few passages have (a name).
    lacks_rare = any(w in need.required and not holds(w, have) for w in need.rare)
    if heading_answers(need, found.location) and not lacks_rare:
        mark += HEADING_BONUS + (ASKS_ALIKE_BONUS if heading_asks_alike(need, found.location) else 0.0)
    mark += PREFER_BONUS if found.document in prefer else 0.0
    mark += LABEL_BONUS if _labels_what_is_asked(need, found) else 0.0
    mark += PERSON_BONUS if "quien" in need.asks and _PERSON.search(_own_text(found)) else 0.0
    coded = need.colour and not need.procedure and colour_code(found.text, need.colour)
    return mark + (CODE_BONUS if coded else 0.0)


# A label that names a person by what they do: "Muestreador", "Analista", "Coordinadora".
_AGENT_ENDINGS = ("dor", "dora", "ista", "ente", "ario", "aria")


def _labels_what_is_asked(need: Need, found: FoundPassage) -> bool:
    """A table cell whose label names what «quién» or «cuándo» asks ("Responsable de ...", "Muestreador")."""
    if found.fact is None or not need.asks_for:
        return False
    labels = Words.of(" ".join((*found.fact.row, *found.fact.column)))
    # "Muestreador", "Analista", or a deed with its doer: "Muestreado por", "Revisado por".
    doer = fold(" ".join(found.fact.row)).rstrip(" :").endswith(" por")
    agent = "quien" in need.asks and (doer or any(w.endswith(_AGENT_ENDINGS) for w in labels.words))
    # «Análisis químico: <name>» answers "¿quién analizó?": the label names the step asked about.
    step = "quien" in need.asks and any(holds(h, labels, typos=False) for h in need.hinges)
    return agent or step or any(word in labels.words for word in need.asks_for)


def _own_text(found: FoundPassage) -> str:
    fact = found.fact
    return f"{found.text} {' '.join(fact.row)} {fact.value} {' '.join(fact.column)}" if fact else found.text


def _words_of(found: FoundPassage) -> Words:
    fact = found.fact
    # The value before its column's header reads as a quantity: "20 Litros por día".
    labels = " ".join((*fact.row, fact.value, *fact.column, fact.caption)) if fact else ""
    return Words.of(f"{found.text} {found.location} {labels}")


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
        same = _document(other) == _document(found) and other.location == found.location
        if not same or other.fact is not None or other.text == found.text:
            continue
        lines = [line for _, line in sentences(other.text) if any(holds(w, Words.of(line)) for w in missing)]
        if lines:
            extra = lines[0]
            text, source = answer.text.rsplit("\n", 1)
            return Answer(f"{text}\n{extra}\n{source}", (*answer.citations, citation(other, quote=extra)))
    return answer


def _document(found: FoundPassage) -> str:
    return found.document_id or found.document


def _document_contexts(results: Sequence[FoundPassage]) -> dict[str, Words]:
    """Per document, the words of all its passages in the results and of its name.

    A key/value row ("Teléfono: +56 ...") of a lab report answers "fono del
    laboratorio" though the row itself does not say "laboratorio".
    """
    texts: dict[str, list[str]] = {}
    for found in results:
        name = found.document.rsplit(".", 1)[0].replace("_", " ")
        texts.setdefault(_document(found), [name]).append(f"{found.location} {found.text}")
    return {key: Words.of(" ".join(parts)) for key, parts in texts.items()}


def _answer_from(need: Need, found: FoundPassage, context: Words | None = None) -> Answer | None:
    fact = found.fact
    if fact is not None:
        label = " · ".join(p for p in (" ".join(fact.row), " ".join(fact.column)) if p) or fact.table
        location = fact_location(fact)
        text = f"{label}: {fact.value.strip()}."
        return Answer(f"{text}\n{source_line(found, location)}", (citation(found, location, text),))
    if heading_answers(need, found.location) and need.colour is None:
        # The document's own question: its answer starts the passage.
        excerpts = [_own_verdict(opening(found.text), need, found.location)]
    elif need.procedure and need.colour is None and found.location.rstrip().endswith("?"):
        # "¿Cómo ...?" answered under a question of the document: its answer, from its start.
        excerpts = [opening(found.text)]
    else:
        excerpts = best_excerpts(
            found.text,
            lambda s: _sentence_score(need, s),
            ties=need.colour is not None,
            whole_list=need.procedure,
        )
    # The quoted excerpt itself (with its heading) must answer, not only the passage around it.
    kept = [e for e in excerpts if satisfied(need, Words.of(f"{e} {found.location}"), context)]
    if not kept and need.colour is None:
        ranked = ranked_excerpts(found.text, lambda s: _sentence_score(need, s), whole_list=need.procedure)
        kept = [e for e in ranked if satisfied(need, Words.of(f"{e} {found.location}"), context)][:1]
    if not kept:
        return None
    excerpt = "\n".join(kept)
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))


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


def _sentence_score(need: Need, sentence: str) -> float:
    penalty = _QUESTION_PENALTY if sentence.rstrip().endswith("?") else 0.0
    if need.colour and not need.procedure and colour_code(sentence, need.colour):
        penalty -= CODE_BONUS
    penalty += _state_penalty(need, sentence)
    named = colour_in(fold(sentence)) if need.colour else None
    if named and named[0] != need.colour and not has_colour(fold(sentence), need.colour or ""):
        penalty += OTHER_COLOUR_PENALTY  # "Sin luz: ..." does not answer "¿y la luz roja?"
    return score(need, Words.of(sentence)) - penalty  # the document's own question: its answer follows


def _state_penalty(need: Need, sentence: str) -> float:
    """A colour line whose state (blinking, steady) is not the one asked; a plain light is steady."""
    if not need.colour or not colour_code(sentence, need.colour):
        return 0.0
    state = line_state(sentence)
    if state == need.state or (state is None and need.state == "fija"):
        return 0.0
    return STATE_PENALTY if need.state else STATE_PENALTY / 2
