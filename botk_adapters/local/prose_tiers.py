"""Tiers by a figure: «si gasto más de 15 metros, ¿cuánto pago?» is the line «Consumo sobre 15 m³: ...».

A passage that lists tiers («de 0 a 10 m³», «de 11 a 20 m³», «sobre 20 m³»)
answers a question that names a figure with the one tier that holds it.
"""

from __future__ import annotations

import math
import re

from botk_adapters.local.lines import LINE
from botk_adapters.local.matching import Words, holds
from botk_adapters.local.need import Need
from botk_core.text import fold

_RANGE = re.compile(r"\b(?:de|entre) (\d+) (?:a|y|hasta) (\d+)\b")
_ABOVE = re.compile(r"\b(?:sobre|mas de|mayor(?:es)? (?:a|de)|por encima de|desde) (\d+)\b")
_BELOW = re.compile(r"\b(?:hasta|menos de|bajo|menor(?:es)? (?:a|de)) (\d+)\b")
# "más de 15", "pasado los 20", "sobre 15": the figure itself is left behind.
_BEYOND = frozenset({"mas", "sobre", "pasado", "pasando", "pasados", "arriba", "encima", "mayor", "supero"})
_MIN_TIERS = 2


def tier_line(need: Need, text: str) -> str | None:
    """The one tier line of ``text`` that holds the figure the question names, or None."""
    figures = _figures(need)
    if len(figures) != 1:
        return None
    asked = figures[0]
    beyond = bool(_BEYOND & {w for pair in need.pairs for w in pair})
    bounded = [(line.strip(), _bounds(fold(line))) for line in LINE.split(text)]
    tiers = [(line, bounds) for line, bounds in bounded if bounds is not None]
    fits = [line for line, (low, high, strict) in tiers if _holds(asked, beyond, low, high, strict)]
    return fits[0] if len(tiers) >= _MIN_TIERS and len(fits) == 1 else None


def _bounds(line: str) -> tuple[float, float, bool] | None:
    """A tier's lowest and highest figure, and whether the lowest is left out («sobre 20»)."""
    if found := _RANGE.search(line):
        return (float(found.group(1)), float(found.group(2)), False)
    if found := _ABOVE.search(line):
        return (float(found.group(1)), math.inf, not found.group(0).startswith("desde"))
    if found := _BELOW.search(line):
        return (0.0, float(found.group(1)), False)
    return None


def _holds(asked: int, beyond: bool, low: float, high: float, strict: bool) -> bool:
    """Whether the tier holds the figure asked (or, «más de N», what lies just past it)."""
    value = asked + 0.5 if beyond else float(asked)
    return (low < value if strict else low <= value) and value <= high


def named_tiers(need: Need, text: str) -> str | None:
    """Every tier line of ``text`` that names what a question without a figure asks («¿y el metro
    cúbico?»: «de 0 a 15 m³: $620 por metro cúbico» and «sobre 15 m³: $890 por metro cúbico»), or None."""
    if _figures(need) or need.numbered:
        return None  # «el segundo tramo» is one of them
    words = [w for w in need.required if not w.isdigit()]
    tiers = [line.strip() for line in LINE.split(text) if _bounds(fold(line)) is not None]
    named = [line for line in tiers if words and any(holds(w, Words.of(line)) for w in words)]
    return "\n".join(named) if len(named) >= _MIN_TIERS else None


def _figures(need: Need) -> list[int]:
    """The whole numbers the question says («si ocupo 5 metros»)."""
    return sorted({int(w) for pair in need.pairs for w in pair if w.isdigit()})
