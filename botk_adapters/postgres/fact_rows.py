"""Table facts to and from JSON: a chunk's ``fact`` column, as the SQLite store keeps it too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_core.domain import TableFact

_FIELDS = frozenset(field.name for field in attrs.fields(TableFact))


def to_json(fact: TableFact) -> dict[str, Any]:
    return attrs.asdict(fact)


def from_json(stored: Mapping[str, Any]) -> TableFact:
    """The fact back; JSON lists become the tuples of labels, and unknown keys are ignored."""
    values: dict[str, Any] = {}
    for key, value in stored.items():
        if key in _FIELDS:
            values[key] = tuple(value) if isinstance(value, list) else value
    return TableFact(**values)
