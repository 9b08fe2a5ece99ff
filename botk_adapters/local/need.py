"""What a passage must hold to answer a question: its words, the thing asked, a colour, a number.

A passage answers when it holds most of the question's words (by stem,
synonym or one typo) and every word the question hinges on: the thing asked
after "cuántos", "qué", "cuál" or "cómo se llama"; the colour of a light; the
words a follow-up just added; and, for a question about a lab table answered
from prose, its parameter, place and date. A "cuánto" question needs a number.
"""

from __future__ import annotations

import itertools
import math
import re

import attrs

from botk_adapters.local.asking import (
    ASKING,
    QUANTITY,
    asked_as_noun,
    campaign_words,
    component_words,
    condition_words,
    focus_of,
)
from botk_adapters.local.kinds import FREQUENCY, Kind, holds_kind, kind_of, strongly_holds
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.ordinals import names_number, numbered_things
from botk_adapters.local.question import Question, words_of
from botk_adapters.local.related import ASKS_FOR, LIGHT_WORDS, NUMBER_WORDS
from botk_adapters.local.values import counts, named_as_thing, other_complement, valued
from botk_adapters.local.vocabulary import NOUNS_TOO, WEAK_WORDS, has_colour
from botk_core.lights import is_state_word, light_state
from botk_core.text import fold

_DIGIT = re.compile(r"\d")
_ACTS = re.compile(r"\b(?:hago|hacemos|hacer|arreglo|arreglar|soluciono|solucionar|reviso|debo|reparo)\b")
_PROCEDURE = re.compile(r"\b(?:como|pasos?|procedimiento|instrucciones|que hay que|que tengo que)\b")
_DECIMAL = re.compile(r"\d+[.,]\d+")
_DETERMINERS = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "su", "sus"})
# "¿Cuántos años de garantía ...?": the word after "de" names the thing as much as the one before.
_NOUN_MARKERS = _DETERMINERS | {"de"}
_COUNTING = frozenset({"cuantos", "cuantas"})
_IGNORED = frozenset({"hola", "gracias", "porfa", "favor"})
_NUMERIC_INTENTS = ("value", "limit", "over", "within")
ENOUGH = 0.6
KIND_BONUS = 2.5
COUNT_BONUS = 2.0
SETTING_BONUS = 1.5  # "¿cuál es el PIN?": the line that gives the PIN's value, not the one that names it
NUMBERED_BONUS = 3.0  # "el segundo tramo": the line of "Tramo 2", not its neighbours
# "¿Qué empresa ...?" asks for a name: the document need not say "empresa".
_CATEGORIES = frozenset(
    {"empresa", "institucion", "persona", "organismo", "entidad", "organizacion", "nombre", "gente"}
)


