"""The ``get_promedio`` and ``get_promedio_estacional`` tools over sensor readings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from botk_core.domain import ToolSpec
from botk_core.errors import ToolFailed
from botk_core.sensors import spanish
from botk_core.sensors.stations import ALL, Stations, station_key
from botk_core.sensors.summary import left_out_of, left_out_sentence
from botk_core.sensors.window import choose_window
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.results import (
    AllAverages,
    Means,
    Provenance,
    SeasonalAverages,
    SeasonMeans,
    StationAverages,
    WindowNote,
)
from botk_core.tools.seasons import seasonal_means

GET_PROMEDIO = "get_promedio"
GET_PROMEDIO_ESTACIONAL = "get_promedio_estacional"

PROMEDIO_SPEC = ToolSpec(
    name=GET_PROMEDIO,
    description=(
        "Promedio de temperatura (°C), humedad del aire (%) y nivel del estanque (m) "
        "de una estación de sensores (o de todas con «todas»). Usa todas sus lecturas, o "
        "solo las de los últimos `dias` días si se indica; si no hay datos en ese período, "
        "usa los últimos `dias` días con datos y lo dice. Deja fuera las lecturas sin "
        "medición o anómalas y dice cuántas."
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


def local_time(timestamp: float | None, zone: tzinfo) -> str | None:
    """A timestamp as local ISO time to the minute."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, zone).isoformat(timespec="minutes")


def station_averages(stations: Stations, station: str, days: int | None) -> StationAverages:
    """The means of one station, over ``days`` before now (or before its last data)."""
    repo, zone = stations.repo, stations.zone
    latest = repo.latest(station)
    if latest is None:
        raise ToolFailed(f"No hay lecturas de la estación {station}.")
    note, since, until = _window(stations, days, latest.timestamp) if days else (None, None, None)
    averages = repo.averages(station, since=since, until=until)
    first, final = averages.first_timestamp, averages.last_timestamp
    return StationAverages(
        station=station,
        means=Means.of(averages),
        readings=averages.n,
        since=local_time(first, zone),
        until=local_time(final, zone),
        period=spanish.period(first, final, zone) if first is not None and final is not None else None,
        window=note,
        left_out=averages.left_out,
        quality_note=left_out_sentence(averages.left_out),
        provenance=Provenance.of(repo.has_synthetic()),
    )


def _window(stations: Stations, days: int, last: float) -> tuple[WindowNote, float, float]:
    """The last ``days`` before now, or before the last data when there is none since then."""
    window = choose_window(stations.now(), days, last)
    when = spanish.when(last, stations.now(), stations.zone) if window.fallback else None
    note = WindowNote(
        requested=spanish.window_name(days),
        used=window.name(stations.zone),
        fallback=window.fallback,
        last_data=when,
    )
    return note, window.since, window.until


def promedio_tool(stations: Stations) -> Tool:
    """Build ``get_promedio``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        name, days = arguments["estacion"], arguments.get("dias")
        if station_key(name) != ALL:
            return ToolResult(station_averages(stations, stations.resolve(name), days))
        found = [station_averages(stations, s, days) for s in stations.repo.stations()]
        if not found:
            raise ToolFailed("No hay lecturas de ninguna estación de sensores.")
        provenance = Provenance.of(stations.repo.has_synthetic())
        return ToolResult(AllAverages(station=ALL, stations=tuple(found), provenance=provenance))

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
