"""Legal limits as lab reports write them, in a caption, a header cell or a note under a table.

A limit is a figure near a word that states one: "máximo", "límite", "norma",
"requisito", "exigencia", "tope", "admisible", "aceptable", "permitido", "no
debe superar", "menor que", "hasta", "rango", "entre X y Y", "LMP", "NCh 409".
The figure may follow the word ("Tope normativo 0,2 mg/L", "Requisito NCh 409/1
= 1,5 mg/L") or precede it ("fija 1.500 mg/L como límite máximo"). Figures
that belong to something else are never one: a norm's number ("NCh 409/1",
"Of. 2005", "D.S. 735"), a table's, a year, a condition ("pH a 25 °C"), a
unit's own digits ("NMP/100 mL", "CaCO3"), and a detection limit ("límite de
detección: 0,005 mg/L").
"""

from __future__ import annotations

import re

import attrs

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_UNIT = r"[a-zA-Zµμ°%][\w°%²³µμ-]*(?:\s?/\s?\d*\s?[a-zA-Zµμ]+\b)?"
_FIGURE = re.compile(
    rf"(?<![\w.,/-])(?P<bound>(?:[<≤]|menor\s+(?:que|a)|inferior\s+a|bajo)\s*)?(?P<number>{_NUMBER})"
    rf"(?P<upper>\s*(?:y|a|-|–|al)\s*(?:{_NUMBER}))?(?![\d/])(?:\s*(?P<unit>{_UNIT}))?",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\bl[íi]mites?\b|\blmp\b|\bm[áa]xim[oa]s?\b|\bm[áa]x\b\.?|\bnormas?\b|\bnormativ[oa]s?\b|\brequisitos?\b"
    r"|\bexigencias?\b|\bexigid[oa]\b|\btopes?\b|\badmisibles?\b|\baceptables?\b|\bpermitid[oa]s?\b"
    r"|\bno\s+debe(?:n|r[áa]n?)?\s+(?:superar|exceder|sobrepasar|pasar)\b|\bmenor(?:es)?\s+(?:que|a)\b"
    r"|\binferior(?:es)?\s+a\b|\bhasta\b|\brangos?\b|\bentre\b|\bvalor(?:es)?\s+gu[íi]a\b|\bNCh\b",
    re.IGNORECASE,
)
# A detection or quantification limit states the method's reach, not what the norm allows.
_DETECTION = re.compile(
    r"\bl[íi]mites?\s+(?:de|del)\s+(?:detecci|cuantifica)|\bLD\b|\bLC\b|\bdel\s+m[ée]todo\b", re.IGNORECASE
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
_AFTER_CHARS = 70
_BEFORE_CHARS = 40
_BOUNDARY = re.compile(r"[;]|\.\s+(?=[A-ZÁÉÍÓÚÑ*(])")


@attrs.frozen
class StatedLimit:
    """A limit as written ("0,01 mg/L"), its number when it is one bound, and its unit."""

    text: str
    number: float | None = None
    unit: str = ""
    # Where the statement is, from its first word ("máximo", "LMP") to its unit.
    span: tuple[int, int] = (0, 0)
    # A range's bounds ("6,5 a 8,5"), low and high.
    low: float | None = None
    high: float | None = None


@attrs.frozen
class _Figure:
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


def find_limit(text: str, unit: str = "") -> StatedLimit | None:
    """The first legal limit ``text`` states with a figure, or None; ``unit`` is the table's, if known."""
    figures = _figures(text, unit)
    if not figures:
        return None
    for cue in _CUE.finditer(text):
        if _is_detection(text, cue.start()):
            continue
        figure = _after(text, cue.end(), figures) or _before(text, cue.start(), figures)
        if figure is not None:
            return _stated(text, cue, figure)
    return None


def mentions_limit(text: str) -> bool:
    """Whether ``text`` speaks of a legal limit at all (with a figure BOTK may fail to read)."""
    cues = [c for c in _CUE.finditer(text) if not _is_detection(text, c.start())]
    return any(c.group(0).lower() not in ("entre", "hasta") for c in cues) and bool(re.search(r"\d", text))


def without_limit(label: str) -> str:
    """A header label without the limit it states: "Selenio [mg/L] (LMP 0,01)" -> "Selenio [mg/L]"."""
    found = find_limit(label)
    if found is None:
        return label
    start, end = found.span
    return f"{label[:start].rstrip(' ([,;—–-')} {label[end:].lstrip(' )')}".strip()


def limit_range(text: str) -> tuple[float, float] | None:
    """The bounds of a range as a limit's text writes them ("entre 6,5 y 8,5", "6,5 a 8,5")."""
    match = re.search(rf"({_NUMBER})\s*(?:y|a|-|–|al)\s*({_NUMBER})", text)
    if match is None:
        return None
    low, high = parse_number(match.group(1)), parse_number(match.group(2))
    return (low, high) if low < high else None


def _figures(text: str, unit: str) -> list[_Figure]:
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
        found.append(_Figure(match.start(), end, span_text, parse_number(number), stated_unit, low, high))
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


def _is_detection(text: str, position: int) -> bool:
    window = text[max(0, position - 3) : position + 40]
    return bool(_DETECTION.match(window.lstrip())) or bool(_DETECTION.search(text[position : position + 30]))


def _after(text: str, position: int, figures: list[_Figure]) -> _Figure | None:
    for figure in figures:
        if figure.start < position:
            continue
        between = text[position : figure.start]
        if figure.start - position > _AFTER_CHARS or _BOUNDARY.search(between) or _DETECTION.search(between):
            return None
        return figure
    return None


def _before(text: str, position: int, figures: list[_Figure]) -> _Figure | None:
    """A figure just before the word: "fija 1.500 mg/L como límite máximo"."""
    earlier = [f for f in figures if f.end <= position]
    if not earlier:
        return None
    figure = earlier[-1]
    between = text[figure.end : position]
    if position - figure.end > _BEFORE_CHARS or _BOUNDARY.search(between) or re.search(r"\d", between):
        return None
    return figure


def _stated(text: str, cue: re.Match[str], figure: _Figure) -> StatedLimit:
    shown = figure.text
    ranged = figure.low is not None
    if ranged and re.search(r"\bentre\s+$", text[: figure.start], re.IGNORECASE):
        shown = f"entre {shown}"
    shown = re.sub(r"^(?:menor\s+(?:que|a)|inferior\s+a|bajo)\s*", "", shown, flags=re.IGNORECASE)
    start = min(cue.start(), figure.start)
    end = max(cue.end(), figure.end)
    number = None if ranged else figure.number
    return StatedLimit(shown, number, figure.unit, (start, end), figure.low, figure.high)


def _not_a_unit(word: str) -> bool:
    """A word after the figure that is not its unit ("y", a month of a header "Junio 2023")."""
    folded = word.lower()
    return bool(word) and (folded in _NOT_UNITS or folded in _MONTHS or len(word) > _UNIT_MAX_CHARS)
