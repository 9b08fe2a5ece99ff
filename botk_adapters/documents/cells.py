"""What a table cell says: a number with a decimal comma, below detection, not measured or text.

Also the parts of a caption or header that name a parameter, its unit and its
legal limit ("Tabla 8: Manganeso ... Límite máximo permitido: 0,1 mg/L").
"""

from __future__ import annotations

import re

import attrs

from botk_core.domain import ValueKind
from botk_core.limits import find_limit, parse_number
from botk_core.phrasing import MONTHS
from botk_core.text import fold

_NUMBER = r"[+-]?(?:\d{1,3}(?:\.\d{3})+,\d+|\d+(?:[.,]\d+)?)"
# A mark after a value points to the note under the table that explains it ("0,1400*", "2,2 (a)", "23†").
_MARK = r"\*+|†+|‡+|\([a-z*]\)|[¹²³]"
_VALUE = re.compile(
    rf"^(?P<below><|≤|&lt;)?\s*(?P<number>{_NUMBER})\s*(?P<star>{_MARK})?\s*"
    rf"(?P<unit>[a-zA-Zµ°%][\w/°%.]{{0,12}})?\s*(?P<star2>{_MARK})?$"
)
_NOT_MEASURED = {
    *("-", "–", "—", "--", "s/i", "s/d", "s/m", "n/m", "nm", "n.m."),
    *("no medido", "sin dato", "sin muestra", "no aplica"),
}
_NOT_DETECTED = {"nd", "n.d.", "n/d", "no detectado", "<ld", "< ld", "bajo ld"}
_UNIT = re.compile(r"^(?P<name>.*?)\s*[\[(](?P<unit>[^\])]{1,20})[\])]\s*$")
_LABEL = re.compile(r"^(?:tabla|cuadro|table)\s*(?:n[°º.]?\s*)?\d+\s*[:.\-–—]?\s*", re.IGNORECASE)
_PARAMETER_END = re.compile(
    r"\s+(?:presente|present|en\s+(?:las?\s+|los?\s+)?muestras?|en\s+agua|medid[oa])\b|[.:;,(]"
)
_PARAMETER_START = re.compile(
    r"^(?:concentraci[óo]n|resultados?|an[áa]lisis|contenido)\s+de\s+(?:la\s+|el\s+)?", re.I
)
_CAMPAIGN = re.compile(rf"\b(?:(?:19|20)\d\d|campa[ñn]a|muestreo|{'|'.join(MONTHS)})\b")


@attrs.frozen
class CellValue:
    """A cell's text as printed and what it means."""

    text: str
    kind: ValueKind
    number: float | None = None
    starred: bool = False
    # The mark that ties the value to a line of the table's note ("*", "**", "(a)").
    mark: str = ""


def read_value(text: str) -> CellValue:
    """``<0,005`` -> below detection (0.005); ``-`` -> not measured; ``0,1400*`` -> 0.14, starred."""
    raw = " ".join(text.split())
    folded = fold(raw)
    if folded in _NOT_MEASURED:
        return CellValue(raw, "not_measured")
    if folded in _NOT_DETECTED:
        return CellValue(raw, "below_detection")
    match = _VALUE.match(raw)
    if match is None:
        return CellValue(raw, "text")
    number = to_number(match.group("number"))
    kind: ValueKind = "below_detection" if match.group("below") else "value"
    mark = match.group("star") or match.group("star2") or ""
    return CellValue(raw, kind, number, bool(mark), mark)


def looks_like_value(text: str) -> bool:
    """Whether a cell holds a measurement (a number, ``<x``, ``-``), not a label."""
    return read_value(text).kind != "text"


def to_number(text: str) -> float:
    """A number written with a decimal comma (and maybe dots for thousands: "1.685"), or a decimal point."""
    return parse_number(text)


@attrs.frozen
class Limit:
    text: str = ""
    number: float | None = None
    unit: str = ""


def read_limit(text: str, unit: str = "") -> Limit:
    """The legal limit a caption, header or note states, in any of the field's wordings."""
    found = find_limit(text, unit)
    return Limit(found.text, found.number, found.unit) if found else Limit()


def table_name(caption: str) -> str:
    """ "Tabla 9" from "Tabla 9: Plomo ..."; empty when the caption has no number."""
    match = _LABEL.match(caption.strip())
    return match.group(0).strip(" :.-–—") if match else ""


def caption_parameter(caption: str) -> str:
    """The parameter a caption is about: "Tabla 8: Manganeso presente en ..." -> "Manganeso"."""
    rest = _PARAMETER_START.sub("", _LABEL.sub("", caption.strip()))
    if not _LABEL.match(caption.strip()):
        return ""
    name = _PARAMETER_END.split(rest, maxsplit=1)[0].strip()
    return name if 0 < len(name) <= 40 else ""


def split_unit(label: str) -> tuple[str, str]:
    """("Manganeso", "mg/L") from "Manganeso [mg/L]"; (label, "") without a unit."""
    match = _UNIT.match(label.strip())
    return (match.group("name").strip(), match.group("unit").strip()) if match else (label.strip(), "")


def is_campaign(label: str) -> bool:
    """Whether a column label names a sampling campaign (a month, a year) rather than a parameter."""
    return bool(_CAMPAIGN.search(fold(label)))
