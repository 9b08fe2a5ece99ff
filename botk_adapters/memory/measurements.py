"""In-memory MeasurementRepository, for tests and throwaway runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from botk_core.domain import Averages, Reading

_FIELDS = ("temperatura", "humedad", "nivel")


class InMemoryMeasurementRepository:
    """Readings in a dict keyed by ``id_dato``."""

    def __init__(self, readings: Sequence[Reading] = ()) -> None:
        self._readings: dict[int, Reading] = {}
        self._lock = threading.Lock()
        self.upsert(readings)

    def upsert(self, readings: Sequence[Reading]) -> int:
        with self._lock:
            new = sum(1 for r in readings if r.id_dato not in self._readings)
            self._readings.update((r.id_dato, r) for r in readings)
        return new

    def count(self) -> int:
        return len(self._readings)

    def has_synthetic(self) -> bool:
        return any(r.synthetic for r in self._snapshot())

    def remove_synthetic(self) -> int:
        with self._lock:
            doomed = [key for key, r in self._readings.items() if r.synthetic]
            for key in doomed:
                del self._readings[key]
        return len(doomed)

    def stations(self) -> list[str]:
        return sorted({r.estacion for r in self._snapshot()})

    def latest(self, estacion: str) -> Reading | None:
        mine = list(self.readings(estacion))
        return mine[-1] if mine else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        window = list(self.readings(estacion, since, until))
        means = {}
        for field in _FIELDS:
            values = [getattr(r, field) for r in window if getattr(r, field) is not None]
            means[field] = sum(values) / len(values) if values else None
        first = window[0].timestamp if window else None
        last = window[-1].timestamp if window else None
        return Averages(n=len(window), first_timestamp=first, last_timestamp=last, **means)

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        chosen = [
            r
            for r in self._snapshot()
            if (estacion is None or r.estacion == estacion)
            and (since is None or r.timestamp >= since)
            and (until is None or r.timestamp <= until)
        ]
        return iter(sorted(chosen, key=lambda r: (r.timestamp, r.id_dato)))

    def _snapshot(self) -> list[Reading]:
        with self._lock:
            return list(self._readings.values())
