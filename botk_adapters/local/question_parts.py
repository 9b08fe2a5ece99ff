"""A prose question cut into what it asks and what it is about: its ask, the rest, its subject.

"a qué correo mando consultas sobre el informe" asks «a qué correo» (the
thing asked: «correo»); the rest is «mando consultas sobre el informe», and
its subject, the rest without its verbs, «sobre el informe». A question that
opens with what it is about ("la cajita del sensor está en rojo, ¿qué
significa?") has that phrase for subject; a yes/no question about doing
something ("¿se puede lavar el auto?"), the doing («lavar el auto»).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from botk_adapters.local.phrase_words import (
    COPULAS,
    DETERMINERS,
    Words,
    clitic,
    infinitive,
    kind_word,
    noun_like,
    noun_phrase_end,
    without_opener,
)
from botk_adapters.local.question_spans import INTERROGATIVES
from botk_adapters.local.related import LIGHT_WORDS

# Words a subject opens with after the verbs: "tiene |el comité", "llamo |si se rompe ...".
_SUBJECT_OPENERS = DETERMINERS | {"al", "a", "del", "de", "en", "sobre", "con", "para", "por", "si"}
_ASK_PREPOSITIONS = frozenset({"a", "de", "en", "desde", "hasta", "con", "para", "por", "cada", "hace"})
# After these, the next word is the thing asked when it is a noun ("¿qué potencia ...?").
_FOCUSED = frozenset({"que", "cual", "cuales", "cuanta", "cuantos", "cuantas"})
_KIND_OF = frozenset({"tipo", "clase", "marca", "modelo"})


@attrs.frozen
class Parts:
    """A question's words: what it asks (``ask``), the rest, and the phrase it is about (``subject``).

    ``lead`` says how the subject joins another question:
    «np» (a noun phrase), «tail» (it opens with a preposition or «si»), «doing»
    (an infinitive: «lavar el auto»), «where» (a «donde ...» clause).
    """

    words: Words
    ask: Words = ()
    rest: Words = ()
    subject: Words = ()
    lead: str = ""


def ask_end(words: Words) -> int:
    """How many of ``words`` are the question's opening ask («a qué hora», «cuántas casas»), or 0."""
    index = 0
    while index < len(words) and words[index] in _ASK_PREPOSITIONS:
        index += 1
    if index >= len(words) or words[index] not in INTERROGATIVES:
        return 0
    asked = words[index]
    index += 1
    # "cuánto tiempo", "cuánto cloro"; not "cuánto almacena", "cuánto cuesta".
    counted = asked == "cuanto" and index < len(words) and words[index].endswith(("o", "os"))
    if (asked in _FOCUSED or counted) and index < len(words) and noun_like(words[index]):
        index += 1
        if words[index - 1] in _KIND_OF and words[index : index + 1] == ("de",) and index + 1 < len(words):
            index += 2  # "qué tipo de batería"
    return index


def parts_of(words: Sequence[str], about: Words = (), lead: str = "") -> Parts:
    """``words`` (a question, its opener left out) cut into ask, rest and subject.

    ``about`` is the subject an earlier reading already found (a follow-up's), kept as it is.
    """
    parts = _parts(without_opener(words))
    return attrs.evolve(parts, subject=about, lead=lead) if about else parts


def thing_subject(parts: Parts) -> Parts:
    """Of «¿dónde se paga la cuenta?», the thing it names («la cuenta»), for a thing asked of it
    ("¿y el teléfono?": «el teléfono de la cuenta»), not the place («donde se paga ...»)."""
    if parts.lead != "where":
        return parts
    return _with_subject(attrs.evolve(parts, subject=(), lead=""), parts.rest)


def _parts(words: Words) -> Parts:
    end = ask_end(words)
    if end:
        rest = words[end:]
        if words[end - 1] == "donde" and rest and rest[0] not in COPULAS:
            # "¿dónde se paga la cuenta?": what follows is about that place; "¿dónde es la asamblea?" is not.
            return Parts(words, words[:end], rest, ("donde", *rest), "where")
        parts = _with_subject(Parts(words, words[:end], rest), rest, words[end - 1] in INTERROGATIVES)
        if words[end - 1] in ("cual", "cuales", "que") and rest[:1] and rest[0] in COPULAS:
            return _of_the_asked(parts)
        return parts
    statement = _without_trailing_ask(words)
    phrase = noun_phrase_end(statement, 0)
    if phrase and _asked_thing(statement, phrase):
        return _after_the_thing(Parts(words, (), statement), phrase)
    if phrase:
        return Parts(words, (), statement, _owner(statement[:phrase]), "np")
    doing = next((i for i, w in enumerate(statement) if infinitive(w)), None)
    if doing is not None:
        return Parts(words, (), statement, statement[doing:], "doing")
    return _with_subject(Parts(words, (), statement), statement)


