"""Each station at a glance: its latest valid values, their age and a status; its recent events."""

from __future__ import annotations

import enum

import attrs

from botk_core.domain import MEASURED, Reading
from botk_core.sensors.events import Event, find_events
from botk_core.sensors.rules import DAY, HOUR, StationConfig
from botk_core.sensors.stations import Stations


class Status(enum.StrEnum):
    OK = "ok"
    LOW_LEVEL = "low_level"
    STALE = "stale"
    NO_DATA = "no_data"


@attrs.frozen
class StationStatus:
    """A station's latest valid value of each field and what they say."""

    config: StationConfig
    latest: dict[str, Reading]
    status: Status
    newest: float | None  # timestamp of the newest of the latest valid values

    def value(self, field: str) -> float | None:
        reading = self.latest.get(field)
        return None if reading is None else reading.valid(field)


def station_status(stations: Stations, name: str) -> StationStatus:
    """The status of one station (known by name, with or without readings).

    The level decides when there is one: its age (stale) and its threshold (low).
    """
    config = stations.config(name)
    latest = {f: r for f in MEASURED if (r := stations.repo.latest_valid(name, f)) is not None}
    newest = max((r.timestamp for r in latest.values()), default=None)
    level = latest.get("nivel")
    reference = level.timestamp if level is not None else newest
    if reference is None:
        status = Status.NO_DATA
    elif stations.now() - reference > stations.rules.decision.stale_hours * HOUR:
        status = Status.STALE
    elif level is not None and (level.nivel or 0.0) < config.low_level_m:
        status = Status.LOW_LEVEL
    else:
        status = Status.OK
    return StationStatus(config, latest, status, newest)


def overview(stations: Stations) -> list[StationStatus]:
    """Every known station: the configured ones first, then those with readings."""
    return [station_status(stations, name) for name in stations.known()]


def recent_events(stations: Stations, name: str) -> list[Event]:
    """The events of a station's last days of data (``events_days`` before its latest reading)."""
    latest = stations.repo.latest(name)
    if latest is None:
        return []
    since = latest.timestamp - stations.rules.decision.events_days * DAY
    return find_events(list(stations.repo.readings(name, since=since)), stations.rules.decision)
