"""Sampling campaigns in the forms people write them: "dic 2022", "12/2022", "el último muestreo".

Works on folded text (``botk_core.text.fold``), so "diciembre del 2022",
"Diciembre 2022" and "diciembre de 2022" read the same, and a month name with
one typo ("agsoto 2022") still counts when a year or "en" stands next to it.
"""

from __future__ import annotations

import re

import attrs

from botk_adapters.local.matching import one_edit_apart
from botk_adapters.local.ordinals import FEMININE

MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
SHORT_MONTHS = {
    "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
    "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12,
}  # fmt: skip
MONTH_NAMES = [
    "", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
]  # fmt: skip
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
_LATEST = re.compile(
    r"\b(?:(?:el|la|los|las)\s+)?(?:ultim[oa]s?|mas recientes?)\s+"
    r"(?:muestreos?|campanas?|mediciones?|analisis|muestras?|informes?|datos?|resultados?|monitoreos?"
    r"|valor(?:es)?|registros?)"
    r"|\b(?:lo|el|la) mas reciente|\bla ultima vez|\bultimamente|\b(?:el|la) ultim[oa]\b"
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


@attrs.frozen
class Campaign:
    """A month and/or year, or the latest/earliest campaign; ``span`` is where the text says it."""

    month: int | None = None
    year: int | None = None
    latest: bool = False
    earliest: bool = False
    span: tuple[int, int] = (0, 0)
    # The n-th campaign in time ("la tercera campaña"), when the question counts them.
    nth: int | None = None
    # The year came from an earlier turn ("¿y en agosto?"): a campaign of that month in another year
    # answers when that year has none.
    year_assumed: bool = False

    def describe(self, with_year: bool = True) -> str:
        """In words: "octubre de 2021", "octubre", "2021", "el último muestreo" (an assumed year unsaid)."""
        with_year = with_year and not self.year_assumed
        if self.latest:
            return "el último muestreo"
        if self.earliest:
            return "el primer muestreo"
        if self.nth:
            return f"la {FEMININE[self.nth]} campaña" + (
                f" de {self.year}" if self.year and with_year else ""
            )
        month = MONTH_NAMES[self.month] if self.month else ""
        year = str(self.year) if self.year and with_year else ""
        return " de ".join(part for part in (month, year) if part)

    def matches(self, other: Campaign) -> bool:
        """Whether ``other`` (a table column's campaign) is this one, for the parts this one names."""
        if self.month and self.month != other.month:
            return False
        return not (self.year and self.year != other.year)

    @property
    def order(self) -> tuple[int, int]:
        return (self.year or 0, self.month or 0)


def find_campaign(folded: str, *, labels: bool = False) -> Campaign | None:
    """The first campaign ``folded`` names, or None.

    ``labels`` is for a table's own column labels, where a short month ("Oct-21")
    needs no year or "en" beside it.
    """
    for pattern, flag in ((_LATEST, "latest"), (_EARLIEST, "earliest")):
        found = pattern.search(folded)
        if found:
            return Campaign(**{flag: True}, span=found.span())
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
            end = found.end() if found["year"] else found.end("month")
            return Campaign(month, _year(found["year"]), span=(found.start(), end))
    found = _YEAR_ALONE.search(folded)
    return Campaign(year=int(found["year"]), span=found.span()) if found else None


def _month(word: str, before: str, has_year: bool) -> int | None:
    if word in MONTHS:
        return MONTHS[word]
    beside = has_year or bool(re.search(r"\b(?:en|de|del|mes de|hasta|desde)\s*$", before))
    if word in SHORT_MONTHS and beside:
        return SHORT_MONTHS[word]
    if beside and len(word) >= 5 and word not in _NOT_MONTHS:
        return next((n for name, n in MONTHS.items() if one_edit_apart(word, name)), None)
    return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)
