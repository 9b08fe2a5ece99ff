"""A question read into its parts: parameter, place, campaign, colour, subject and intent.

Each part remembers where the text says it (its span), so that a follow-up
can replace one part of an earlier question and keep the rest.
"""

from __future__ import annotations

import re

import attrs

from botk_adapters.local.dates import Campaign, find_campaign
from botk_adapters.local.fact_names import method_asked, weak_parameter
from botk_adapters.local.fact_upkeep import about_a_device
from botk_adapters.local.intents import Intent, asks_which, intent_of
from botk_adapters.local.limits import spelled_limit_words
from botk_adapters.local.ordinals import bare_ordinal, nth_point, numbered_things, spell_ordinals
from botk_adapters.local.question_places import introduced, place_and_subject
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.tokens import Span, Token, inside, tokens_of, words_of
from botk_adapters.local.vocabulary import CHAT_WORDS, colour_in, find_parameter
from botk_core.phrasing import expand_abbreviations
from botk_core.text import STOP_WORDS, fold

__all__ = [
    "Question",
    "Span",
    "Token",
    "asks_method",
    "normalise",
    "read_question",
    "without_fuzzy_parameter",
    "words_of",
]

_PUNCTUATION = re.compile(r"([¿?¡!;:]|,(?!\d))")
_SPACE_BEFORE = re.compile(r"\s+([?!,;:])")
_SPACE_AFTER = re.compile(r"([¿¡])\s+")
_EXPLAINS = re.compile(
    r"^\W*(?:y\s+)?(?:por que|porque|para que|con que|de que manera|que metodo|cual metodo|que significa"
    r"|que (?:hay que |se debe |debo |debemos )?hac(?:er|emos)\b|que hago\b|que (?:se )?recomienda"
    # What was done about it ("¿y qué se hizo por eso?"): the note under a table says it.
    r"|que (?:se )?(?:hizo|hicieron|ha hecho|han hecho)\b|que medidas\b"
    r"|como (?:se )?(?:mid|analiz|calcul|determin|hic|hace|tom|mues|sac|lleg|funcion))"
)
# "¿por qué tiene asterisco?", "¿y eso por qué?", "salió alto, ¿por qué?": asks the reason of what it names.
_WHY = re.compile(r"^\W*(?:y\s+)?(?:(?:eso|esto)\s+)?(?:por que|porque)\b|\b(?:por que|porque)\W*$")
_OTHER_PLACE = re.compile(
    r"\b(?:el|la|los|las)?\s*otr[oa]s?\s+(?P<kind>punto|lugar|sector|estanque|tanque|localidad|sitio|pozo"
    r"|vertiente|captacion|copa|escuela|posta|casa|sede|red|barrio|pueblo|lado)(?:s|es)?\b"
)
_BLANK = re.compile(r"\b(?:en|de) blanco\b")
# "el otro punto" names no kind of place; "el otro estanque" does.
_ANY_PLACE = frozenset({"punto", "lugar", "sitio", "localidad", "lado"})


@attrs.frozen
class Question:
    """What one user turn asks, as read from its (possibly completed) text."""

    text: str
    tokens: tuple[Token, ...] = ()
    parameter: str | None = None
    parameter_span: Span | None = None
    campaign: Campaign | None = None
    place: tuple[str, ...] = ()
    place_span: Span | None = None
    colour: str | None = None
    colour_span: Span | None = None
    subject: tuple[str, ...] = ()
    intent: Intent = "prose"
    other_place: bool = False
    # The kind of place "el otro ..." names ("estanque"), when it names one.
    other_kind: str = ""
    excluded: tuple[str, ...] = ()
    followup: bool = False
    # The words a follow-up turn brought itself: an answer must hold them.
    fresh: tuple[str, ...] = ()
    # The place was a bare word ("método", "verano"), not an "en X" phrase: maybe not a place.
    place_bare: bool = False
    # Of a bare place, the words an article introduces ("tenía la escuela"): a thing named, maybe a place.
    place_nouns: tuple[str, ...] = ()
    # Asks how or why ("¿cómo midieron el fluoruro?"): prose answers it, not a table cell.
    explains: bool = False
    # Asks why ("¿por qué tiene asterisco?"): of a value, the note under its table says it.
    why: bool = False
    # The parameter was read from a word one typo away ("mangneso"): the documents must confirm it.
    parameter_fuzzy: bool = False
    # A follow-up that asks anew about the earlier subject: the words that ask (kind of value, focus).
    ask: str = ""
    # The n-th sampling point ("el primer punto"), when the question counts rather than names it.
    point: int | None = None
    # Asks which places or campaigns ("¿qué puntos pasaron la norma?"): a list, «ninguno» when none.
    which: bool = False
    # The counted things it numbers ("el tramo 2", from "el 2do tramo"): a slot, like place and campaign.
    numbered: tuple[tuple[str, int], ...] = ()
    # A turn that is only an ordinal ("¿y el segundo?"): its number and gender («m», «f» or «»).
    ordinal: tuple[int, str] | None = None
    # Of a follow-up read with the thread, what it is about («el informe») and how that phrase joins
    # another ask («np», «tail», «doing», «where»): the next turn keeps it as it is.
    about: tuple[str, ...] = ()
    about_lead: str = ""

    @property
    def tabular(self) -> bool:
        """Whether it reads like a question about a lab table (names a parameter)."""
        return self.parameter is not None

    @property
    def asking(self) -> str:
        """The text whose question words say what is asked (a follow-up's own, when it asks anew)."""
        return self.ask or self.text

    def content_words(self) -> list[str]:
        """Every meaningful word, for matching passages (a light's colour is matched on its own)."""
        colour = [self.colour_span] if self.colour_span else []
        return [
            t.word
            for t in self.tokens
            if t.word not in STOP_WORDS
            and t.word not in CHAT_WORDS
            and len(t.word) > 1
            and not inside(t, colour)
        ]


