"""How well a text answers a question's Need, for ranking passages and their sentences.

Every word counts (the required ones twice), and a text gains for holding
what the question asks for: its colour, a number, a count of the thing
counted, the kind of value asked, a setting's value, the thing it numbers.
"""

from __future__ import annotations

import itertools
import re

from botk_adapters.local.kinds import holds_kind, strongly_holds
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need, asks_who
from botk_adapters.local.ordinals import names_number
from botk_adapters.local.values import counts, valued
from botk_adapters.local.vocabulary import has_colour
from botk_core.text import stem

_DIGIT = re.compile(r"\d")
KIND_BONUS = 2.5
COUNT_BONUS = 2.0
SETTING_BONUS = 1.5  # "¿cuál es el PIN?": the line that gives the PIN's value, not the one that names it
NUMBERED_BONUS = 3.0  # "el segundo tramo": the line of "Tramo 2", not its neighbours
PAIR_BONUS = 1.0
# «¿Quién ...?», «¿a quién ...?»: a text that names a person («la tesorera, Sra. Marta Choque», «don
# Efraín», «Responsable del análisis: ...») answers better than one that only names the thing.
WHO_BONUS = 2.0
_PERSON = re.compile(r"\b(?:don|dona|sra|sr|srta|senora|senor|responsables?|encargad[oa]s?)\b")
_LABEL = re.compile(r"(?=\b[a-z]+:)")
_CODE = re.compile(r"[\w@/-]*[.@/\d-][\w.@/-]*")


def score(need: Need, have: Words) -> float:
    """How well ``have`` answers, for ranking passages and sentences."""
    total = sum(2.0 for w in need.required if holds(w, have))
    total += sum(1.0 for w in need.optional if holds(w, have))
    total += sum(1.5 for w in need.hinges if holds(w, have))
    total += 1.0 if any(w in have.words for w in need.asks_for) else 0.0
    total += 0.5 * sum(1 for w in need.asks if w in have.words or (w == "porque" and "por que" in have.text))
    if need.colour and has_colour(have.text, need.colour):
        total += 3.0
    if need.quantity and _DIGIT.search(have.text):
        total += 1.0
    if need.counted and counts(need.counted, have.text):
        total += COUNT_BONUS
    if need.kind and holds_kind(need.kind, have.text):
        total += KIND_BONUS + (1.0 if strongly_holds(need.kind, have.text) else 0.0)
    # A value belongs to the label just before it: in «Antecedentes del proyecto Teléfono: +56 ...» the
    # phone is not the project's.
    segments = _LABEL.split(have.text)
    things = _valued_things(need)
    if any(valued(thing, part) or _labels(thing, part) for thing in things for part in segments):
        total += SETTING_BONUS
    total += sum(NUMBERED_BONUS for noun, n in need.numbered if names_number(noun, n, have.text))
    if asks_who(need) and _PERSON.search(have.text):
        total += WHO_BONUS
    return total + PAIR_BONUS * _pairs_side_by_side(need, have.text)


def _labels(thing: str, segment: str) -> bool:
    """Whether ``segment`` is the thing's own «label: value» («Servidor: datos.apr.cl»)."""
    label, colon, value = segment.partition(":")
    words, values = label.split(), value.split()
    # A setting's value reads as a code («datos.apr.cl», «AB-12»), not as a description («dosifica ...»).
    coded = bool(values) and bool(_CODE.fullmatch(values[0].rstrip(".,;")))
    return bool(colon and words) and coded and stem(words[-1]) == stem(thing)


def _pairs_side_by_side(need: Need, folded: str) -> int:
    """How many of the question's neighbouring words the text has side by side too: «cargo fijo»,
    not «a cargo de» here and «fija» there."""
    wanted = {frozenset(stem(w) for w in p) for p in need.pairs if len(p) == 2 and p <= set(need.required)}
    if not wanted:
        return 0
    stems = [stem(w) for w in re.findall(r"[a-z0-9]+", folded)]
    return len(wanted & {frozenset(pair) for pair in itertools.pairwise(stems)})


def _valued_things(need: Need) -> tuple[str, ...]:
    """The things whose value is asked: «¿cuál es el PIN?», «¿qué puerto?», a bare «¿y la contraseña?»."""
    if need.kind is not None or need.quantity:
        return ()
    if need.which:
        return need.hinges
    bare = len(need.required) == 1 and need.required[0] in need.nouns and not need.optional
    return need.required if bare else ()
