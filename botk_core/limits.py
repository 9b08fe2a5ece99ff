"""Legal limits as lab reports write them, in a caption, a header cell or a note under a table.

A limit is a figure near a word that states one: "máximo", "límite", "norma",
"requisito", "exigencia", "tope", "admisible", "aceptable", "permitido", "no
debe superar", "menor que", "hasta", "rango", "entre X y Y", "LMP", "NCh 409",
"referencia", "recomendado" (a value a table is compared with where no norm sets one).
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

from botk_core.figures import Figure, find_figures, limit_range, parse_number

__all__ = ["StatedLimit", "find_limit", "limit_range", "mentions_limit", "parse_number", "without_limit"]

_CUE = re.compile(
    r"\bl[íi]mites?\b|\blmp\b|\bm[áa]xim[oa]s?\b|\bm[áa]x\b\.?|\bnormas?\b|\bnormativ[oa]s?\b|\brequisitos?\b"
    r"|\bexigencias?\b|\bexigid[oa]\b|\btopes?\b|\badmisibles?\b|\baceptables?\b|\bpermitid[oa]s?\b"
    r"|\bno\s+debe(?:n|r[áa]n?)?\s+(?:superar|exceder|sobrepasar|pasar)\b|\bmenor(?:es)?\s+(?:que|a)\b"
    r"|\binferior(?:es)?\s+a\b|\bhasta\b|\brangos?\b|\bentre\b|\bvalor(?:es)?\s+gu[íi]a\b|\bNCh\b"
    r"|\breferencias?\b|\brecomendad[oa]s?\b",
    re.IGNORECASE,
)
# Words that state a limit only beside a measured quantity ("como referencia, 500 mg/L"), never
# beside a bare number ("ver referencia 3").
_WEAK_CUE = re.compile(r"referencias?|recomendad[oa]s?", re.IGNORECASE)
# A detection or quantification limit states the method's reach, not what the norm allows.
_DETECTION = re.compile(
    r"\bl[íi]mites?\s+(?:de|del)\s+(?:detecci|cuantifica)|\bLD\b|\bLC\b|\bdel\s+m[ée]todo\b", re.IGNORECASE
)
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


def find_limit(text: str, unit: str = "") -> StatedLimit | None:
    """The first legal limit ``text`` states with a figure, or None; ``unit`` is the table's, if known."""
    found = find_figures(text, unit)
    if not found:
        return None
    for cue in _CUE.finditer(text):
        if _is_detection(text, cue.start()):
            continue
        figure = _after(text, cue.end(), found) or _before(text, cue.start(), found)
        if figure is not None and (figure.unit or not _WEAK_CUE.fullmatch(cue.group(0))):
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


def _is_detection(text: str, position: int) -> bool:
    window = text[max(0, position - 3) : position + 40]
    return bool(_DETECTION.match(window.lstrip())) or bool(_DETECTION.search(text[position : position + 30]))


def _after(text: str, position: int, figures: list[Figure]) -> Figure | None:
    for figure in figures:
        if figure.start < position:
            continue
        between = text[position : figure.start]
        if figure.start - position > _AFTER_CHARS or _BOUNDARY.search(between) or _DETECTION.search(between):
            return None
        return figure
    return None


def _before(text: str, position: int, figures: list[Figure]) -> Figure | None:
    """A figure just before the word: "fija 1.500 mg/L como límite máximo"."""
    earlier = [f for f in figures if f.end <= position]
    if not earlier:
        return None
    figure = earlier[-1]
    between = text[figure.end : position]
    if position - figure.end > _BEFORE_CHARS or _BOUNDARY.search(between) or re.search(r"\d", between):
        return None
    return figure


def _stated(text: str, cue: re.Match[str], figure: Figure) -> StatedLimit:
    shown = figure.text
    ranged = figure.low is not None
    if ranged and re.search(r"\bentre\s+$", text[: figure.start], re.IGNORECASE):
        shown = f"entre {shown}"
    shown = re.sub(r"^(?:menor\s+(?:que|a)|inferior\s+a|bajo)\s*", "", shown, flags=re.IGNORECASE)
    start = min(cue.start(), figure.start)
    end = max(cue.end(), figure.end)
    number = None if ranged else figure.number
    return StatedLimit(shown, number, figure.unit, (start, end), figure.low, figure.high)
