"""Use case ImportMeasurements: upsert sensor readings; real data replaces synthetic data."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from botk_core.domain import Reading
from botk_core.errors import InvalidInput
from botk_core.ports import MeasurementRepository
from botk_core.sensors.stations import canonical_names

# progress(done, total) after each batch.
Progress = Callable[[int, int], None]


@attrs.frozen
class RejectedRecord:
    """A source record that was skipped, with its position (1-based) and why."""

    position: int
    reason: str


@attrs.frozen
class ImportMeasurementsInput:
    readings: Sequence[Reading]
    rejected: Sequence[RejectedRecord] = ()
    progress: Progress | None = None


@attrs.frozen
class ImportSummary:
    """What an import did."""

    received: int
    imported: int
    new: int
    rejected: tuple[RejectedRecord, ...]
    removed_synthetic: int
    # Readings stored already with the same values: counted apart from the updated ones.
    unchanged: int = 0


class ImportMeasurements:
    """Upsert real readings by ``id_dato``, in batches.

    Synthetic demonstration readings are removed as soon as a real reading
    arrives, so the two are never mixed. Station names are spelled as a known
    station (``known``: configured names) or a stored one, whatever their case
    or spacing: "IQUIUCA " and "Iquiuca" are one station.
    """

    def __init__(self, repo: MeasurementRepository, batch_size: int = 500, known: Sequence[str] = ()) -> None:
        self._repo = repo
        self._batch = batch_size
        self._known = tuple(known)

    def execute(self, request: ImportMeasurementsInput) -> ImportSummary:
        readings = list(request.readings)
        if any(r.synthetic for r in readings):
            raise InvalidInput("Las lecturas sintéticas no se pueden importar como mediciones.")
        removed = self._repo.remove_synthetic() if readings and self._repo.has_synthetic() else 0
        readings = canonical_names(readings, [*self._known, *self._repo.stations()])
        new = unchanged = 0
        for start in range(0, len(readings), self._batch):
            batch = readings[start : start + self._batch]
            unchanged += self._repo.unchanged(batch)
            new += self._repo.upsert(batch)
            if request.progress:
                request.progress(min(start + self._batch, len(readings)), len(readings))
        received = len(readings) + len(request.rejected)
        return ImportSummary(received, len(readings), new, tuple(request.rejected), removed, unchanged)


def load_synthetic_if_empty(repo: MeasurementRepository, make: Callable[[], Sequence[Reading]]) -> int:
    """Store demonstration readings when there are no readings at all; return how many."""
    if repo.count():
        return 0
    readings = [r for r in make() if r.synthetic]
    repo.upsert(readings)
    return len(readings)