def _asked_thing(words: Words, end: int) -> bool:
    """Whether the noun phrase that opens ``words`` is a kind of value («su número si ...»)."""
    head = next((w for w in words[:end] if w not in DETERMINERS), "")
    return kind_word(head)


def _after_the_thing(parts: Parts, end: int) -> Parts:
    """The subject of «su número si se rompe ...» (what follows) or «el fono de soporte» (its complement)."""
    words = parts.rest
    if end < len(words) and words[end] in _SUBJECT_OPENERS:
        # «su número si se rompe ...»; not «el número del operador, hay una fuga»: a clause of its own.
        after = _with_subject(parts, words[end:])
        if after.subject:
            return after
        end = len(words)  # "fono de soporte técnico": the words after are the thing's too
    head = next(i for i, w in enumerate(words) if w not in DETERMINERS)
    complement = words[head + 1 : end]
    if complement[:1] == ("del",):
        return attrs.evolve(parts, subject=("el", *complement[1:]), lead="np")
    if complement[:1] == ("de",) and len(complement) > 1:
        lead = "np" if complement[1] in DETERMINERS else "tail"
        return attrs.evolve(parts, subject=complement[1:] if lead == "np" else complement, lead=lead)
    return parts


def _of_the_asked(parts: Parts) -> Parts:
    """«¿Cuál es la clave del wifi de la bomba?» asks the key; it is about «el wifi de la bomba»."""
    subject = parts.subject
    cut = next((i for i, w in enumerate(subject) if w in ("de", "del")), None)
    if parts.lead != "np" or cut is None or cut + 1 >= len(subject):
        return parts
    about = ("el", *subject[cut + 1 :]) if subject[cut] == "del" else subject[cut + 1 :]
    lead = "np" if about[0] in DETERMINERS else "tail"
    return attrs.evolve(parts, subject=about if lead == "np" else subject[cut:], lead=lead)


def _with_subject(parts: Parts, rest: Words, after_ask: bool = False) -> Parts:
    """The subject of ``rest``: from the first word that opens one, past the verbs.

    Right after a question word, "la" is a pronoun («quién la preside»); after a
    thing asked it is an article («cuánto costó la bomba»).
    """
    start = next(
        (
            i
            for i, w in enumerate(rest)
            if w in _SUBJECT_OPENERS and not clitic(rest, i, after_ask and i == 0)
        ),
        None,
    )
    if start is None:
        return parts
    subject = rest[start:]
    lead = "np" if subject[0] in DETERMINERS else "tail"
    return attrs.evolve(parts, subject=_owner(subject) if lead == "np" else subject, lead=lead)


def _owner(phrase: Words) -> Words:
    """Of a light, the thing it belongs to: «el led rojo de la caja del sensor» is about the box."""
    head = next((i for i, w in enumerate(phrase) if w not in DETERMINERS), None)
    if head is None or phrase[head] not in LIGHT_WORDS:
        return phrase
    cut = next((i for i in range(head, len(phrase)) if phrase[i] in ("de", "del")), None)
    if cut is None or cut + 1 >= len(phrase):
        return phrase
    return ("el", *phrase[cut + 1 :]) if phrase[cut] == "del" else phrase[cut + 1 :]


def _without_trailing_ask(words: Words) -> Words:
    """A statement without the ask it ends with ("la cajita está en rojo, ¿qué significa?")."""
    for index in range(len(words) - 1, max(0, len(words) - 4), -1):
        if words[index] not in ("que", "como"):
            continue
        if words[index - 1] == "para":
            return words[: index - 1]  # "el led azul, ¿pa qué es?"
        if words[index - 1] not in ("hay", "tiene", "tengo", "lo"):
            return words[:index]
    return words
