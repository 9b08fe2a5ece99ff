"""Questions about looking after a device ("cada cuánto hay que calibrar el medidor de cloro").

A parameter's name after a device ("el sensor de cloro", "el medidor de pH")
names the device, and a question that asks how often to service something
asks the maintenance manual: neither is answered by a lab table's cells.
"""

from __future__ import annotations

import re

_DEVICES = (
    # Also as written by ear: «censor», «analisador», «vomba».
    r"\b(?:[sc]ensor(?:es)?|medidor(?:es)?|anali[sz]ador(?:es)?|sondas?|equipos?|clorador(?:es)?"
    r"|dosificador(?:es)?|[bv]ombas?|electrodos?)\s+(?:de(?:l)?|para(?: el| la)?)\s*"
)
_DEVICE = re.compile(rf"{_DEVICES}$")
_DEVICE_NAME = re.compile(rf"{_DEVICES}(?P<name>[a-z]+)")
_HOW_OFTEN = re.compile(
    r"\b(?:cada cuant[oa]s?|con que frecuencia|cuantas veces (?:al|por)|que tan seguido|cada que tiempo)\b"
)
_UPKEEP = re.compile(
    r"\b(?:ajust|calibr|limpi|lav|cambi|reemplaz|revis|mantenc|manten|desinfect|recarg|repon|mid|medi)[a-z]*\b"
)


def about_a_device(folded: str, parameter_span: tuple[int, int]) -> bool:
    """Whether the parameter names a device ("medidor de cloro") or the question asks for its upkeep."""
    if _DEVICE.search(folded[: parameter_span[0]]):
        return True
    return upkeep_asked(folded)


def asks_how_often(folded: str) -> bool:
    """Whether the question asks how often ("¿cada cuánto ...?", "¿con qué frecuencia ...?")."""
    return bool(_HOW_OFTEN.search(folded))


def upkeep_asked(folded: str) -> bool:
    """Whether the question asks how often to service something ("¿cada cuánto se limpia ...?")."""
    return bool(_HOW_OFTEN.search(folded) and _UPKEEP.search(folded))


def device_words(folded: str) -> frozenset[str]:
    """The words that name a device's kind ("cloro" of "el sensor de cloro"), not a lab parameter."""
    return frozenset(m["name"] for m in _DEVICE_NAME.finditer(folded))
