"""A prose follow-up that asks anew: its ask replaces the earlier one, and only the subject stays.

"¿y cuándo?" after "quién firmó el informe" is «cuándo se firmó el informe»;
"¿a qué hora atienden?" after "dónde se paga la cuenta" is «a qué hora
atienden donde se paga la cuenta»; "¿desde qué año funciona?" after "cuántas
casas tiene el comité" is «desde qué año funciona el comité»; "¿y el fono?"
after "a qué correo mando consultas" is «a qué fono mando consultas»; "¿y si lo
vuelvo a hacer?" sets its condition on the earlier question. A turn with its
own question and its own subject ("¿y el estanque cuánto almacena?") takes
nothing. Each reading is built on the earlier turn's reading, never on the
whole thread, so it stays as short as the two turns.
"""

from __future__ import annotations

import itertools
from typing import Literal

import attrs

from botk_adapters.local.kinds import kind_of
from botk_adapters.local.people import whose_value
from botk_adapters.local.phrase_words import (
    CLITICS,
    COPULAS,
    DETERMINERS,
    Words,
    clitic,
    kind_word,
    noun_like,
    noun_phrase_end,
    without_opener,
)
from botk_adapters.local.question import Question
from botk_adapters.local.question_parts import Parts, ask_end, parts_of
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.subject_joins import consequence, joined
from botk_adapters.local.thread_text import said_words
from botk_adapters.local.vocabulary import WEAK_WORDS
from botk_core.lights import is_state_word, light_state

Order = Literal["sure", "first", "enough", "alone", "own"]
_WHEN = frozenset({"cuando", "dia", "dias", "hora", "horario", "fecha", "frecuencia"})
_YES_NO_MAX_WORDS = 3
_VERB_MIN = 5
# A short turn with a phrase of its own ("¿y el del estanque?", "¿y en la sede?") is no yes/no ask.
_PHRASE_OPENERS = DETERMINERS | {"de", "del", "en", "al", "a", "con", "para", "por", "sobre"}


@attrs.frozen
class Recomposed:
    """The follow-up read with the earlier subject; ``order`` places it among the readings.

    «sure»: the only reading ("¿y cuándo?" means nothing alone); «first»: before
    the turn's own reading; «enough»: before it unless the turn names enough;
    «alone»: after it (the turn is a question of its own, the thread a fallback);
    «own»: the turn's own reading only.
    """

    text: str
    order: Order
    # The turn's own words beyond what it asks: an answer must hold them.
    fresh: tuple[str, ...] = ()
    # The earlier question's parts: its subject is what this reading is about too.
    earlier: Parts | None = None


def recompose(new: Question, previous: Question) -> Recomposed | None:
    """``new`` read after ``previous`` (both prose), or None (a follow-up of another sort)."""
    words = without_opener([t.word for t in new.tokens])
    if not words:
        return None
    earlier = parts_of(said_words(previous.tokens), previous.about, previous.about_lead)
    if words[0] == "si" and len(words) > 1:
        # The condition narrows the earlier question down; a thing it names must be in the answer
        # ("¿y si está de vacaciones?"), a deed need not ("¿y si lo vuelvo a hacer?": "si se repite").
        asked = consequence(words, earlier) or _with_condition(earlier.words, words)
        return Recomposed(_said(asked), "first", _named(words), earlier)
    end = ask_end(words)
    asks = end or any(w in INTERROGATIVES for w in words)
    named = _named_subject(words, end) if asks else None
    if named is not None:
        # "¿y quién hizo los análisis?", "¿y hasta dónde llega la señal del gateway?" stand alone;
        # "¿cómo se llama el técnico?", "¿cuál es la tesorera?" name someone of the thread's thing.
        if not end or len(named) > 1:
            return _OWN
        order: Order = "enough" if _relational(words) else "alone"
        # Read with the thread, the answer must still hold what the turn itself names («el próximo
        # muestreo»): the earlier words alone must not let another passage answer.
        return Recomposed(_said(joined(words, earlier)), order, _named_things(words, end), earlier)
    if end == len(words):
        return Recomposed(_said(_ask_only(words, earlier)), "sure", (), earlier)
    if end:
        return Recomposed(_said(joined(words, earlier)), "first", (), earlier)
    if asks:
        return None
    if kind_of(" ".join(words)) is not None:
        whose = whose_value(earlier.subject)
        kept: Order = "sure" if whose else "enough"
        return Recomposed(_said(_thing(words, earlier)), kept, (*_own(words, 0), *whose), earlier)
    if len(words) <= _YES_NO_MAX_WORDS and not _PHRASE_OPENERS & set(words) and _deed(words):
        return Recomposed(_said(_yes_no(words, earlier)), "first", (), earlier)
    return None


