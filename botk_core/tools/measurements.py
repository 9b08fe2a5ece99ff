"""The ``get_promedio`` and ``get_promedio_estacional`` tools over sensor readings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_core.domain import ToolSpec
from botk_core.errors import ToolFailed
from botk_core.sensors.stations import ALL, Stations, station_key
from botk_core.sensors.summary import left_out_of, left_out_sentence
from botk_core.tools.averages import (
    ASSUMED_YEAR,
    RELATIVE,
    all_averages,
    asked_window,
    local_time,
    station_averages,
)
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.results import Provenance, SeasonalAverages, SeasonMeans
from botk_core.tools.seasons import seasonal_means

__all__ = [
    "ESTACIONAL_SPEC",
    "GET_PROMEDIO",
    "GET_PROMEDIO_ESTACIONAL",
    "PROMEDIO_SPEC",
    "local_time",
    "promedio_estacional_tool",
    "promedio_tool",
    "station_averages",
]

GET_PROMEDIO = "get_promedio"
GET_PROMEDIO_ESTACIONAL = "get_promedio_estacional"
FIELDS_KEY = "campos"
FIELDS = ("temperatura", "humedad", "nivel")

PROMEDIO_SPEC = ToolSpec(
    name=GET_PROMEDIO,
    description=(
        "Promedio de temperatura (°C), humedad del aire (%) y nivel del estanque (m) "
        "de una estación de sensores (o de todas con «todas»). Usa todas sus lecturas, o solo "
        "las del período indicado de UNA forma: los últimos `dias` días, las últimas `horas` "
        "horas (si no hay datos en ese lapso, usa el mismo lapso antes del último dato y lo "
        "dice), o entre las fechas locales `desde` y `hasta` (ISO 8601, incluidas; basta una). "
        "Deja fuera las lecturas sin medición o anómalas y dice cuántas."
    ),
    parameters={
        "type": "object",
        "properties": {
            "estacion": {
                "type": "string",
                "minLength": 1,
                "description": "Estación, p. ej. Iquiuca, o «todas».",
            },
            "dias": {"type": "integer", "minimum": 1, "maximum": 3650, "description": "Últimos N días."},
            "horas": {"type": "integer", "minimum": 1, "maximum": 87600, "description": "Últimas N horas."},
            "desde": {
                "type": "string",
                "minLength": 10,
                "maxLength": 19,
                "description": "Desde esta fecha (2023-09-01) u hora local (2023-09-01T08:00), incluida.",
            },
            "hasta": {
                "type": "string",
                "minLength": 10,
                "maxLength": 19,
                "description": "Hasta esta fecha (incluido todo ese día) u hora local.",
            },
            ASSUMED_YEAR: {
                "type": "boolean",
                "description": (
                    "true si el usuario no dijo el año de desde/hasta («en marzo»): si ese período no "
                    "tiene datos, usa las mismas fechas del último año anterior con datos y lo dice."
                ),
            },
            RELATIVE: {
                "type": "boolean",
                "description": (
                    "true si el usuario nombró el período desde hoy («ayer», «la semana pasada», «el mes "
                    "pasado»): si no tiene datos, usa un período igual que termina con el último dato y "
                    "lo dice."
                ),
            },
            FIELDS_KEY: {
                "type": "array",
                "items": {"type": "string", "enum": list(FIELDS)},
                "description": (
                    "Las mediciones que pidió el usuario (todas si falta); se calculan igual las tres."
                ),
            },
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


def promedio_tool(stations: Stations) -> Tool:
    """Build ``get_promedio``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        name, window = arguments["estacion"], asked_window(arguments, stations)
        fields = tuple(f for f in FIELDS if f in (arguments.get(FIELDS_KEY) or ()))
        if station_key(name) != ALL:
            one = station_averages(stations, stations.resolve(name), window)
            return ToolResult(attrs.evolve(one, fields=fields))
        every = all_averages(stations, window)
        return ToolResult(
            attrs.evolve(every, stations=tuple(attrs.evolve(s, fields=fields) for s in every.stations))
        )

    return Tool(PROMEDIO_SPEC, handler)


def promedio_estacional_tool(stations: Stations) -> Tool:
    """Build ``get_promedio_estacional``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        name = arguments.get("estacion")
        station = stations.resolve(name) if name and station_key(name) != ALL else None
        readings = list(stations.repo.readings(station))
        seasons = seasonal_means(readings, stations.zone)
        if not seasons:
            raise ToolFailed("No hay lecturas de sensores para calcular promedios por estación del año.")
        left_out = left_out_of(readings)
        return ToolResult(
            SeasonalAverages(
                station=station or ALL,
                seasons={season: SeasonMeans(**_season_keys(values)) for season, values in seasons.items()},
                left_out=left_out,
                quality_note=left_out_sentence(left_out),
                provenance=Provenance.of(stations.repo.has_synthetic()),
            )
        )

    return Tool(ESTACIONAL_SPEC, handler)


def _season_keys(values: Mapping[str, float | int | None]) -> dict[str, Any]:
    names = {"temperatura": "temperature", "humedad": "humidity", "nivel": "level", "n": "n"}
    return {names[k]: v for k, v in values.items()}
