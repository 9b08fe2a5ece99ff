"""A question read into its parts: parameter, place, campaign, colour, subject and intent.

Each part remembers where the text says it (its span), so that a follow-up
can replace one part of an earlier question and keep the rest.
"""

from __future__ import annotations

import itertools
import re

import attrs

from botk_adapters.local.dates import Campaign, find_campaign
from botk_adapters.local.intents import MARKER_WORDS, Intent, intent_of
from botk_adapters.local.ordinals import nth_point, spell_ordinals
from botk_adapters.local.related import LIGHT_WORDS
from botk_adapters.local.vocabulary import WEAK_WORDS, colour_in, find_parameter
from botk_core.phrasing import expand_abbreviations
from botk_core.text import QUESTION_WORDS, STOP_WORDS, fold

Span = tuple[int, int]
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PUNCTUATION = re.compile(r"([¿?¡!;:]|,(?!\d))")
_SPACE_BEFORE = re.compile(r"\s+([?!,;:])")
_SPACE_AFTER = re.compile(r"([¿¡])\s+")
_PLACE_OPENERS = ("en", "de", "del")
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una"})
_JOINERS = frozenset({"de", "del"})
# Words that also ask ("alto", "bajo") but after a place's first word are part of its name ("Estanque Alto").
_NAME_PARTS = frozenset({"alto", "alta", "bajo", "baja", "arriba", "abajo", "elevado", "elevada"})
_EXPLAINS = re.compile(
    r"^\W*(?:y\s+)?(?:por que|porque|para que|con que|de que manera|que metodo|cual metodo|que significa"
    r"|que (?:hay que |se debe |debo |debemos )?hac(?:er|emos)\b|que hago\b|que (?:se )?recomienda"
    r"|como (?:se )?(?:mid|analiz|calcul|determin|hic|hace|tom|mues|sac|lleg|funcion))"
)
_OTHER_PLACE = re.compile(
    r"\b(?:el|la|los|las)?\s*otr[oa]s?\s+(?P<kind>punto|lugar|sector|estanque|tanque|localidad|sitio|pozo"
    r"|vertiente|captacion|copa|escuela|posta|casa|sede|red|barrio|pueblo|lado)(?:s|es)?\b"
)
_BLANK = re.compile(r"\b(?:en|de) blanco\b")
# "el otro punto" names no kind of place; "el otro estanque" does.
_ANY_PLACE = frozenset({"punto", "lugar", "sitio", "localidad", "lado"})
# "ahí mismo", "allá": the place of the turn before, never a place's name.
_DEICTIC = frozenset({"ahi", "alli", "aca", "alla", "aqui", "mismo", "misma", "mismos", "mismas"})


@attrs.frozen
class Token:
    word: str
    start: int
    end: int


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
    # The parameter was read from a word one typo away ("mangneso"): the documents must confirm it.
    parameter_fuzzy: bool = False
    # A follow-up that asks anew about the earlier subject: the words that ask (kind of value, focus).
    ask: str = ""
    # The n-th sampling point ("el primer punto"), when the question counts rather than names it.
    point: int | None = None

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
            if t.word not in STOP_WORDS and len(t.word) > 1 and not _inside(t, colour)
        ]


def words_of(folded: str) -> list[str]:
    """The words of a folded text, as a question's tokens are read."""
    return _TOKEN.findall(folded)


def normalise(text: str) -> str:
    """Folded text with chat abbreviations spelled out ("q" -> "que"), punctuation kept."""
    spaced = _PUNCTUATION.sub(r" \1 ", fold(text))
    joined = _SPACE_BEFORE.sub(r"\1", spell_ordinals(expand_abbreviations(spaced)))
    return _SPACE_AFTER.sub(r"\1", joined).strip()


