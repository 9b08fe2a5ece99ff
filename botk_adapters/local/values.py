"""Whether a text gives a value for a thing: a count ("doce puntos"), a setting ("PIN 7391")."""

from __future__ import annotations

import re

from botk_adapters.local.matching import Words, holds
from botk_adapters.local.related import NUMBER_WORDS
from botk_core.text import fold, stem

# Words that say how often or how much, never how many: "cada socio" counts no socios.
_NOT_CARDINAL = frozenset(
    {"cada", "media", "medio", "mitad", "doble", "diario", "diaria", "semanal", "mensual", "anual"}
)
_CARDINALS = NUMBER_WORDS - _NOT_CARDINAL


def counts(thing: str, folded: str) -> bool:
    """Whether a text says how many of ``thing`` there are ("doce puntos", "3 estanques")."""
    tokens = re.findall(r"[a-z0-9]+", folded)
    named = [
        i
        for i, word in enumerate(tokens)
        if stem(word) == stem(thing) or holds(thing, Words.of(word), typos=False)
    ]
    if any(i > 0 and _is_number(tokens[i - 1]) for i in named):
        return True
    # "Los paneles solares son cuatro módulos": the thing, then «son» and how many.
    return any(
        tokens[j] in _COPULAS and j + 1 < len(tokens) and _is_number(tokens[j + 1])
        for i in named
        for j in range(i + 1, min(i + 1 + _COPULA_WINDOW, len(tokens)))
    )


_COPULAS = frozenset({"son", "eran", "suman", "fueron"})
_COPULA_WINDOW = 3


def _is_number(token: str) -> bool:
    return token.isdigit() or token in _CARDINALS


# A setting's value as a manual writes it: "PIN 7391", "puerto 1883", "200.54.17.86", "Pozo#Norte21".
_VALUE = re.compile(r"[\w.#@:/-]*\d[\w.#@:/-]*")
_VALUE_WINDOW = 4


def valued(thing: str, folded: str) -> bool:
    """Whether ``thing`` is followed, within a few words, by a value ("el PIN 7391")."""
    tokens = [t.strip(".,;:()«»\"'") for t in folded.split()]
    for index, token in enumerate(tokens):
        if token and stem(token) == stem(thing):
            after = tokens[index + 1 : index + 1 + _VALUE_WINDOW]
            if any(_VALUE.fullmatch(t) and (len(t) >= 3 or not t.isdigit()) for t in after if t):
                return True
    return False


_PRONOUNS = frozenset({"que", "se", "lo", "le", "les"})
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "al", "del"})


def named_as_thing(thing: str, folded: str) -> bool:
    """Whether a text uses ``thing`` as a noun at least once, not only as a verb.

    "¿Qué marca es el caudalímetro?" asks for a brand; "el caudal que marca
    el caudalímetro" uses "marca" as a verb (after «que», before «el»). A
    text that never writes the word counts as naming it (a synonym may).
    """
    tokens = re.findall(r"[a-z0-9]+", folded)
    places = [i for i, t in enumerate(tokens) if stem(t) == stem(thing)]
    if not places:
        return True
    return any(
        not (0 < i < len(tokens) - 1 and tokens[i - 1] in _PRONOUNS and tokens[i + 1] in _ARTICLES)
        for i in places
    )


_OF = frozenset({"de", "del"})
# "Teléfono de contacto" is anyone's: it names no other thing than the one asked about.
_ANYONES = frozenset(
    {"contacto", "consultas", "consulta", "atencion", "emergencia", "emergencias", "servicio"}
)
_COMPLEMENT_WORDS = 4


def other_complement(head: str, complement: str, folded: str) -> bool:
    """Whether a text names ``head`` only of something else: «número de arranque» for «número de cuenta».

    The complement may come a few words later («caja de protección del sensor»).
    """
    tokens = re.findall(r"[a-z0-9]+", fold(folded))
    ofs = [
        tokens[i + 2 : i + 2 + _COMPLEMENT_WORDS]
        for i in range(len(tokens) - 2)
        if stem(tokens[i]) == stem(head) and tokens[i + 1] in _OF and tokens[i + 2] not in _ANYONES
    ]
    return bool(ofs) and not any(
        holds(complement, Words.of(" ".join(words)), typos=False) or _kin(complement, words) for words in ofs
    )


_KIN_ROOT = 4
_KIN_MIN = 6  # shorter words share four letters by chance


def _kin(complement: str, words: list[str]) -> bool:
    """A complement of the same family: «el bidón del clorador» is «el bidón de hipoclorito» (clor-)."""
    whole = stem(complement)
    root = whole[:_KIN_ROOT]
    return len(whole) >= _KIN_MIN and any(root in word and len(word) >= _KIN_MIN for word in words)
