"""Indicator lights: colour words, a light that is off, blinking, and colour-code labels.

Manuals describe each component's light as short lines ("Rojo: batería
baja", "Verde parpadeando: buscando señal", "Sin luz: no recibe energía").
The document reader and the offline assistant agree here on what such a line
is, so that a colour line is never taken for the component it belongs to.
"""

from __future__ import annotations

import re

from botk_core.text import fold

COLOURS: dict[str, str] = {
    "roja": "rojo", "rojo": "rojo", "rojas": "rojo", "rojos": "rojo", "verde": "verde", "verdes": "verde",
    "amarilla": "amarillo", "amarillo": "amarillo", "amarillas": "amarillo", "azul": "azul",
    "azules": "azul", "naranja": "naranjo", "naranjo": "naranjo", "anaranjado": "naranjo",
    "anaranjada": "naranjo", "blanca": "blanco", "blanco": "blanco", "morada": "morado",
    "morado": "morado", "violeta": "morado", "celeste": "celeste", "rosado": "rosado", "rosada": "rosado",
    "magenta": "magenta", "cian": "celeste", "ambar": "ambar",
    # Written by ear from a phone: «amariyo», «amarila», «berde», «asul».
    "amariyo": "amarillo", "amariya": "amarillo", "amarilo": "amarillo", "amarila": "amarillo",
    "berde": "verde", "asul": "azul",
}  # fmt: skip

NO_LIGHT = re.compile(
    r"\b(?:sin luz|sin luces|no tiene luz|no hay luz|no prende|no enciende|no se enciende|sin encender"
    r"|ningun[ao] (?:luz|luces|lucecitas?|led|leds)(?: (?:prendid|encendid)[ao]s?)?"
    r"|no (?:tiene|hay) (?:ninguna )?(?:lucecita|led)(?: (?:prendid|encendid)[ao]s?)?"
    r"|apagad[ao]s?|luz apagada|todo apagado)\b"
)
# The state of a light besides its colour: blinking, or steady.
_BLINKING = re.compile(r"\b(?:parpade\w*|intermitent\w*|titil\w*|destell\w*|pestane\w*|prende y apaga)")
_STEADY = re.compile(r"\b(?:fij[oa]s?|continu[oa]s?|permanente\w*|sin parpadear|quiet[oa])\b")
# Words that only qualify a colour in a colour-code label ("Verde fijo", "Rojo parpadeando rápido").
_QUALIFIERS_TEXT = """
    luz luces led leds indicador piloto foco y o e con en cada vez veces seg segundo segundos rapido
    rapida rapidos lento lenta lentos lentamente alternado alternados alternando alterna breve breves
    corto cortos largo largos doble dos tres una un vez encendido encendida encendidos prendido prendida
"""
_QUALIFIERS = frozenset(_QUALIFIERS_TEXT.split())
_LEADING_LIGHT = frozenset({"luz", "led", "indicador", "piloto", "foco", "luces", "leds"})
_COLOUR_LABEL_MAX_WORDS = 6


def colour_in(text: str) -> tuple[str, tuple[int, int]] | None:
    """The colour of a light a text names, and where ("sin luz" for a light that is off).

    The span is in the folded text; a text already folded keeps its positions.
    """
    folded = fold(text)
    dark = NO_LIGHT.search(folded)
    if dark:
        return "sin luz", dark.span()
    for match in re.finditer(r"[a-z]+", folded):
        if match.group(0) in COLOURS:
            return COLOURS[match.group(0)], match.span()
    return None


def has_colour(text: str, colour: str) -> bool:
    """Whether a text names ``colour`` (anywhere, not only first)."""
    folded = fold(text)
    if colour == "sin luz":
        return bool(NO_LIGHT.search(folded))
    return any(COLOURS.get(word) == colour for word in re.findall(r"[a-z]+", folded))


def light_state(text: str) -> str | None:
    """«parpadea» for a blinking light, «fija» for a steady one, None when the text does not say."""
    folded = fold(text)
    if re.search(r"\b(?:sin|no) parpade", folded):
        return "fija"
    if _BLINKING.search(folded):
        return "parpadea"
    if _STEADY.search(folded):
        return "fija"
    return None


def is_state_word(word: str) -> bool:
    """A word that says how a light shines ("parpadea", "intermitente", "fija"), not what it is."""
    return bool(_BLINKING.fullmatch(word) or _STEADY.fullmatch(word))


def line_state(line: str) -> str | None:
    """The state a colour-code line's label gives ("Verde parpadeando: ..." -> «parpadea»)."""
    label = line.split(":", 1)[0] if ":" in line else ""
    return light_state(label) if label else None


def is_colour_label(label: str) -> bool:
    """Whether ``label`` (the part before ":") names a light's colour or state, not a component.

    "Rojo", "Verde parpadeando", "Luz azul fija", "Sin luz", "Rojo y verde
    alternados" are colour codes; "Concentrador (gateway)" or "Caja de
    protección" are the components they belong to.
    """
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(label)))
    tokens = folded.split()
    while tokens and tokens[0] in _LEADING_LIGHT:
        tokens = tokens[1:]
    if not tokens or len(tokens) > _COLOUR_LABEL_MAX_WORDS:
        return False
    rest = " ".join(tokens)
    dark = NO_LIGHT.match(rest)
    if dark:
        tokens = rest[dark.end() :].split()
    elif tokens[0] in COLOURS:
        tokens = tokens[1:]
    else:
        return False
    return all(
        t in COLOURS or t in _QUALIFIERS or t.isdigit() or _BLINKING.match(t) or _STEADY.match(t)
        for t in tokens
    )
