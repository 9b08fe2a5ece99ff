"""How well a passage, and each of its sentences, answers: the marks that choose among those that do.

A passage's own words count more than its heading's; a FAQ question like
the user's, a document the thread was just about, a label naming what
«quién» or «cuándo» asks, a named person for «quién» and a colour code line
for a light's colour add to its mark. A sentence that is a question, or a
colour line of another colour or state, loses.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from botk_adapters.local.lines import colour_code, sentences
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need, asks_who
from botk_adapters.local.need_checks import heading_answers, heading_asks_alike
from botk_adapters.local.need_score import score
from botk_adapters.local.passage_words import own_text, quoted_last
from botk_adapters.local.prose_deeds import holds_adjacent, names_the_deed, qualified_deed
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.sources import fact_location
from botk_adapters.local.steps import has_steps
from botk_adapters.local.vocabulary import ANAPHORA, colour_in, has_colour
from botk_core.lights import line_state
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

_QUESTION_PENALTY = 1.5
HEADING_BONUS = 4.0
ASKS_ALIKE_BONUS = 3.0  # the document's question asks with the same word ("¿Por qué ...?")
ALIKE_BONUS = 1.0  # a FAQ question that asks with the user's word about one of the things asked
# Words that ask for a place, a time or a person: few FAQ questions share one by chance («¿cuánto?» many).
_SPECIFIC_ASKS = frozenset({"donde", "cuando", "quien", "quienes"})
PREFER_BONUS = 1.5
PERSON_ROW_BONUS = 5.0
SECTION_BONUS = 0.5  # the section the last answer quoted: among passages as good, a follow-up is about it
PASSAGE_BONUS = 1.0  # the very passage the last answer quoted
LABEL_BONUS = 2.0
PERSON_BONUS = 2.0  # "¿quién ...?" is answered by a text that names someone
# A person's name: two capitalised words ("Macarena Tapia"), or a title before one ("Dra. Cruz", "don Rubén").
_PERSON = re.compile(
    r"(?<!\bel )(?<!\bla )(?<!\bdel )(?<!\bal )(?<!\bde )(?<!\bEl )(?<!\bLa )"
    r"\b[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+ [A-ZÁÉÍÓÚÑ][a-záéíóúñ]+\b"
    r"|\b(?:Sr|Sra|Srta|Dr|Dra|Ing|Q\.F|don|doña)\.?\s+[A-ZÁÉÍÓÚÑ]"
    # "¿A quién se la compraron?": a firm answers too ("la empresa Hidrosur").
    r"|\b(?:empresa|firma|consultora|contratista)\s+[A-ZÁÉÍÓÚÑ]"
)
# The opening words a FAQ question shares with the user's («qué pasa si»): a way of asking, not a topic.
_SAME_OPENING = 3
QUALIFIED_PENALTY = 4.0  # «los análisis microbiológicos» are one kind of the analyses asked about
ADJACENT_BONUS = 3.0  # the question's neighbouring words stand side by side: one thing, named as asked
STEPS_BONUS = 4.0  # as much as a FAQ question like the user's: a schedule's row says when, not how
CODE_BONUS = 1.5  # a colour code line ("Rojo: ...") says what a light means
OTHER_COLOUR_PENALTY = 3.0
STATE_PENALTY = 2.0


def passage_mark(need: Need, found: FoundPassage, have: Words, prefer: Sequence[str]) -> float:
    """How well a passage that answers does it, for choosing among them."""
    # Words in the passage's own text (a cell's: its labels and value) count more than its heading's.
    mark = score(need, have) + 0.5 * score(need, Words.of(own_text(found)))
    # A FAQ question like the user's answers first, unless it lacks a word few passages have (a name).
    lacks_rare = any(w in need.required and not holds(w, have) for w in need.rare)
    if heading_answers(need, found.location) and not lacks_rare:
        mark += HEADING_BONUS + (ASKS_ALIKE_BONUS if heading_asks_alike(need, found.location) else 0.0)
    elif asks_the_same_way(need, found.location) and not lacks_rare:
        mark += HEADING_BONUS + ASKS_ALIKE_BONUS
    elif (
        _SPECIFIC_ASKS & set(need.asks)
        and heading_asks_alike(need, found.location)
        and _heading_names(need, found.location)
    ):
        mark += ALIKE_BONUS  # "¿y dónde pago?": «¿Dónde ... se paga la cuota?»
    mark += PREFER_BONUS if found.document in prefer else 0.0
    mark += _section_bonus(need, found, prefer)
    mark += LABEL_BONUS if labels_what_is_asked(need, found) else 0.0
    mark += PERSON_BONUS if _asks_someone(need) and names_someone(need, own_text(found)) else 0.0
    mark -= QUALIFIED_PENALTY if found.fact is None and qualified_deed(need, found.text) else 0.0
    mark += ADJACENT_BONUS if holds_adjacent(need, own_text(found)) else 0.0
    coded = need.colour and not need.procedure and colour_code(found.text, need.colour)
    # "¿Cómo cambio las pilas?" is answered by the steps, not by the line of the maintenance schedule.
    # «¿Cómo se llama el técnico?» asks a name, not how to do something.
    steps = need.procedure and not need.colour and not _asks_someone(need) and found.fact is None
    steps = steps and has_steps(found.text)
    return mark + (CODE_BONUS if coded else 0.0) + (STEPS_BONUS if steps else 0.0)


def _section_bonus(need: Need, found: FoundPassage, prefer: Sequence[str]) -> float:
    """The bonus of the section the last answer quoted; of the row that named someone, when asked of them.

    A key/value row holds one value, which the last answer gave already, unless
    it is a person's: «¿y qué cargo tiene?» is answered where they were named.
    """
    where = fact_location(found.fact) if found.fact is not None else found.location
    if f"{found.document} · {where}" not in prefer:
        return 0.0
    if found.fact is None:
        # «ese grupo», «ahí» point back at what was just quoted.
        pointing = bool(ANAPHORA & {w for pair in need.pairs for w in pair})
        return SECTION_BONUS + (PASSAGE_BONUS if pointing and quoted_last(found, prefer) else 0.0)
    # The row must name the deed asked about itself: «¿y quién las analizó?» after the sampler is another.
    asked_of = asks_who(need) and names_the_deed(need, found)
    return PERSON_ROW_BONUS if asked_of else 0.0


def asks_the_same_way(need: Need, location: str) -> bool:
    """Whether a FAQ question opens with the user's own words («¿Qué pasa si ...?») and names one more.

    "q pasa si no pago la cuenta" is «¿Qué pasa si me atraso en el pago?»,
    not «¿Dónde se paga la cuenta?», which holds more of its words.
    """
    heading = location.rsplit("›", 1)[-1]
    words = re.findall(r"[a-z]+", fold(heading))
    opening = words[:_SAME_OPENING]
    if not heading.rstrip().endswith("?") or len(opening) < _SAME_OPENING or opening[0] not in INTERROGATIVES:
        return False
    if not all(frozenset(pair) in need.pairs for pair in itertools.pairwise(opening)):
        return False
    rest = Words.of(" ".join(words[_SAME_OPENING:]))
    return any(holds(w, rest) for w in need.required)


def _heading_names(need: Need, location: str) -> bool:
    """Whether a question heading holds a word the question needs."""
    heading = location.rsplit("›", 1)[-1]
    return heading.rstrip().endswith("?") and any(holds(w, Words.of(heading)) for w in need.required)


def _asks_someone(need: Need) -> bool:
    """«¿Quién ...?», or «¿cómo se llama el técnico?»: a name answers."""
    return "quien" in need.asks or ("como" in need.asks and bool({"llama", "llaman"} & set(need.optional)))


# A label that names a person by what they do: "Muestreador", "Analista", "Coordinadora".
_AGENT_ENDINGS = ("dor", "dora", "ista", "ente", "ario", "aria")


def names_someone(need: Need, text: str) -> bool:
    """Whether a sentence of ``text`` that holds a word of the question names a person.

    Minutes list their board at the top: "¿quién quedó de delegado?" is answered
    where the delegate is named, not by the agenda line beside the board's names.
    """
    lines = [line for _, line in sentences(text)]
    if len(lines) <= 1 or not need.required:
        return bool(_PERSON.search(text))
    return any(
        _PERSON.search(line) and any(holds(w, Words.of(line)) for w in need.required) for line in lines
    )


def labels_what_is_asked(need: Need, found: FoundPassage) -> bool:
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


def sentence_score(need: Need, sentence: str) -> float:
    """How well one sentence answers: a question, or a colour line of another colour or state, loses."""
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
