"""Typed output of ``get_eventos``: each station's events with their dates; JSON keys in Spanish."""

from __future__ import annotations

import attrs

from botk_core.domain import LeftOut
from botk_core.tools.results import Provenance
from botk_core.tools.results_diagnosis import EventOut
from botk_core.tools.typed import key


@attrs.frozen(kw_only=True)
class StationEvents:
    """The events found in the data of one station, over ``period`` (the data looked at)."""

    station: str = key("estacion")
    period: str | None = key("periodo")
    since: str | None = key("desde")
    until: str | None = key("hasta")
    events: tuple[EventOut, ...] = key("eventos")
    total: int = key("total")
    left_out: tuple[LeftOut, ...] = key("excluidas", default=())
    message: str | None = key("mensaje", default=None)


@attrs.frozen(kw_only=True)
class EventRules:
    """What counts as an event, so that a "no" can say what was looked for."""

    empty_level_m: float = key("vacio_m")
    empty_minutes: float = key("vacio_minutos")
    silent_hours: float = key("silencio_horas")


@attrs.frozen(kw_only=True)
class EventsResult:
    """``get_eventos``: per station, its events of the kind asked for (all kinds when None)."""

    kind: str | None = key("tipo", default=None)
    stations: tuple[StationEvents, ...] = key("estaciones")
    rules: EventRules = key("criterios")
    provenance: Provenance = key("origen", factory=Provenance)
