"""Shared builders for the tool tests: readings, a fixed clock, stations, tool runs."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_core.domain import Reading, ToolCall
from botk_core.sensors.rules import StationConfig
from botk_core.sensors.stations import StationCatalog, Stations
from botk_core.tools import Tool, ToolContext, ToolRegistry

NOW = datetime(2026, 1, 15, 15, 0, tzinfo=UTC).timestamp()
HOUR = 3600.0
DAY = 24 * HOUR
THREAD = "thread_" + "a" * 32


def reading(id_dato: int, hours_ago: float, station: str = "Iquiuca", **values: Any) -> Reading:
    values = {"nivel": 1.5, "humedad": 40.0, "temperatura": 27.0, **values}
    return Reading(
        id_dato=id_dato, estacion=station, timestamp=NOW - hours_ago * HOUR, location="Estanque", **values
    )


def week(
    start_level: float = 1.60,
    cm_per_day: float = -5.0,
    station: str = "Iquiuca",
    every_hours: float = 0.5,
    first_id: int = 1,
    hours_ago: float = 0.5,
) -> list[Reading]:
    """Seven days of readings ending ``hours_ago`` before NOW: the level changes steadily
    (with a millimetre of sensor noise), humidity and temperature follow the day."""
    count = int(7 * 24 / every_hours)
    readings = []
    for i in range(count + 1):
        age = hours_ago + (count - i) * every_hours
        level = start_level + cm_per_day / 100 * (i * every_hours / 24) + 0.001 * (-1) ** i
        daily = math.sin(2 * math.pi * i * every_hours / 24)
        values = {
            "nivel": round(level, 4),
            "humedad": round(40 - 8 * daily, 1),
            "temperatura": round(24 + 6 * daily, 1),
        }
        readings.append(reading(first_id + i, age, station=station, **values))
    return readings


def stations_of(
    readings: Sequence[Reading] = (), configured: Sequence[StationConfig] | None = None, now: float = NOW
) -> Stations:
    catalog = StationCatalog(tuple(configured)) if configured else StationCatalog()
    return Stations(InMemoryMeasurementRepository(list(readings)), catalog, clock=lambda: now)


def run(tool: Tool, **arguments: Any) -> dict[str, Any]:
    """Run ``tool`` the way a turn does and return its decoded JSON output."""
    call = ToolCall("call_1", tool.spec.name, json.dumps(arguments))
    return json.loads(ToolRegistry([tool]).run(call, ToolContext(THREAD)).output)
