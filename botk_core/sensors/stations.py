"""Which stations exist: the configured ones and those with readings; one way to name them."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import tzinfo

import attrs

from botk_core.domain import Reading
from botk_core.errors import StationNotFound
from botk_core.ports import MeasurementRepository
from botk_core.sensors.rules import DEFAULT_STATION, SensorRules, StationConfig
from botk_core.text import words
from botk_core.tools.seasons import local_zone

ALL = "todas"


def station_key(name: str) -> str:
    """A name as compared: case, accents, hyphens and spacing ignored ("Cau-Cau" = "cau cau")."""
    return " ".join(words(name))


@attrs.frozen
class StationCatalog:
    """The configured stations; a station with readings but no configuration gets ``defaults``."""

    configured: tuple[StationConfig, ...] = (DEFAULT_STATION,)
    defaults: StationConfig = DEFAULT_STATION

    def config(self, name: str) -> StationConfig:
        """The configuration of ``name``, or the defaults under that name."""
        key = station_key(name)
        found = next((c for c in self.configured if station_key(c.name) == key), None)
        return found or attrs.evolve(self.defaults, name=name)

    def known(self, with_data: Sequence[str]) -> list[str]:
        """Configured names first, then stations with readings that are not configured."""
        names = [c.name for c in self.configured]
        keys = {station_key(n) for n in names}
        return names + [n for n in with_data if station_key(n) not in keys]

    def resolve(self, name: str, with_data: Sequence[str]) -> str:
        """The station ``name`` means: the stored spelling when it has readings.

        A name followed by other words ("Cau Cau hoy") still finds the station.
        Raises ``StationNotFound`` listing the known stations.
        """
        candidates = [*with_data, *(c.name for c in self.configured)]
        key = station_key(name)
        for station in candidates:
            if station_key(station) == key:
                return station
        for station in sorted(candidates, key=lambda s: -len(station_key(s))):
            if station_key(station) and f"{key} ".startswith(station_key(station) + " "):
                return station
        known = tuple(self.known(with_data))
        listed = ", ".join(known) if known else "ninguna"
        raise StationNotFound(
            f"No hay una estación llamada «{name.strip()}». Estaciones conocidas: {listed}.", known
        )


@attrs.frozen
class Stations:
    """The stations with their readings, configuration, rules, clock and time zone."""

    repo: MeasurementRepository
    catalog: StationCatalog = StationCatalog()
    rules: SensorRules = attrs.field(factory=SensorRules)
    clock: Callable[[], float] = time.time
    zone: tzinfo = attrs.field(factory=local_zone)

    def resolve(self, name: str) -> str:
        return self.catalog.resolve(name, self.repo.stations())

    def chosen(self, name: str | None) -> list[str]:
        """One station by name; with no name (or "todas"), every station with readings.

        When no station has readings yet, the configured ones (so that the answer says so).
        """
        if name and station_key(name) != ALL:
            return [self.resolve(name)]
        return self.repo.stations() or [c.name for c in self.catalog.configured]

    def known(self) -> list[str]:
        return self.catalog.known(self.repo.stations())

    def config(self, name: str) -> StationConfig:
        return self.catalog.config(name)

    def forecast_place(self, name: str) -> str | None:
        """The forecast place of a known station ("Janchima" -> "Mamiña"); None for other names."""
        key = station_key(name)
        known = next((s for s in self.known() if station_key(s) == key), None)
        return None if known is None else self.config(known).forecast_place

    def now(self) -> float:
        return self.clock()


def canonical_names(readings: Sequence[Reading], known: Sequence[str]) -> list[Reading]:
    """``readings`` with each station spelled one way: as in ``known`` (first match), else as most
    readings of the batch spell it (trimmed; a mixed-case spelling wins a tie over "IQUIUCA")."""
    spelling: dict[str, str] = {}
    for name in known:
        spelling.setdefault(station_key(name), name.strip())
    seen: dict[str, Counter[str]] = {}
    for reading in readings:
        seen.setdefault(station_key(reading.estacion), Counter())[reading.estacion.strip()] += 1
    for key, counts in seen.items():
        if key not in spelling:
            spelling[key] = max(counts, key=lambda s: (counts[s], s != s.upper() and s != s.lower()))
    return [
        r
        if r.estacion == spelling[station_key(r.estacion)]
        else attrs.evolve(r, estacion=spelling[station_key(r.estacion)])
        for r in readings
    ]
