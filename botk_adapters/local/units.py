"""Units written in other ways: «m³» and «metros cúbicos», «kg» and «kilos», «°C» and «grados».

A document writes "80 m³", "1,5 kg", "6 hrs" or "18 °C"; a user asks for
"metros cúbicos", "kilos", "horas" or "grados" (and the other way round). A
text that holds a unit in any of its forms is read as holding all of them, so
that a question's unit word finds the figure whatever way either side wrote it.
"""

from __future__ import annotations

import functools
import re

# unit: the words a text holding it holds
_WORDS = {
    "cubic": "m3 metro metros cubico cubicos",
    "square": "m2 metro metros cuadrado cuadrados",
    "litre": "litro litros lt lts",
    "kilo": "kg kilo kilos kilogramos",
    "degree": "grado grados celsius",
    "hour": "hora horas hrs",
    "minute": "minuto minutos min",
    "metre": "metro metros mt mts",
    "watt": "w watt watts vatio vatios",
    "volt": "v volt volts voltio voltios",
    "percent": "porcentaje porcentajes",
    "peso": "peso pesos",
}
_UNIT_WORDS = {name: frozenset(words.split()) for name, words in _WORDS.items()}
# A word that names a unit wherever it stands.
_NAMED = {
    **dict.fromkeys(("m3", "mt3", "mts3"), "cubic"),
    **dict.fromkeys(("m2", "mt2", "mts2"), "square"),
    **dict.fromkeys(("litro", "litros", "lt", "lts"), "litre"),
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogramo", "kilogramos"), "kilo"),
    **dict.fromkeys(("grado", "grados", "celsius"), "degree"),
    **dict.fromkeys(("hr", "hrs", "hora", "horas"), "hour"),
    **dict.fromkeys(("minuto", "minutos"), "minute"),
    **dict.fromkeys(("watt", "watts", "vatio", "vatios"), "watt"),
    **dict.fromkeys(("volt", "volts", "voltio", "voltios"), "volt"),
    **dict.fromkeys(("porcentaje", "porcentajes"), "percent"),
    **dict.fromkeys(("pesos", "clp"), "peso"),
}
# A symbol that is a unit only after a figure: "25 L", "6 h", "3 m", "20 W", "50 %", "18 °C".
_AFTER_FIGURE = {
    **dict.fromkeys(("l",), "litre"),
    **dict.fromkeys(("h",), "hour"),
    **dict.fromkeys(("min", "mins"), "minute"),
    **dict.fromkeys(("m", "mt", "mts"), "metre"),
    **dict.fromkeys(("w",), "watt"),
    **dict.fromkeys(("v",), "volt"),
    **dict.fromkeys(("%",), "percent"),
    **dict.fromkeys(("°", "°c", "º", "ºc"), "degree"),
}
_TOKEN = re.compile(r"\$\s?\d|[a-z0-9]+|[°º]c?|%")
_METRE = frozenset({"metro", "metros"})
_METRES_OF = {"cubic": "cubic", "cuadr": "square"}
_SEARCHED = {"cubic": "m3", "square": "m2", "litre": "litros lts", "kilo": "kg kilos", "hour": "horas hrs"}


def _units(folded: str) -> list[str]:
    """The units a folded text names, in order, each once."""
    tokens = _TOKEN.findall(folded)
    found: list[str] = []
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token.startswith("$"):
            name: str | None = "peso"
        elif token in _METRE:
            name = _METRES_OF.get(after[:5], "metre")  # "metros cúbicos", "metros cuadrados"
        elif token in _NAMED:
            name = _NAMED[token]
        elif token == "por" and after == "ciento":
            name = "percent"
        else:
            name = _AFTER_FIGURE.get(token) if index and tokens[index - 1][-1:].isdigit() else None
        if name is not None and name not in found:
            found.append(name)
    return found


@functools.lru_cache(maxsize=16384)
def unit_words(folded: str) -> frozenset[str]:
    """Every form of the units a folded text holds ("80 m3" -> "metro", "metros", "cubico", ...)."""
    found: set[str] = set()
    for name in _units(folded):
        found |= _UNIT_WORDS[name]
    return frozenset(found)


def searched_units(folded: str) -> list[str]:
    """The forms of the units a question names, for its search ("cuantos kilos" -> "kg kilos")."""
    return [_SEARCHED[name] for name in _units(folded) if name in _SEARCHED]
