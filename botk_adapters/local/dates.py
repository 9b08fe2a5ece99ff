"""Sampling campaigns in the forms people write them: "dic 2022", "12/2022", "el último muestreo".

Works on folded text (``botk_core.text.fold``), so "diciembre del 2022",
"Diciembre 2022" and "diciembre de 2022" read the same, and a month name with
one typo ("agsoto 2022") still counts when a year or "en" stands next to it.
"""

from __future__ import annotations

import re

from botk_adapters.local.campaign import MONTH_NAMES, Campaign
from botk_adapters.local.dates_back import counted_back, year_shift
from botk_adapters.local.matching import one_edit_apart

__all__ = ["MONTHS", "MONTH_NAMES", "SHORT_MONTHS", "Campaign", "find_campaign"]

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
SHORT_MONTHS = {
    "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
    "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12,
}  # fmt: skip
# Words one typo away from a month that are words of their own.
_NOT_MONTHS = frozenset({"marco", "entero", "junto", "julia", "abrir", "mayor", "agosta"})

_YEAR = r"(?:19|20)\d{2}"
_WORD = r"[a-z]+"
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_WORD})\.?(?:\s*(?:de|del|-|/)?\s*(?P<year>{_YEAR}|'?\d{{2}})\b)?")
_NUMERIC = re.compile(rf"\b(?:\d{{1,2}}[/-])?(?P<month>0?[1-9]|1[0-2])\s*[/-]\s*(?P<year>{_YEAR})\b")
# "12/22", "8/23": a month and a two-digit year (a day and a month would not go past 12 twice).
_SHORT_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<month>0?[1-9]|1[0-2])\s*/\s*(?P<year>1[3-9]|[23]\d)\b(?![/.-]\d)"
)
_ISO = re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])\b")
_YEAR_ALONE = re.compile(rf"\b(?P<year>{_YEAR})\b")
# "la última casa", "la última vivienda": the end of the network, a sampling point, no campaign.
_END_OF_LINE = r"(?:casas?|viviendas?|arranques?|llaves?|conexion(?:es)?|calles?|pasajes?|parcelas?)\b"
_LATEST = re.compile(
    r"\b(?:(?:el|la|los|las)\s+)?(?:ultim[oa]s?|mas recientes?)\s+"
    r"(?:muestreos?|campanas?|mediciones?|analisis|muestras?|informes?|datos?|resultados?|monitoreos?"
    r"|valor(?:es)?|registros?)"
    r"|\b(?:lo|el|la) mas reciente|\bla ultima vez|\bultimamente"
    rf"|\b(?:el|la) ultim[oa]\b(?!\s+{_END_OF_LINE})"
)
# "la campaña 3" (a question's "la tercera campaña", spelled by ``ordinals``): the third one in time.
# "la 2a campaña del 2022" counts the campaigns of that year.
_NTH = re.compile(
    r"\b(?:campanas?|muestreos?|monitoreos?|mediciones|medicion)\s+(?P<nth>10|[1-9])\b(?![.,/-]?\d)"
    rf"(?:\s+(?:de|del|en)\s+(?:el\s+)?(?P<year>{_YEAR})\b)?"
)
_EARLIEST = re.compile(
    r"\b(?:(?:el|la)\s+)?primer[oa]?\s+(?:muestreo|campana|medicion|analisis|muestra|monitoreo|valor|registro)"
    r"|\b(?:el|la) primer[oa]\b"
)


def find_campaign(folded: str, *, labels: bool = False) -> Campaign | None:
    """The first campaign ``folded`` names, or None.

    ``labels`` is for a table's own column labels, where a short month ("Oct-21")
    needs no year or "en" beside it.
    """
    back = counted_back(folded, find_campaign)
    if back is not None:
        return back
    for pattern, latest in ((_LATEST, True), (_EARLIEST, False)):
        found = pattern.search(folded)
        if found:
            return Campaign(latest=latest, earliest=not latest, span=found.span())
    counted = _NTH.search(folded)
    if counted:
        year = int(counted["year"]) if counted["year"] else None
        return Campaign(year=year, nth=int(counted["nth"]), span=counted.span())
    for pattern in (_ISO, _NUMERIC, _SHORT_NUMERIC):
        found = pattern.search(folded)
        if found:
            return Campaign(int(found["month"]), _year(found["year"]) or 0, span=found.span())
    for found in _MONTH_YEAR.finditer(folded):
        month = _month(found["month"], folded[: found.start()], bool(found["year"]) or labels)
        if month:
            if not found["year"]:
                return _month_alone(folded, month, (found.start(), found.end("month")))
            return Campaign(month, _year(found["year"]), span=found.span())
    shifted = year_shift(folded)
    if shifted:
        return Campaign(year_shift=shifted[0], span=shifted[1])
    found = _YEAR_ALONE.search(folded)
    return Campaign(year=int(found["year"]), span=found.span()) if found else None


def _month_alone(folded: str, month: int, span: tuple[int, int]) -> Campaign:
    """A month with no year beside it: a year counted from the thread's ("al año siguiente en junio"),
    or the one the question says elsewhere ("en el invierno del 2024, en junio")."""
    shifted = year_shift(folded)
    if shifted:
        shift, (start, end) = shifted
        return Campaign(month, year_shift=shift, span=(min(span[0], start), max(span[1], end)))
    year = _YEAR_ALONE.search(folded)
    return Campaign(month, int(year["year"]) if year else None, span=span)


def _month(word: str, before: str, has_year: bool) -> int | None:
    if word in MONTHS:
        return MONTHS[word]
    beside = has_year or bool(re.search(r"\b(?:en|de|del|mes de|hasta|desde)\s*$", before))
    if word in SHORT_MONTHS and beside:
        return SHORT_MONTHS[word]
    # A year right after it makes a shorter word a month too: «abrl 2023».
    if beside and len(word) >= (4 if has_year else 5) and word not in _NOT_MONTHS:
        return next((n for name, n in MONTHS.items() if one_edit_apart(word, name)), None)
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)
