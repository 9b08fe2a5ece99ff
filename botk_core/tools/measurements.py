"""The ``get_promedio`` and ``get_promedio_estacional`` tools over sensor readings."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from botk_core.domain import Averages, ToolSpec
from botk_core.errors import ToolFailed
from botk_core.ports import MeasurementRepository
from botk_core.text import same_name
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.seasons import local_zone, seasonal_means

GET_PROMEDIO = "get_promedio"
GET_PROMEDIO_ESTACIONAL = "get_promedio_estacional"
SYNTHETIC_NOTICE = "Datos sintéticos de demostración: no son mediciones reales."
UNITS = {"temperatura": "°C", "humedad": "%", "nivel": "m"}
DAY = 86_400.0

PROMEDIO_SPEC = ToolSpec(
    name=GET_PROMEDIO,
    description=(
        "Promedio de temperatura (°C), humedad del aire (%) y nivel del estanque (m) "
        "de una estación de sensores. Usa todas sus lecturas, o solo las de los "
        "últimos `dias` días si se indica."
    ),
    parameters={
        "type": "object",
        "properties": {
            "estacion": {"type": "string", "minLength": 1, "description": "Estación, p. ej. Iquiuca."},
            "dias": {"type": "integer", "minimum": 1, "maximum": 3650, "description": "Últimos N días."},
        },
        "required": ["estacion"],
        "additionalProperties": False,
    },
)

ESTACIONAL_SPEC = ToolSpec(
    name=GET_PROMEDIO_ESTACIONAL,
    description=(
        "Promedios de temperatura, humedad y nivel por estación del año (hemisferio sur: "
        "Verano dic-feb, Otoño mar-may, Invierno jun-ago, Primavera sep-nov). Todas las "
        "estaciones de sensores si no se indica una."
    ),
    parameters={
        "type": "object",
        "properties": {
            "estacion": {"type": "string", "minLength": 1, "description": "Estación de sensores."}
        },
        "additionalProperties": False,
    },
)


def resolve_station(repo: MeasurementRepository, name: str) -> str:
    """The stored station called ``name`` (ignoring case and accents)."""
    known = repo.stations()
    for station in known:
        if same_name(station, name):
            return station
    listed = ", ".join(known) if known else "ninguna"
    raise ToolFailed(f"no hay lecturas de la estación '{name}'. Estaciones con datos: {listed}")


def local_time(timestamp: float | None, zone: tzinfo) -> str | None:
    """A timestamp as local ISO time to the minute."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, zone).isoformat(timespec="minutes")


def synthetic_fields(repo: MeasurementRepository) -> dict[str, Any]:
    """The marks every output built from synthetic readings carries."""
    return {"datos_sinteticos": True, "aviso": SYNTHETIC_NOTICE} if repo.has_synthetic() else {}


def means(averages: Averages) -> dict[str, float | None]:
    """The three means rounded to 2 decimals."""
    values = {f: getattr(averages, f) for f in UNITS}
    return {f: None if v is None else round(v, 2) for f, v in values.items()}


def promedio_tool(
    repo: MeasurementRepository, clock: Callable[[], float] = time.time, zone: tzinfo | None = None
) -> Tool:
    """Build ``get_promedio``."""
    tz = zone or local_zone()

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        station = resolve_station(repo, arguments["estacion"])
        days = arguments.get("dias")
        since = clock() - days * DAY if days else None
        averages = repo.averages(station, since=since)
        if averages.n == 0:
            window = " en el último día" if days == 1 else f" en los últimos {days} días"
            raise ToolFailed(f"no hay lecturas de la estación {station}{window}")
        output = {
            "estacion": station,
            "promedio": means(averages),
            "unidades": UNITS,
            "lecturas": averages.n,
            "desde": local_time(averages.first_timestamp, tz),
            "hasta": local_time(averages.last_timestamp, tz),
        }
        return ToolResult({**output, **synthetic_fields(repo)})

    return Tool(PROMEDIO_SPEC, handler)


def promedio_estacional_tool(repo: MeasurementRepository, zone: tzinfo | None = None) -> Tool:
    """Build ``get_promedio_estacional``."""
    tz = zone or local_zone()

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        name = arguments.get("estacion")
        station = resolve_station(repo, name) if name else None
        seasons = seasonal_means(repo.readings(station), tz)
        if not seasons:
            raise ToolFailed("no hay lecturas de sensores para calcular promedios estacionales")
        output = {"estacion": station or "todas", "promedios": seasons, "unidades": UNITS}
        return ToolResult({**output, **synthetic_fields(repo)})

    return Tool(ESTACIONAL_SPEC, handler)
