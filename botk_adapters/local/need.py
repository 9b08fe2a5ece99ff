"""What a passage must hold to answer a question: its words, the thing asked, a colour, a number.

A question's Need: the words an answer should hold (required, or optional
when they only ask) and the ones it hinges on: the thing asked after
"cuántos", "qué", "cuál" or "cómo se llama"; the colour of a light; the words
a follow-up just added; and, for a question about a lab table answered from
prose, its parameter, place and date. A "cuánto" question needs a number.
Whether a passage meets it is ``need_checks``; how well, ``need_score``.
"""

from __future__ import annotations

import itertools
import re

import attrs

from botk_adapters.local.asking import (
    ASKING,
    QUANTITY,
    asked_as_noun,
    campaign_words,
    complements,
    component_words,
    condition_words,
    focus_of,
)
from botk_adapters.local.kinds import FREQUENCY, Kind, kind_of
from botk_adapters.local.matching import Words
from botk_adapters.local.need_subject import needs_a_date, proper_names, valued_thing
from botk_adapters.local.need_told import spans_told, stale_ask
from botk_adapters.local.ordinals import lettered_things, numbered_things
from botk_adapters.local.question import Question, words_of
from botk_adapters.local.related import ASKS_FOR, LIGHT_WORDS
from botk_adapters.local.synonym_phrases import joined_phrases
from botk_adapters.local.vocabulary import NOUNS_TOO, WEAK_WORDS, is_weak
from botk_core.lights import is_state_word, light_state
from botk_core.text import fold

_ACTS = re.compile(r"\b(?:hago|hacemos|hacer|arreglo|arreglar|soluciono|solucionar|reviso|debo|reparo)\b")
_PROCEDURE = re.compile(r"\b(?:como|pasos?|procedimiento|instrucciones|que hay que|que tengo que)\b")
_PROCEDURE_WORDS = frozenset({"pasos", "paso", "procedimiento", "instrucciones", "seguir", "sigo"})
_DECIMAL = re.compile(r"\d+[.,]\d+")
_DETERMINERS = frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "su", "sus"})
# "¿Cuántos años de garantía ...?": the word after "de" names the thing as much as the one before.
_NOUN_MARKERS = _DETERMINERS | {"de"}
_COUNTING = frozenset({"cuantos", "cuantas"})
# Greetings and chat fillers ("aca", "nomas", "po") say nothing of what is asked.
_IGNORED_TEXT = "hola gracias porfa favor aca alla aqui nomas po igual entonces todavia"
_IGNORED = frozenset(_IGNORED_TEXT.split())
_NUMERIC_INTENTS = ("value", "limit", "over", "within")
# "¿Qué empresa ...?" asks for a name: the document need not say "empresa".
_CATEGORIES = frozenset(
    {
        "empresa",
        "institucion",
        "persona",
        "organismo",
        "entidad",
        "organizacion",
        "nombre",
        "gente",
        "cargo",
        "puesto",
    }
)


