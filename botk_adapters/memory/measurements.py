"""In-memory MeasurementRepository, for tests and throwaway runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

from botk_core.domain import MEASURED, Averages, Bucket, Reading
from botk_core.sensors.quality import reassessment, same_values
from botk_core.sensors.rules import QualityRules
from botk_core.sensors.summary import left_out_of


def _means(window: Sequence[Reading]) -> dict[str, float | None]:
    means = {}
    for field in MEASURED:
        values = [v for r in window if (v := r.valid(field)) is not None]
        means[field] = sum(values) / len(values) if values else None
    return means


class InMemoryMeasurementRepository:
    """Readings in a dict keyed by ``id_dato``; the same quality checks as the SQLite store."""

    def __init__(self, readings: Sequence[Reading] = (), rules: QualityRules | None = None) -> None:
        self._readings: dict[int, Reading] = {}
        self._lock = threading.Lock()
        self._rules = rules or QualityRules()
        self.upsert(readings)

    def upsert(self, readings: Sequence[Reading]) -> int:
        with self._lock:
            new = len({r.id_dato for r in readings if r.id_dato not in self._readings})
            self._readings.update((r.id_dato, r) for r in readings)
            changed = reassessment(readings, self._rules, self._window)
            self._readings.update((r.id_dato, r) for r in changed)
        return new

    def unchanged(self, readings: Sequence[Reading]) -> int:
        with self._lock:
            stored = dict(self._readings)
        return sum(1 for r in readings if r.id_dato in stored and same_values(stored[r.id_dato], r))

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

    def latest_valid(self, estacion: str, field: str) -> Reading | None:
        if field not in MEASURED:
            raise ValueError(f"not a measured field: {field}")
        valid = [r for r in self.readings(estacion) if r.valid(field) is not None]
        return valid[-1] if valid else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        window = list(self.readings(estacion, since, until))
        first = window[0].timestamp if window else None
        last = window[-1].timestamp if window else None
        return Averages(
            n=len(window),
            first_timestamp=first,
            last_timestamp=last,
            left_out=left_out_of(window),
            **_means(window),
        )

    def buckets(
        self, estacion: str, since: float, until: float, every: float, offset: float = 0.0
    ) -> list[Bucket]:
        groups: dict[int, list[Reading]] = {}
        for reading in self.readings(estacion, since, until):
            groups.setdefault(int((reading.timestamp + offset) // every), []).append(reading)
        return [
            Bucket(key * every - offset, len(group), **_means(group)) for key, group in sorted(groups.items())
        ]

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        return iter(self._select(self._snapshot(), estacion, since, until))

    def _window(self, estacion: str, since: float, until: float) -> list[Reading]:
        # Called with the lock held: reads the dict directly.
        return self._select(list(self._readings.values()), estacion, since, until)

    @staticmethod
    def _select(
        readings: list[Reading], estacion: str | None, since: float | None, until: float | None
    ) -> list[Reading]:
        chosen = [
            r
            for r in readings
            if (estacion is None or r.estacion == estacion)
            and (since is None or r.timestamp >= since)
            and (until is None or r.timestamp <= until)
        ]
        return sorted(chosen, key=lambda r: (r.timestamp, r.id_dato))

    def _snapshot(self) -> list[Reading]:
        with self._lock:
            return list(self._readings.values())
