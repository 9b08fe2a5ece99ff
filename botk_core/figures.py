"""Figures as Spanish lab reports print them: a number or a range, maybe its unit.

A figure that is the number of something else is not one: a norm's ("NCh
409/1", "D.S. 735"), a table's, a year, a condition ("a 25 °C"), a unit's own
digits ("NMP/100 mL"), a month of a header ("Junio 2023").
"""

from __future__ import annotations

import re

import attrs

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_UNIT = r"[a-zA-Zµμ°%][\w°%²³µμ-]*(?:\s?/\s?\d*\s?[a-zA-Zµμ]+\b)?"
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?P<bound>(?:[<≤]|menor\s+(?:que|a)|inferior\s+a|bajo)\s*)?(?P<number>{NUMBER})"
    rf"(?P<upper>\s*(?:y|a|-|–|al)\s*(?:{NUMBER}))?(?![\d/])(?:\s*(?P<unit>{_UNIT}))?",
    re.IGNORECASE,
)
# Words right before a figure that make it the number of something else.
_OWNER = re.compile(
    r"(?:\bNCh[\s-]*|\bISO[\s-]*|\bOf\.?\s*|\bD\.?\s?S\.?\s*(?:N\.?\s?[°ºo.]*\s*)?|\bDecreto\s+(?:Supremo\s+)?"
    r"(?:N\.?\s?[°ºo.]*\s*)?|\bN\.?\s?[°º]\s*|\bN\.º\s*|\bTabla\s+|\bCuadro\s+|\bEPA\s+|\bSM\s+|\bart[íi]culo\s+"
    r"|\bLey\s+(?:N\.?\s?[°º.]*\s*)?|\ba\s+(?=\d+\s*°))$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NOT_UNITS_TEXT = "y a o de del en el la los las por para of como"
_NOT_UNITS = frozenset(_NOT_UNITS_TEXT.split())
_MONTHS_TEXT = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"
)
_MONTHS = frozenset(_MONTHS_TEXT.split())
_UNIT_MAX_CHARS = 14


@attrs.frozen
class Figure:
    """A figure where ``text`` has it, its number, unit and, for a range, its bounds."""

    start: int
    end: int
    text: str
    number: float
    unit: str
    low: float | None
    high: float | None


def parse_number(text: str) -> float:
    """A number as Spanish documents print it: "0,0140", "1.500" (fifteen hundred), "2.000,5"."""
    text = text.strip()
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))  # "1.500" is 1500: documents write decimals with a comma
    return float(text)


def limit_range(text: str) -> tuple[float, float] | None:
    """The bounds of a range as a limit's text writes them ("entre 6,5 y 8,5", "6,5 a 8,5")."""
    match = re.search(rf"({NUMBER})\s*(?:y|a|-|–|al)\s*({NUMBER})", text)
    if match is None:
        return None
    low, high = parse_number(match.group(1)), parse_number(match.group(2))
    return (low, high) if low < high else None


def find_figures(text: str, unit: str) -> list[Figure]:
    """The figures of ``text`` that may be a limit in ``unit`` (the table's, or "" when unknown)."""
    found = []
    for match in _FIGURE.finditer(text):
        number = match["number"]
        before = text[max(0, match.start() - 24) : match.start()]
        if _OWNER.search(before) or (_YEAR.match(number) and not match["unit"]):
            continue
        stated_unit = match["unit"] or ""
        if _not_a_unit(stated_unit):
            stated_unit = ""
        if not _unit_fits(stated_unit, unit):
            continue
        end = match.end() if stated_unit else match.end("upper") if match["upper"] else match.end("number")
        span_text = text[match.start() : end].strip()
        low = high = None
        if match["upper"]:
            bounds = limit_range(span_text)
            low, high = bounds if bounds else (None, None)
        found.append(Figure(match.start(), end, span_text, parse_number(number), stated_unit, low, high))
    return found


def _unit_fits(stated: str, unit: str) -> bool:
    """A figure in another unit than the table's is not its limit; a condition in °C never is."""
    if not stated:
        return True
    squeezed = stated.replace(" ", "").lower()
    if squeezed.startswith("°") and not unit.replace(" ", "").lower().startswith("°"):
        return False
    if not unit:
        return True
    wanted = unit.replace(" ", "").lower()
    return squeezed.startswith(wanted) or wanted.startswith(squeezed) or not squeezed[:1].isalpha()


def _not_a_unit(word: str) -> bool:
    """A word after the figure that is not its unit ("y", a month of a header "Junio 2023")."""
    folded = word.lower()
    return bool(word) and (folded in _NOT_UNITS or folded in _MONTHS or len(word) > _UNIT_MAX_CHARS)
