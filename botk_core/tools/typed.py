"""Typed tool outputs: attrs classes to JSON at the registry's edge, and back for readers.

A field may carry the JSON key the model sees (``key("estacion")``), so that
identifiers stay English while the keys keep the original service's Spanish.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

T = TypeVar("T")
JSON_KEY = "json_key"


def key(name: str, **options: Any) -> Any:
    """An attrs field serialised under the JSON key ``name``."""
    return attrs.field(metadata={JSON_KEY: name}, **options)


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data: attrs instances become objects, enums their values."""
    if attrs.has(type(value)):
        return {
            field.metadata.get(JSON_KEY, field.name): to_json(getattr(value, field.name))
            for field in attrs.fields(type(value))
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(cls: type[T], data: Any) -> T:
    """An instance of the attrs class ``cls`` from ``to_json`` data; ``ValueError`` if it does not fit."""
    result: T = _build(cls, data)
    return result


def _build(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if hint is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(hint), data)
    if origin in (tuple, list):
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        item = typing.get_args(hint)[0]
        return origin(_build(item, value) for value in data)
    if origin in (dict, Mapping):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, got {type(data).__name__}")
        value_hint = typing.get_args(hint)[1]
        return {k: _build(value_hint, v) for k, v in data.items()}
    if isinstance(hint, type) and attrs.has(hint):
        return _instance(hint, data)
    return _scalar(hint, data)


def _union(options: tuple[Any, ...], data: Any) -> Any:
    if data is None and type(None) in options:
        return None
    for option in options:
        if option is not type(None):
            try:
                return _build(option, data)
            except ValueError:
                continue
    raise ValueError(f"{data!r} fits none of {options}")


def _instance(cls: type, data: Any) -> Any:
    if not isinstance(data, Mapping):
        raise ValueError(f"{cls.__name__}: expected an object")
    hints = typing.get_type_hints(cls)
    values = {}
    for field in attrs.fields(cls):
        name = field.metadata.get(JSON_KEY, field.name)
        if name in data:
            values[field.alias] = _build(hints[field.name], data[name])
        elif field.default is attrs.NOTHING:
            raise ValueError(f"{cls.__name__}: missing {name}")
    return cls(**values)


def _scalar(hint: Any, data: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(data)
    if hint is type(None) and data is None:
        return None
    if hint is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if hint in (int, str, bool) and type(data) is hint:
        return data
    raise ValueError(f"{data!r} is not a {getattr(hint, '__name__', hint)}")