@attrs.frozen
class Need:
    """What an answer must hold; ``hinges`` are words it cannot do without."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    hinges: tuple[str, ...] = ()
    # Required words that few of the search's passages hold: they say what the question is about.
    rare: frozenset[str] = frozenset()
    # Things the question names ("el camión") that no passage of the search mentions.
    unknown: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # A light's component ("la cajita del sensor"): the answer names one of its words.
    any_of: tuple[str, ...] = ()
    colour: str | None = None
    # How the light shines, when the question says it («parpadea», «fija»).
    state: str | None = None
    quantity: bool = False
    asks_for: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    # Asks what to do ("¿qué hago?"): steps answer it better than a colour code.
    acts: bool = False
    # Asks for a whole procedure ("¿cómo se cambia ...?", "los pasos"), not for one of its settings.
    procedure: bool = False
    # The kind of value asked ("¿a qué hora ...?" -> a time): the answer holds one.
    kind: Kind | None = None
    # The words of its "en ..." phrase ("en invierno"): they qualify what is asked.
    qualifiers: tuple[str, ...] = ()
    # The thing a «cuántos» question counts ("¿cuántos puntos ...?"): "doce puntos" answers it.
    counted: str | None = None
    # "¿Cuántos ...?" counts things: only a text that says how many of them answers.
    counts: bool = False
    # "¿Cuál es el PIN?", "¿qué puerto?": the thing asked after «cuál»/«qué» (a hinge) has a value.
    which: bool = False
    # The thing asked reads as a noun in the question ("¿qué marca es ...?"), so it must be one in the answer.
    noun_focus: bool = False
    # Neighbouring words of the question ("próximo muestreo"): one thing, never half held.
    pairs: frozenset[frozenset[str]] = frozenset()
    # "el número de cuenta": a thing named by its complement; «número de arranque» is another one.
    compounds: tuple[tuple[str, str], ...] = ()
    # Things the question numbers ("el tramo 2", from "el segundo tramo"): the answer numbers them alike.
    numbered: tuple[tuple[str, int], ...] = ()


def need_of(question: Question) -> Need:
    content = [w for w in question.content_words() if w not in _IGNORED]
    content += _DECIMAL.findall(question.text)  # "1,5 m" is one figure, not "1" and "5"
    tokens = [t.word for t in question.tokens]
    nouns = frozenset(t for before, t in itertools.pairwise(tokens) if before in _NOUN_MARKERS)
    hinges = [*question.fresh]
    kind = None if question.tabular else kind_of(question.asking)
    focus = None if kind is FREQUENCY else focus_of(words_of(question.asking))
    if kind and focus in kind.words:
        focus = None  # "¿a qué hora ...?": the time answers, the word "hora" need not be there
    if focus and focus not in _CATEGORIES and not (question.colour and is_state_word(focus)):
        hinges.append(focus)
    if question.tabular:
        hinges.append(question.parameter or "")
        if not (question.place_bare or question.explains):
            hinges += [*question.place, *campaign_words(question)]
    component = component_words(question) if question.colour and not question.tabular else ()
    numeric = question.tabular and question.intent in _NUMERIC_INTENTS and not question.explains
    quantity = (bool(QUANTITY & set(tokens)) or numeric) and kind is None
    state = light_state(question.text) if question.colour else None
    if question.colour:
        # The colour line is the light; its state is judged on the line's label, not as a word.
        content = [w for w in content if w not in LIGHT_WORDS and not is_state_word(w)]
    condition = (*condition_words(tokens, content), *_stale_ask(question))
    # "una llama" is an animal, "cómo se llama" asks a name: a weak word after an article is a noun.
    named = {t for before, t in itertools.pairwise(tokens) if before in _DETERMINERS and t in NOUNS_TOO}
    weak = {w for w in content if (w in WEAK_WORDS and w not in named) or w in condition}
    return Need(
        required=tuple(dict.fromkeys(w for w in content if w not in weak)),
        optional=tuple(dict.fromkeys(w for w in content if w in weak)),
        hinges=tuple(dict.fromkeys(h for h in hinges if h)),
        colour=question.colour,
        state=state,
        quantity=quantity,
        asks_for=tuple(word for t in tokens for word in ASKS_FOR.get(t, ())),
        nouns=nouns,
        any_of=component,
        asks=tuple(t for t in tokens if t in ASKING),
        acts=bool(_ACTS.search(question.text)),
        procedure=bool(_ACTS.search(question.text) or _PROCEDURE.search(question.text)),
        kind=kind,
        qualifiers=(*question.place, *condition) if not question.tabular else (),
        counted=focus if focus and QUANTITY & set(tokens) else None,
        counts=bool(_COUNTING & set(tokens)),
        which=focus is not None and not QUANTITY & set(tokens),
        noun_focus=asked_as_noun(focus, tokens),
        pairs=frozenset(frozenset(pair) for pair in itertools.pairwise(tokens)),
        compounds=tuple(
            (a, c)
            for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
            if a in nouns and b in ("de", "del") and a in content and c in content
        ),
        numbered=() if question.tabular else numbered_things(question.text),
    )


def _stale_ask(question: Question) -> tuple[str, ...]:
    """Of a follow-up that asks anew, the words of the earlier ask: they no longer say what is asked."""
    before = kind_of(question.text) if question.ask else None
    if before is None or before is kind_of(question.ask):
        return ()
    return tuple(before.words - set(words_of(question.ask)))


def heading_asks_alike(need: Need, location: str) -> bool:
    """Whether a passage's question heading asks with the user's question word ("¿Por qué ...?")."""
    last = fold(location.rsplit("›", 1)[-1])
    have = set(re.findall(r"[a-z]+", last.replace("por que", "porque")))
    return bool(need.asks) and any(w in have for w in need.asks)


def heading_answers(need: Need, location: str) -> bool:
    """Whether a passage's heading is a question that is the user's question (a FAQ entry)."""
    last = location.rsplit("›", 1)[-1].strip()
    if not last.endswith("?") or not need.required:
        return False
    have = Words.of(last)
    return sum(1 for w in need.required if holds(w, have)) >= ENOUGH * len(need.required)


def satisfied(need: Need, have: Words, context: Words | None = None, row: bool = False) -> bool:
    """Whether ``have`` answers: enough of the words, every hinge, the colour, a number.

    Of two words both must be there, unless the one there is rare among the
    results ("lechuga") and the other is not what the question hinges on.
    Of two words, the one that is not a hinge may be held by the passage's
    document (``context``) when the passage holds the other itself; a
    key/value ``row`` takes from its document every word its label lacks.
    """
    required = list(need.required)
    count = len(required)
    own = [w for w in required if holds(w, have)]
    valued = need.kind is not None and holds_kind(need.kind, have.text)
    # The word that asks for the value ("hora", "fono") is answered by the value itself.
    held = own + [w for w in required if w not in own and valued and need.kind and w in need.kind.words]
    # A key/value row that gives the kind of value asked ("Teléfono: +56 ...") leans on its document too.
    # "¿cuántos socios tiene el comité?": a count is of the thing the passage itself names, never lent.
    lends = row or (count == 2 and len(own) == 1 and not need.counts)
    if context is not None and (own or (row and valued and count == 1)) and lends:
        held += [w for w in required if w not in held and w not in need.hinges and holds(w, context)]
    weight = count + len(need.unknown & need.nouns)  # a thing no document names counts twice
    enough = len(held) == count if count <= 2 else len(held) >= math.ceil(ENOUGH * weight)
    if count == 2 and len(held) == 1 and held[0] in need.rare:
        missing = [w for w in required if w not in held]
        enough = not any(w in need.hinges or frozenset((w, held[0])) in need.pairs for w in missing)
    if not count:
        return need.colour is not None and holds_hinges(need, have)  # "¿y la luz roja?": the colour is enough
    return enough and holds_hinges(need, have, counted=not row)


def with_rarity(need: Need, haves: list[Words]) -> Need:
    """``need`` knowing which of its words are rare among the passages ``haves`` of one search."""
    limit = max(1, len(haves) // 4)
    counts = {w: sum(1 for h in haves if holds(w, h)) for w in need.required}
    rare = frozenset(w for w, n in counts.items() if 0 < n <= limit)
    unknown = frozenset(w for w, n in counts.items() if n == 0)
    return attrs.evolve(need, rare=rare, unknown=unknown)


def holds_hinges(need: Need, have: Words, context: Words | None = None, counted: bool = True) -> bool:
    """Whether ``have`` (the quoted excerpt) holds every hinge, the colour and, when asked, a number.

    The thing a light belongs to may be named by the document around it
    (``context``): "la luz de la estación" is any light of the station's manual.
    """
    # The words a question hinges on match exactly (or by synonym): "marca" is not "marcha".
    # The word that asks for a kind of value ("¿y cuánto se demora?") is held by such a value.
    valued_kind = need.kind is not None and holds_kind(need.kind, have.text)
    kind_words = need.kind.words if need.kind is not None and valued_kind else frozenset()
    if not all(h in kind_words or holds(h, have, typos=False) for h in need.hinges):
        return False
    if need.noun_focus and not all(named_as_thing(h, have.text) for h in need.hinges):
        return False
    around = [have, context] if context is not None else [have]
    if need.any_of and not any(holds(w, words) for w in need.any_of for words in around):
        return False
    if need.colour and not has_colour(have.text, need.colour):
        return False
    if need.kind and not holds_kind(need.kind, have.text):
        return False
    if any(other_complement(head, of, have.text) for head, of in need.compounds):
        return False
    if not all(names_number(noun, number, have.text) for noun, number in need.numbered):
        return False
    if counted and need.counted and need.kind is None and need.counts and not counts(need.counted, have.text):
        return False  # "¿cuántos socios ...?": "120 socios" answers, not any figure (a table row counts)
    return not need.quantity or bool(_DIGIT.search(have.text) or have.words & NUMBER_WORDS)


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
    if any(valued(thing, have.text) for thing in _valued_things(need)):
        total += SETTING_BONUS
    total += sum(NUMBERED_BONUS for noun, n in need.numbered if names_number(noun, n, have.text))
    return total


def _valued_things(need: Need) -> tuple[str, ...]:
    """The things whose value is asked: «¿cuál es el PIN?», «¿qué puerto?», a bare «¿y la contraseña?»."""
    if need.kind is not None or need.quantity:
        return ()
    if need.which:
        return need.hinges
    bare = len(need.required) == 1 and need.required[0] in need.nouns and not need.optional
    return need.required if bare else ()
