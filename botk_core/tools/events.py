"""``get_eventos``: what happened in a station's data (empty tank, silent station, anomalous readings)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from botk_core.domain import Reading, ToolSpec
from botk_core.sensors import spanish
from botk_core.sensors.anomalies import episodes
from botk_core.sensors.events import Event, EventKind, find_events
from botk_core.sensors.periods import Period, period_of
from botk_core.sensors.rules import DAY
from botk_core.sensors.stations import Stations
from botk_core.sensors.summary import left_out_of
from botk_core.tools.averages import local_time, no_data_in
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.results import Provenance
from botk_core.tools.results_diagnosis import EventOut
from botk_core.tools.results_events import EventRules, EventsResult, StationEvents

GET_EVENTOS = "get_eventos"
EMPTY, SILENT, ANOMALOUS = "estanque_vacio", "sin_datos", "lecturas_anomalas"
HISTORY_DAYS = 366  # without dates: the last year of each station's data
MAX_LISTED = 10

EVENTOS_SPEC = ToolSpec(
    name=GET_EVENTOS,
    description=(
        "Eventos reales en las lecturas de una estación de sensores (o de todas): el estanque "
        "vacío por horas, la estación sin enviar datos, y lecturas anómalas (picos, saltos, "
        "sensor pegado en un valor), cada uno con sus fechas. Sin fechas mira el último año de "
        "datos de cada estación. Úsalo para «¿estuvo vacío el estanque?», «¿hubo cortes?», "
        "«¿cuándo dejó de enviar datos?»."
    ),
    parameters={
        "type": "object",
        "properties": {
            "estacion": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "description": "Sin ella, todas.",
            },
            "tipo": {"type": "string", "enum": [EMPTY, SILENT, ANOMALOUS], "description": "Sin él, todos."},
            "desde": {"type": "string", "minLength": 10, "maxLength": 19, "description": "Fecha local ISO."},
            "hasta": {"type": "string", "minLength": 10, "maxLength": 19, "description": "Fecha local ISO."},
        },
        "additionalProperties": False,
    },
)


class _Events:
    def __init__(self, stations: Stations) -> None:
        self.stations = stations

    def run(self, arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        s = self.stations
        since, until = arguments.get("desde"), arguments.get("hasta")
        period = period_of(since, until, s.zone, s.now()) if since or until else None
        kind = arguments.get("tipo")
        found = tuple(self._station(name, kind, period) for name in s.chosen(arguments.get("estacion")))
        rules = s.rules.decision
        return ToolResult(
            EventsResult(
                kind=kind,
                stations=found,
                rules=EventRules(
                    empty_level_m=rules.empty_level_m,
                    empty_minutes=rules.empty_minutes,
                    silent_hours=rules.silent_hours,
                ),
                provenance=Provenance.of(s.repo.has_synthetic()),
            )
        )

    def _station(self, name: str, kind: str | None, period: Period | None) -> StationEvents:
        s = self.stations
        latest = s.repo.latest(name)
        since = period.since if period else (latest.timestamp - HISTORY_DAYS * DAY if latest else None)
        readings = list(s.repo.readings(name, since=since, until=period.until if period else None))
        if not readings:
            message = no_data_in(s, name, period.label) if period and latest else None
            return StationEvents(
                station=name, period=None, since=None, until=None, events=(), total=0,
                message=message or f"No hay lecturas de la estación {name}.",
            )  # fmt: skip
        # A silence until now counts when the period asked for reaches now.
        now = s.now() if period is None or period.until is None or period.until >= s.now() else None
        described = self._described(readings, kind, now)
        first, last = readings[0].timestamp, readings[-1].timestamp
        return StationEvents(
            station=name,
            period=spanish.period(first, last, s.zone),
            since=local_time(first, s.zone),
            until=local_time(last, s.zone),
            events=_listed(described),
            total=len(described),
            left_out=left_out_of(readings) if kind in (None, ANOMALOUS) else (),
        )

    def _described(self, readings: Sequence[Reading], kind: str | None, now: float | None) -> list[EventOut]:
        """The events of ``kind`` (all when None), in time order."""
        zone = self.stations.zone
        out: list[tuple[float, EventOut]] = []
        if kind in (None, EMPTY, SILENT):
            wanted = {EMPTY: {EventKind.EMPTY_TANK}, SILENT: {EventKind.SILENT}}.get(
                kind or "", set(EventKind)
            )
            events: list[Event] = [
                e for e in find_events(readings, self.stations.rules.decision, now) if e.kind in wanted
            ]
            out += [(e.start, event_out(e, zone)) for e in events]
        if kind in (None, ANOMALOUS):
            out += [
                (e.start, _out(ANOMALOUS, e.start, e.end, e.describe(zone), zone)) for e in episodes(readings)
            ]
        return [event for _, event in sorted(out, key=lambda pair: pair[0])]


def _listed(described: list[EventOut]) -> tuple[EventOut, ...]:
    """A silence still going on first (it is what matters today), then the newest others in time order."""
    now = [e for e in described if e.ongoing]
    return (*now, *[e for e in described if not e.ongoing][-MAX_LISTED:])


def event_out(event: Event, zone: Any) -> EventOut:
    """An event as the tools output it."""
    return attrs.evolve(
        _out(event.kind.value, event.start, event.end, event.describe(zone), zone), ongoing=event.ongoing
    )


def _out(kind: str, start: float, end: float, text: str, zone: Any) -> EventOut:
    return EventOut(
        kind=kind, start=local_time(start, zone) or "", end=local_time(end, zone) or "", text=text
    )


def eventos_tool(stations: Stations) -> Tool:
    """Build ``get_eventos``."""
    return Tool(EVENTOS_SPEC, _Events(stations).run)
