"""A sampling campaign as a question names it: a month and year, the latest, the n-th, one counted back."""

from __future__ import annotations

import attrs

from botk_adapters.local.ordinals import FEMININE

MONTH_NAMES = [
    "", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
]  # fmt: skip
_BACK = ("el último muestreo", "el penúltimo muestreo", "el antepenúltimo muestreo")


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
    # A campaign counted back: ``before`` campaigns before ``anchor`` (None: the latest). ``relative``
    # when the words count from the campaign of the turn before ("el muestreo anterior").
    before: int = 0
    anchor: Campaign | None = None
    relative: bool = False
    # Years after (or before, if negative) the thread's year: "al año siguiente".
    year_shift: int = 0

    def describe(self, with_year: bool = True) -> str:
        """In words: "octubre de 2021", "octubre", "2021", "el último muestreo" (an assumed year unsaid)."""
        with_year = with_year and not self.year_assumed
        if self.before < 0:
            after = self.anchor.describe(with_year) if self.anchor else "el último muestreo"
            return (
                f"la campaña siguiente a {after}"
                if self.before == -1
                else f"{-self.before} campañas después de {after}"
            )
        if self.before:
            if self.anchor is None or self.anchor.latest:
                return _BACK[self.before] if self.before < len(_BACK) else f"{self.before} campañas antes"
            nth = FEMININE[self.before] if self.before < len(FEMININE) else f"{self.before}.ª"
            back = "la campaña anterior a" if self.before == 1 else f"la {nth} campaña antes de"
            return f"{back} {self.anchor.describe(with_year)}"
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