def normalise(text: str) -> str:
    """Folded text with chat abbreviations spelled out ("q" -> "que"), punctuation kept."""
    joined = _SPACE_BEFORE.sub(r"\1", spelled_limit_words(spell_ordinals(_expanded(text))))
    return _SPACE_AFTER.sub(r"\1", joined).strip()


def _expanded(text: str) -> str:
    """Folded, punctuation apart, abbreviations spelled out; ordinals still as the user wrote them."""
    return expand_abbreviations(_PUNCTUATION.sub(r" \1 ", fold(text)))


def read_question(text: str, fuzzy: bool = True) -> Question:
    """Read ``text`` (a user's words) into a Question; ``fuzzy`` lets a typo name a parameter."""
    folded = normalise(text)
    tokens = tokens_of(folded)
    parameter, parameter_span, parameter_fuzzy = find_parameter(folded, fuzzy)
    if parameter_span and about_a_device(folded, parameter_span):
        parameter, parameter_span = None, None  # "cada cuánto hay que calibrar el medidor de cloro"
    colour = colour_in(folded)
    if parameter == "color" and (LIGHT_WORDS & set(words_of(folded)) or colour):
        # "los colores de la luz", "¿y el otro color, el verde?" are a light's, not the water's
        parameter, parameter_span = None, None
    campaign = find_campaign(folded)
    if parameter is None:
        parameter, parameter_span = weak_parameter(folded, campaign is not None)
    if colour and colour[0] == "blanco" and _BLANK.search(folded) and not LIGHT_WORDS & set(words_of(folded)):
        colour = None  # "el dato llega en blanco" is empty, not a white light
    colour_span = colour[1] if colour else None
    point = nth_point(folded) if parameter else None
    spans = (parameter_span, campaign.span if campaign else None, colour_span, point[1] if point else None)
    taken = [s for s in spans if s]
    other = _OTHER_PLACE.search(folded)
    intent = intent_of(folded, parameter is not None)
    tabular = parameter is not None and intent != "limit"
    place, place_span, subject, bare = place_and_subject(tokens, taken, other, tabular)
    nouns = introduced(tokens, place) if bare else ()
    return Question(
        text=folded,
        tokens=tokens,
        parameter=parameter,
        parameter_span=parameter_span,
        campaign=campaign,
        place=place,
        place_span=place_span,
        colour=colour[0] if colour else None,
        colour_span=colour_span,
        subject=subject,
        intent=intent,
        other_place=other is not None,
        other_kind=other["kind"] if other and other["kind"] not in _ANY_PLACE else "",
        place_bare=bare,
        place_nouns=nouns,
        explains=bool(_EXPLAINS.search(folded) or _WHY.search(folded)),
        why=bool(_WHY.search(folded)),
        parameter_fuzzy=parameter_fuzzy,
        point=point[0] if point else None,
        which=asks_which(folded),
        numbered=numbered_things(folded),
        ordinal=bare_ordinal(_expanded(text)),
    )


def asks_method(question: Question) -> bool:
    """Whether the question asks how a value was measured ("¿con qué método ...?"), not what a value means."""
    return method_asked(question.text)


def without_fuzzy_parameter(question: Question) -> Question:
    """``question`` read again with no parameter guessed from a typo, its thread context kept."""
    again = read_question(question.text, fuzzy=False)
    return attrs.evolve(
        again,
        followup=question.followup,
        fresh=question.fresh,
        excluded=question.excluded,
        campaign=question.campaign if again.campaign else None,
    )
