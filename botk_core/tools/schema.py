"""A small JSON Schema validator for the subset tool parameters use."""

from __future__ import annotations

from collections.abc import Mapping

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}


def validate(value: object, schema: Mapping[str, object], path: str = "arguments") -> list[str]:
    """Return the problems of ``value`` against ``schema`` (empty when valid).

    Supports type, properties, required, additionalProperties, enum,
    minimum/maximum, minLength/maxLength and items: enough for tool
    parameters, with messages precise enough for a model to correct itself.
    """
    problems: list[str] = []
    expected = schema.get("type")
    if isinstance(expected, str) and not _has_type(value, expected):
        return [f"{path} must be of type {expected}"]
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        problems.append(f"{path} must be one of {enum}")
    problems += _check_bounds(value, schema, path)
    if isinstance(value, dict):
        problems += _check_object(value, schema, path)
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            problems += validate(item, schema["items"], f"{path}[{index}]")  # type: ignore[arg-type]
    return problems


def _has_type(value: object, expected: str) -> bool:
    if isinstance(value, bool) and expected in ("integer", "number"):
        return False
    return isinstance(value, _TYPES.get(expected, (object,)))


def _check_bounds(value: object, schema: Mapping[str, object], path: str) -> list[str]:
    problems = []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        if isinstance(low, (int, float)) and value < low:
            problems.append(f"{path} must be >= {low}")
        if isinstance(high, (int, float)) and value > high:
            problems.append(f"{path} must be <= {high}")
    if isinstance(value, str):
        shortest, longest = schema.get("minLength"), schema.get("maxLength")
        if isinstance(shortest, int) and len(value.strip()) < shortest:
            problems.append(f"{path} must have at least {shortest} characters")
        if isinstance(longest, int) and len(value) > longest:
            problems.append(f"{path} must have at most {longest} characters")
    return problems


def _check_object(value: dict[str, object], schema: Mapping[str, object], path: str) -> list[str]:
    problems = []
    properties = schema.get("properties")
    properties = properties if isinstance(properties, Mapping) else {}
    required = schema.get("required")
    for name in required if isinstance(required, list) else []:
        if name not in value:
            problems.append(f"{path}.{name} is required")
    for name, item in value.items():
        if name in properties:
            problems += validate(item, properties[name], f"{path}.{name}")
        elif schema.get("additionalProperties") is False:
            problems.append(f"{path}.{name} is not a known parameter")
    return problems
