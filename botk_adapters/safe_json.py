"""JSON from untrusted sources with a depth and a number-size budget: a clear error, never a crash.

Python's decoder turns a 5,000-digit integer into ``ValueError`` and 100,000
nested arrays into ``RecursionError``; here both, and NaN/Infinity (not
JSON), are ``InvalidInput`` with a message that says what was wrong.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from botk_core.errors import InvalidInput


@attrs.frozen
class JsonBudget:
    """How deep a document may nest and how many characters one number may have."""

    max_depth: int = 64
    max_number_chars: int = 100
    # Each value costs 50-70 bytes once parsed: a 16 MB body of "{}," would take 400 MB.
    max_items: int = 2_000_000


DEFAULT_BUDGET = JsonBudget()


def loads(text: str | bytes, budget: JsonBudget = DEFAULT_BUDGET, source: str = "El JSON") -> Any:
    """Parse ``text``; raise ``InvalidInput`` (Spanish, naming ``source``) on anything off-budget."""

    def number(kind: type[int] | type[float]) -> Any:
        def parse(raw: str) -> int | float:
            if len(raw) > budget.max_number_chars:
                raise InvalidInput(f"{source} tiene un número de más de {budget.max_number_chars} cifras.")
            return kind(raw)

        return parse

    def constant(raw: str) -> Any:
        raise InvalidInput(f"{source} tiene un valor que no es JSON ({raw}).")

    if _items(text) > budget.max_items:
        raise InvalidInput(f"{source} tiene más de {budget.max_items} valores.")
    try:
        value = json.loads(text, parse_int=number(int), parse_float=number(float), parse_constant=constant)
    except RecursionError:
        raise _too_deep(source, budget) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = f" (línea {error.lineno})" if isinstance(error, json.JSONDecodeError) else ""
        raise InvalidInput(f"{source} no es JSON válido{where}.") from None
    if depth_over(value, budget.max_depth):
        raise _too_deep(source, budget)
    return value


def _items(text: str | bytes) -> int:
    """An upper bound of the values in ``text``, counted without parsing (commas inside strings too)."""
    if isinstance(text, str):
        return text.count(",") + text.count("[") + text.count("{")
    return text.count(b",") + text.count(b"[") + text.count(b"{")


def depth_over(value: Any, limit: int) -> bool:
    """Whether ``value`` nests lists/objects deeper than ``limit`` (without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _too_deep(source: str, budget: JsonBudget) -> InvalidInput:
    return InvalidInput(f"{source} anida listas u objetos a más de {budget.max_depth} niveles.")
