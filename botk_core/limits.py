"""Legal limits as lab reports write them, in a caption, a header cell or a note under a table.

"Límite máximo permitido: 0,1 mg/L", "máximo 0,01 mg/L", "LMP 2,4 mg/L",
"Norma: 400 mg/L", "(NCh 409/1: 0,01 mg/L)", "valor límite 3 mg/L",
"Límite máximo permitido (NCh 409/1 Of. 2005) = 1,5 mg/L" or a range
("entre 6,5 y 8,5") all state one. A detection limit ("límite de detección:
0,005 mg/L") is not a legal limit.
"""

from __future__ import annotations

import re

import attrs

_NUMBER = r"\d{1,3}(?:\.\d{3})+,\d+|\d+(?:[.,]\d+)?"
_TRIGGER = re.compile(
    r"(?:l[íi]mites?\s+m[áa]ximos?(?:\s+permitidos?)?(?:\s+por\s+la\s+norma)?"
    r"|l[íi]mites?\s+permitidos?|valor(?:es)?\s+l[íi]mites?|valor(?:es)?\s+m[áa]ximos?(?:\s+permitidos?)?"
    r"|m[áa]ximo\s+permitido|m[áa]xim[oa]|\bm[áa]x\b\.?|l[íi]mite(?!s?\s+(?:de|del)\s+(?:detecci|cuantifica))"
    r"|\blmp\b|\bnormas?\b|\bNCh[\s-]*\d+(?:/\d+)?)",
    re.IGNORECASE,
)
# A norm named between the trigger and the figure: "(NCh 409/1 Of. 2005)", "según la NCh 409".
_NORM = (
    r"(?:\s*,?\s*\(?\s*(?:seg[úu]n\s+|de\s+|por\s+)?(?:la\s+)?(?:NCh|D\.?\s?S\.?|norma)[\s-]*+[\d/.-]*+"
    r"(?:\s*Of\.?\s*\d{4})?\s*\)?)?"
)
# "el límite de la NCh 409/1 para cloruro es 400 mg/L": a few words name what it is for.
_FOR = (
    r"(?:\s+(?:para|del?|en)\s+(?:el\s+|la\s+|los\s+|las\s+)?[^\W\d]+(?:\s+[^\W\d]+)?"
    r"(?=\s+(?:es|son)\b|\s*[:=]))?"
)
_VALUE = re.compile(
    rf"{_NORM}{_FOR}\s*(?:[:=,]|\bes\b|\bson\b|\bde\b)?\s*"
    rf"(?P<text>(?P<range>entre\s+)?(?P<bound>[<≤]\s*)?(?P<number>{_NUMBER})"
    rf"(?P<upper>\s*(?:y|a|-|–)\s*(?:{_NUMBER}))?(?:\s*(?P<unit>[a-zA-Zµμ°%][\w/°%²³µμ]*))?)",
    re.IGNORECASE,
)
_NOT_UNITS = frozenset({"y", "a", "o", "de", "del", "en", "el", "la", "los", "las", "por", "para", "of"})
_MONTHS_TEXT = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"
)
_MONTHS = frozenset(_MONTHS_TEXT.split())
_UNIT_MAX_CHARS = 12


@attrs.frozen
class StatedLimit:
    """A limit as written ("0,01 mg/L"), its number when it is one bound, and its unit."""

    text: str
    number: float | None = None
    unit: str = ""
    # Where the statement is, from its first word ("máximo", "LMP") to its unit.
    span: tuple[int, int] = (0, 0)


def find_limit(text: str) -> StatedLimit | None:
    """The first legal limit ``text`` states with a figure, or None."""
    for trigger in _TRIGGER.finditer(text):
        value = _VALUE.match(text, trigger.end())
        if value is None:
            continue
        unit = value["unit"] or ""
        stated = value["text"].strip()
        if _not_a_unit(unit):
            stated = stated[: len(stated) - len(unit)].strip()
            unit = ""
        single = not (value["range"] or value["upper"])
        end = value.start("text") + len(stated)
        return StatedLimit(stated, _number(value["number"]) if single else None, unit, (trigger.start(), end))
    return None


def without_limit(label: str) -> str:
    """A header label without the limit it states: "Selenio [mg/L] (LMP 0,01)" -> "Selenio [mg/L]"."""
    found = find_limit(label)
    if found is None:
        return label
    start, end = found.span
    return f"{label[:start].rstrip(' ([,;—–-')} {label[end:].lstrip(' )')}".strip()


def _not_a_unit(word: str) -> bool:
    """A word after the figure that is not its unit ("y", a month of a header "Junio 2023")."""
    folded = word.lower()
    return bool(word) and (folded in _NOT_UNITS or folded in _MONTHS or len(word) > _UNIT_MAX_CHARS)


def _number(text: str) -> float:
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return float(text)
