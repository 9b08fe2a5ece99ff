"""Table facts as JSON in a chunk's row, and back."""

from __future__ import annotations

import json
from typing import Any

import attrs

from botk_core.domain import TableFact


def fact_to_json(fact: TableFact | None) -> str | None:
    return None if fact is None else json.dumps(attrs.asdict(fact), ensure_ascii=False)


def fact_from_json(text: str | None) -> TableFact | None:
    if not text:
        return None
    data: dict[str, Any] = json.loads(text)
    data["row"], data["column"] = tuple(data.get("row", ())), tuple(data.get("column", ()))
    fields = {f.name for f in attrs.fields(TableFact)}
    return TableFact(**{k: v for k, v in data.items() if k in fields})