_OWN = Recomposed("", "own")  # the turn stands alone: it takes nothing from the thread


def _ask_only(ask: Words, earlier: Parts) -> Words:
    """«cuándo» + "firmó el informe": who did it drops out, so the deed reads «se firmó»."""
    rest = earlier.rest
    who = earlier.ask in (("quien",), ("quienes",))
    if who and rest and rest[0] not in COPULAS and rest[0] not in CLITICS:
        rest = ("se", *rest)
    return (*ask, *rest)


def _thing(words: Words, earlier: Parts) -> Words:
    """A new thing asked ("¿y el fono?"): it takes the place of the earlier one, or is of the subject."""
    kind = kind_of(" ".join(earlier.words))
    asked = [i for i, w in enumerate(earlier.words) if kind is not None and w in kind.words]
    if not asked:
        return joined(words, earlier)
    index = asked[0]
    start = index - 1 if index and earlier.words[index - 1] in DETERMINERS else index
    phrase = words
    if start == index and phrase[0] in DETERMINERS:
        phrase = phrase[1:]  # «a qué correo» -> «a qué fono»
    return (*earlier.words[:start], *phrase, *earlier.words[index + 1 :])


def _yes_no(words: Words, earlier: Parts) -> Words:
    """«avisan antes» of something that happens at a time: «avisan antes cuando limpian el tanque»."""
    timed = _WHEN & set(earlier.ask) or earlier.ask[:2] == ("cada", "cuanto")
    if timed and earlier.rest:
        return (*words, "cuando", *earlier.rest)
    return joined(words, earlier)


def _deed(words: Words) -> bool:
    """Whether a short turn says what someone does («¿avisan antes?», «¿cobran algo?»), not a thing
    («¿y alfalfa?»): a verb of many («avisan», «atienden»)."""
    return any(len(w) >= _VERB_MIN and w.endswith(("an", "en")) for w in words)


def _with_condition(earlier: Words, words: Words) -> Words:
    """The earlier question with the turn's condition, in place of its own when it had one."""
    kept = list(earlier)
    if light_state(" ".join(words)):
        kept = [w for w in kept if not is_state_word(w)]  # "¿y si parpadea?" after "la luz verde fija"
    if "si" in kept[1:]:
        cut = len(kept) - 1 - kept[::-1].index("si")
        if len([w for w in kept[:cut] if noun_like(w)]) >= 2:
            kept = kept[:cut]
    return (*kept, *words)


def _named_subject(words: Words, end: int) -> Words | None:
    """The content words of a noun phrase of the turn's own that is not the kind of value asked
    ("¿y quién hizo los análisis?"), or None."""
    for index, word in enumerate(words):
        if word not in DETERMINERS or (index < end) or clitic(words, index):
            continue
        stop = noun_phrase_end(words, index)
        named = tuple(w for w in words[index:stop] if noun_like(w))
        if stop > index and named and not kind_word(named[0]):
            return named
    return None


def _relational(words: Words) -> bool:
    """Whether the thing named is only linked to the ask («es el técnico», «se llama el técnico»),
    not done something to («hizo los análisis»)."""
    return any(
        w in DETERMINERS and i and words[i - 1] in COPULAS | {"llama", "llaman"} for i, w in enumerate(words)
    )


def _own(words: Words, start: int) -> tuple[str, ...]:
    """The turn's own words past its ask that name something (not the kind of value it asks)."""
    return tuple(w for w in words[start:] if noun_like(w) and w not in WEAK_WORDS and not kind_word(w))


def _named_things(words: Words, end: int) -> tuple[str, ...]:
    """``_own`` without what a «qué tan ...» asks («qué tan grande»: the size, not the word)."""
    asked = {w for before, w in itertools.pairwise(words) if before in ("tan", "cuan")}
    return tuple(w for w in _own(words, end) if w not in asked)


def _named(words: Words) -> tuple[str, ...]:
    """The things a phrase names after an article or a preposition ("de vacaciones", "una fuga")."""
    markers = DETERMINERS | {"de", "del", "con", "sin", "al"}
    return tuple(w for before, w in itertools.pairwise(words) if before in markers and noun_like(w))


def _said(words: Words) -> str:
    return " ".join(words)
