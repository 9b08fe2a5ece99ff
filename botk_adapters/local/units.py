"""Units written in other ways: «m³» and «metros cúbicos», «kg» and «kilos», «°C» and «grados».

A document writes "80 m³", "1,5 kg", "6 hrs" or "18 °C"; a user asks for
"metros cúbicos", "kilos", "horas" or "grados" (and the other way round). A
text that holds a unit in any of its forms is read as holding all of them, so
that a question's unit word finds the figure whatever way either side wrote it.
"""

from __future__ import annotations

import re

_AFTER_FIGURE = r"(?<=\d)\s*"
# name: (forms, as folded regular expressions; the words a text holding one of them holds)
_UNITS: dict[str, tuple[str, str]] = {
    "cubic": (r"\bm3\b|\bmts?3\b|\bmetros? cubicos?\b", "m3 metro metros cubico cubicos"),
    "square": (r"\bm2\b|\bmts?2\b|\bmetros? cuadrados?\b", "m2 metro metros cuadrado cuadrados"),
    "litre": (rf"{_AFTER_FIGURE}(?:l|lt|lts)\b|\blitros?\b|\blts?\b", "litro litros lt lts"),
    "kilo": (rf"{_AFTER_FIGURE}kgs?\b|\bkgs?\b|\bkilos?\b|\bkilogramos?\b", "kg kilo kilos kilogramos"),
    "degree": (rf"{_AFTER_FIGURE}[°º]\s*c?\b|\bgrados?\b|\bcelsius\b", "grado grados celsius"),
    "hour": (rf"{_AFTER_FIGURE}(?:h|hr|hrs)\b|\bhrs?\b|\bhoras?\b", "hora horas hrs"),
    "minute": (rf"{_AFTER_FIGURE}(?:min|mins)\b|\bminutos?\b", "minuto minutos min"),
    "metre": (rf"{_AFTER_FIGURE}(?:m|mt|mts)\b|\bmetros?\b(?! cu)", "metro metros mt mts"),
    "watt": (rf"{_AFTER_FIGURE}w\b|\bwatts?\b|\bvatios?\b", "w watt watts vatio vatios"),
    "volt": (rf"{_AFTER_FIGURE}v\b|\bvolts?\b|\bvoltios?\b", "v volt volts voltio voltios"),
    "percent": (rf"{_AFTER_FIGURE}%|\bporcentajes?\b|\bpor ciento\b", "porcentaje porcentajes"),
    "peso": (r"\$\s?\d|\bpesos\b|\bclp\b", "peso pesos"),
}  # fmt: skip
_FORMS = re.compile("|".join(f"(?P<{name}>{forms})" for name, (forms, _) in _UNITS.items()))
_WORDS = {name: frozenset(words.split()) for name, (_, words) in _UNITS.items()}
_HINT = re.compile(
    r"[0-9°º$%]|porcentaje|ciento|metro|litro|lt|kilo|kg|grado|celsius|hora|hr|min|watt|vatio|volt|peso|clp|mt"
)


# The form a search can match when the question writes a unit otherwise ("kilos" finds "1,5 kg").
_SEARCHED = {"cubic": "m3", "square": "m2", "litre": "litros lts", "kilo": "kg kilos", "hour": "horas hrs"}


def searched_units(folded: str) -> list[str]:
    """The forms of the units a question names, for its search ("cuantos kilos" -> "kg kilos")."""
    found = [match.lastgroup for match in _FORMS.finditer(folded) if match.lastgroup in _SEARCHED]
    return [_SEARCHED[name] for name in dict.fromkeys(found) if name]


def unit_words(folded: str) -> frozenset[str]:
    """Every form of the units a folded text holds ("80 m3" -> "metro", "metros", "cubico", ...)."""
    if not _HINT.search(folded):
        return frozenset()
    found: set[str] = set()
    for match in _FORMS.finditer(folded):
        if match.lastgroup:
            found |= _WORDS[match.lastgroup]
    return frozenset(found)