def read_question(text: str, fuzzy: bool = True) -> Question:
    """Read ``text`` (a user's words) into a Question; ``fuzzy`` lets a typo name a parameter."""
    folded = normalise(text)
    tokens = tuple(Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(folded))
    parameter, parameter_span, parameter_fuzzy = find_parameter(folded, fuzzy)
    if parameter == "color" and LIGHT_WORDS & {m.group(0) for m in _TOKEN.finditer(folded)}:
        parameter, parameter_span = None, None  # "los colores de la luz" are a light's, not the water's
    campaign = find_campaign(folded)
    colour = colour_in(folded)
    if colour and colour[0] == "blanco" and _BLANK.search(folded) and not LIGHT_WORDS & set(words_of(folded)):
        colour = None  # "el dato llega en blanco" is empty, not a white light
    colour_span = colour[1] if colour else None
    point = nth_point(folded) if parameter else None
    spans = (parameter_span, campaign.span if campaign else None, colour_span, point[1] if point else None)
    taken = [s for s in spans if s]
    other = _OTHER_PLACE.search(folded)
    intent = intent_of(folded, parameter is not None)
    tabular = parameter is not None and intent != "limit"
    place, place_span, subject, bare = _place_and_subject(tokens, taken, other, tabular)
    nouns = _introduced(tokens, place) if bare else ()
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
        explains=bool(_EXPLAINS.search(folded)),
        parameter_fuzzy=parameter_fuzzy,
        point=point[0] if point else None,
    )


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


def _place_and_subject(
    tokens: tuple[Token, ...], taken: list[Span], other: re.Match[str] | None, tabular: bool
) -> tuple[tuple[str, ...], Span | None, tuple[str, ...], bool]:
    """The place (its words and span), the remaining subject words, and whether the place was bare.

    In a table question without "en X", the free words name the place
    ("cómo salió miraflores en el plomo").
    """
    place, place_span = ((), other.span()) if other else _place(tokens, taken)
    spans = [*taken, place_span] if place_span else taken
    used = {i for i, t in enumerate(tokens) if _inside(t, spans)}
    subject = tuple(t.word for i, t in enumerate(tokens) if i not in used and _free(t))
    if tabular and not place and subject:
        place, place_span = _bare_place(tokens, used)
        return place, place_span, (), True
    return place, place_span, subject, False


def _free(token: Token) -> bool:
    """A word that can name a place or a subject."""
    word = token.word
    asking = word in STOP_WORDS or word in WEAK_WORDS or word in QUESTION_WORDS or word in MARKER_WORDS
    pointing = word in _ARTICLES or word in _DEICTIC
    return not (asking or pointing or len(word) < 2) or any(c.isdigit() for c in word)


def _inside(token: Token, spans: list[Span]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _place(tokens: tuple[Token, ...], taken: list[Span]) -> tuple[tuple[str, ...], Span | None]:
    """The first "en/de X" phrase whose words are free (not a date, parameter or colour)."""
    best: tuple[tuple[str, ...], Span | None] = ((), None)
    for index, token in enumerate(tokens):
        if token.word not in _PLACE_OPENERS:
            continue
        words, end = _phrase(tokens, index + 1, taken)
        if words and (token.word == "en" or not best[0]):
            best = (tuple(words), (token.start, end))
            if token.word == "en":
                return best
    return best


def _phrase(tokens: tuple[Token, ...], index: int, taken: list[Span]) -> tuple[list[str], int]:
    while index < len(tokens) and tokens[index].word in _ARTICLES:
        index += 1
    words: list[str] = []
    end = 0
    while index < len(tokens):
        token = tokens[index]
        if token.word in _JOINERS and words and index + 1 < len(tokens):
            index += 1
            continue
        named = bool(words) and token.word in _NAME_PARTS
        if not (_free(token) or named) or _inside(token, taken):
            break
        words.append(token.word)
        end = token.end
        index += 1
    return words[:4], end


def _introduced(tokens: tuple[Token, ...], place: tuple[str, ...]) -> tuple[str, ...]:
    """The place words right after an article ("la escuela"), unlike a verb or a bare noun."""
    return tuple(
        token.word
        for before, token in itertools.pairwise(tokens)
        if token.word in place and before.word in _ARTICLES
    )


def _bare_place(tokens: tuple[Token, ...], used: set[int]) -> tuple[tuple[str, ...], Span | None]:
    """In a table question without "en X", the free words may name the place.

    Every free word is a candidate ("le encontraron a la posta"): the table's
    row labels decide which of them name a place.
    """
    run = [
        token
        for index, token in enumerate(tokens)
        if index not in used and (_free(token) or (index and token.word in _NAME_PARTS))
    ]
    return tuple(t.word for t in run[:6]), (run[0].start, run[-1].end) if run else None
