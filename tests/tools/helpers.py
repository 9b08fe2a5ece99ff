"""Shared builders for the tool tests: readings, a fixed clock, tool runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from botk_core.domain import Reading, ToolCall
from botk_core.tools import Tool, ToolContext, ToolRegistry

NOW = datetime(2026, 1, 15, 15, 0, tzinfo=UTC).timestamp()
HOUR = 3600.0
THREAD = "thread_" + "a" * 32


def reading(id_dato: int, hours_ago: float, station: str = "Iquiuca", **values: Any) -> Reading:
    values = {"nivel": 1.5, "humedad": 40.0, "temperatura": 27.0, **values}
    return Reading(
        id_dato=id_dato, estacion=station, timestamp=NOW - hours_ago * HOUR, location="Estanque", **values
    )


def run(tool: Tool, **arguments: Any) -> dict[str, Any]:
    """Run ``tool`` the way a turn does and return its decoded JSON output."""
    call = ToolCall("call_1", tool.spec.name, json.dumps(arguments))
    return json.loads(ToolRegistry([tool]).run(call, ToolContext(THREAD)).output)
