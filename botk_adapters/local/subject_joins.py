"""A follow-up's own words joined with the earlier subject, so that they read as one question.

«desde qué año funciona» + «el comité»: «desde qué año funciona el comité»;
«el teléfono de soporte» + «el sistema»: «... del sistema»; «qué batería le
pongo» + «la cajita»: «... a la cajita»; «cuánto es la multa» + «lavar el
auto»: «... por lavar el auto»; «a qué hora atienden» + «donde se paga la
cuenta»; «qué hago» + a situation told: «qué hago si ...».
"""

from __future__ import annotations

from botk_adapters.local.kinds import kind_of
from botk_adapters.local.phrase_words import COPULAS, DETERMINERS, Words, clitic, infinitive, noun_phrase_end
from botk_adapters.local.question_parts import Parts, thing_subject
from botk_adapters.local.question_spans import INTERROGATIVES

# Asks what to do or what something means: of a situation told, not of a thing.
_ASK_PREPOSITIONS = frozenset({"a", "con", "de", "para", "por"})
_ACTS = frozenset({"hago", "hacemos", "hacer", "arreglo", "soluciono", "reviso", "debo", "significa"})


def joined(words: Words, earlier: Parts) -> Words:
    """The turn with the earlier subject: «desde qué año funciona el comité», «qué batería le pongo
    a la cajita», «cuánto es la multa por lavar el auto», «hasta qué hora atiende si se rompe ...».

    What to do, or what it means, is asked of the whole situation the earlier turn told:
    «qué hago si el controlador de la bomba está en rojo».
    """
    asks = any(w in INTERROGATIVES for w in words)
    # Not «a quién le aviso»: asking whom to tell names no one to ask about.
    who = next((i for i, w in enumerate(earlier.words) if w in ("quien", "quienes")), None)
    whom = who is not None and who > 0 and earlier.words[who - 1] in _ASK_PREPOSITIONS
    asks_who = "quien" in words or "quienes" in words
    if asks and who is not None and not (whom or asks_who) and not _ends_in_noun_phrase(words):
        return (*words, *earlier.words[who:])  # «qué cargo tiene» the one «quien analizó las muestras»
    if not asks:
        earlier = thing_subject(earlier)  # "¿y el teléfono?" after "¿dónde queda la oficina?"
    subject = earlier.subject
    told = not earlier.ask and earlier.lead == "np" and len(earlier.rest) > len(subject)
    if told and _ACTS & set(words):
        return (*words, "si", *earlier.rest)
    if not subject:
        doing = next((i for i, w in enumerate(earlier.rest) if infinitive(w)), None)
        return (*words, "para", *earlier.rest[doing:]) if doing is not None else words
    if earlier.lead in ("where", "tail"):
        return (*words, *subject)
    if earlier.lead == "doing":
        return (*words, "por", *subject) if _ends_in_noun_phrase(words) else (*words, *subject)
    if _ends_in_noun_phrase(words) or not asks:
        return (*_without_possessive(words), *_of(subject))
    if "le" in words or "les" in words:
        return (*words, *_to(subject))
    if words[-1] in COPULAS or (words[-1].endswith("o") and words[-2:-1] != ("se",)):
        return (*words, "para", *subject)  # «qué pila uso para la caja», «qué tipo es para mi cajita»
    return (*words, *subject)


def _ends_in_noun_phrase(words: Words) -> bool:
    """Whether the turn ends naming a thing («el teléfono de soporte», «los datos»)."""
    last = len(words) - 2
    bare = last >= 0 and words[last] in DETERMINERS and not clitic(words, last) and len(words[-1]) > 2
    return bare or any(
        w in DETERMINERS and not clitic(words, i) and noun_phrase_end(words, i) == len(words)
        for i, w in enumerate(words)
    )


def _without_possessive(words: Words) -> Words:
    """«su teléfono» of something named after it is «el teléfono» («el teléfono del presidente»),
    unless only «su» makes it a phone asked («su número»)."""
    if not words or words[0] not in ("su", "sus"):
        return words
    plain = ("el" if words[0] == "su" else "los", *words[1:])
    return plain if kind_of(" ".join(plain)) or not kind_of(" ".join(words)) else words


def _of(subject: Words) -> Words:
    return ("del", *subject[1:]) if subject[0] == "el" else ("de", *subject)


def _to(subject: Words) -> Words:
    return ("al", *subject[1:]) if subject[0] == "el" else ("a", *subject)


# What a turn asks of a situation it tells first: «si no voy, ¿qué pasa?».
_CONSEQUENCES = (("que", "pasa"), ("que", "hago"), ("que", "sucede"), ("que", "ocurre"))


def consequence(words: Words, earlier: Parts) -> Words | None:
    """«y si no voy q pasa» after «a qué hora son las reuniones»: «qué pasa si no voy a las reuniones».

    The earlier ask («a qué hora») is not this turn's: only the earlier subject stays.
    """
    if tuple(words[-2:]) not in _CONSEQUENCES or not earlier.ask or not earlier.subject:
        return None
    told = words[:-2]
    if earlier.lead == "np":
        return (*words[-2:], *told, *_to(earlier.subject))
    return (*words[-2:], *told, *earlier.subject)