@attrs.frozen
class Need:
    """What an answer must hold; ``hinges`` are words it cannot do without."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    hinges: tuple[str, ...] = ()
    # Required words that few of the search's passages hold: they say what the question is about.
    rare: frozenset[str] = frozenset()
    # Required words that most of the search's passages hold ("agua" in a water committee's files).
    common: frozenset[str] = frozenset()
    # Things the question names ("el camión") that no passage of the search mentions.
    unknown: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    # A light's component ("la cajita del sensor"): the answer names one of its words.
    any_of: tuple[str, ...] = ()
    colour: str | None = None
    # The colour is a light's ("la cajita tiene luz blanca"): a white connector does not answer it.
    light: bool = False
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
    # "la batería del gateway": the gateway's battery, of whatever kind where the gateway is named.
    possessed: tuple[tuple[str, str], ...] = ()
    # The same, also through an article ("la clave del wifi de la sede"): whose the asked thing is.
    owned: tuple[tuple[str, str], ...] = ()
    # Things the question numbers ("el tramo 2", from "el segundo tramo"): the answer numbers them alike.
    numbered: tuple[tuple[str, int], ...] = ()
    # Things the question names by a letter ("el grupo b"): the answer names them alike ("Grupo B: ...").
    lettered: tuple[str, ...] = ()
    # The thing a price or a date is asked of («¿cuánto cuesta la batería?», «¿cuándo fue la asamblea?»).
    asked_of: str | None = None
    # Names the question gives its places ("el sector la isla"): never named in the documents, no answer.
    names: tuple[str, ...] = ()
    # A table question asking «el último muestreo»: a prose answer must give a date.
    dated: bool = False
    # A follow-up read inside the section the last answer quoted: the section says what the turn leaves out.
    section: Words | None = None


def asks_who(need: Need) -> bool:
    """Whether the question asks who («¿quién ...?», «¿quiénes ...?»)."""
    return "quien" in need.asks or "quienes" in need.asks


def need_of(question: Question) -> Need:
    # "¿Qué pasos hay que seguir para ...?": the numbered steps are the answer, not the word "pasos".
    procedure = bool(_ACTS.search(question.text) or _PROCEDURE.search(question.text))
    ignored = _IGNORED | (_PROCEDURE_WORDS if procedure else frozenset())
    plain = [w for w in question.content_words() if w not in ignored]
    content = [*joined_phrases(plain), *_DECIMAL.findall(question.text)]  # "1,5 m" is one figure
    tokens = [t.word for t in question.tokens]
    text = " ".join(tokens)
    nouns = frozenset(t for before, t in itertools.pairwise(tokens) if before in _NOUN_MARKERS)
    hinges = [*question.fresh]
    kind = None if question.tabular else kind_of(question.asking)
    focus = None if kind is FREQUENCY else focus_of(words_of(question.asking))
    if kind and focus in kind.words:
        focus = None  # "¿a qué hora ...?": the time answers, the word "hora" need not be there
    if (
        focus
        and focus not in _CATEGORIES
        and focus not in ignored
        and not is_weak(focus)
        and not (question.colour and is_state_word(focus))
    ):
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
    condition = (*condition_words(tokens, content), *stale_ask(question), *spans_told(question.text, kind))
    # "una llama" is an animal, "cómo se llama" asks a name: a weak word after an article is a noun.
    named = {t for before, t in itertools.pairwise(tokens) if before in _DETERMINERS and t in NOUNS_TOO}
    # "un sensor de nivel": a weak word that completes a noun names which one it is.
    named |= {
        t
        for head, joiner, t in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if joiner == "de" and head in plain and head not in WEAK_WORDS and t in WEAK_WORDS
    }
    weak = {w for w in content if (is_weak(w) and w not in named) or w in condition}
    return Need(
        required=tuple(dict.fromkeys(w for w in content if w not in weak)),
        optional=tuple(dict.fromkeys(w for w in content if w in weak)),
        hinges=tuple(dict.fromkeys(h for h in hinges if h)),
        colour=question.colour,
        light=bool(question.colour and LIGHT_WORDS & set(tokens)),
        state=state,
        quantity=quantity,
        asks_for=tuple(word for t in tokens for word in ASKS_FOR.get(t, ())),
        nouns=nouns,
        any_of=component,
        asks=tuple(t for t in tokens if t in ASKING),
        acts=bool(_ACTS.search(question.text)),
        procedure=procedure,
        kind=kind,
        qualifiers=(*question.place, *condition) if not question.tabular else (),
        counted=focus if focus and QUANTITY & set(tokens) else None,
        counts=bool(_COUNTING & set(tokens)),
        which=focus is not None and not QUANTITY & set(tokens),
        noun_focus=asked_as_noun(focus, tokens),
        pairs=frozenset(frozenset(pair) for pair in itertools.pairwise(tokens)),
        compounds=tuple(c for c in complements(tokens, nouns, plain) if f"{c[0]} del {c[1]}" not in text),
        possessed=tuple(c for c in complements(tokens, nouns, plain) if f"{c[0]} del {c[1]}" in text),
        owned=complements(tokens, nouns, plain, articles=True),
        numbered=() if question.tabular else numbered_things(question.text),
        lettered=() if question.tabular else lettered_things(fold(question.text)),
        asked_of=valued_thing(text, kind, content),
        names=() if question.tabular else proper_names(tokens),
        dated=needs_a_date(question),
    )
