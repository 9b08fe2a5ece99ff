"""What a 0.0 meant in the old service's ``data.db``: "not measured", or a real low value.

The old service wrote ``float(value or 0.0)`` for every number, so its file
holds 0.0 where nothing was measured. An isolated zero (one or two, or a
short run, between values far from zero) cannot be real: a tank does not
empty and refill in minutes. A long run of zeros, or one next to values
near zero (a slow refill from a few centimetres), is a real low level and is
kept. A field that is 0.0 in every reading of a station was never measured;
the battery's 0.0 never is a measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from botk_core.domain import Reading
from botk_core.sensors.rules import QualityRules

FIELDS = ("nivel", "humedad", "temperatura")
ISOLATED_RUN = 2
ISOLATED_SECONDS = 30 * 60.0


def not_measured(
    readings: Sequence[Reading], rules: QualityRules | None = None
) -> tuple[list[Reading], dict[str, int]]:
    """The readings with their "not measured" zeros set to None, and how many per field."""
    rules = rules or QualityRules()
    counts = dict.fromkeys((*FIELDS, "bateria"), 0)
    changes: dict[int, dict[str, Any]] = {}
    for station in {r.estacion for r in readings}:
        mine = sorted((r for r in readings if r.estacion == station), key=lambda r: (r.timestamp, r.id_dato))
        for field in FIELDS:
            for reading in _missing(mine, field, rules.jump(field)):
                changes.setdefault(id(reading), {})[field] = None
                counts[field] += 1
    result = []
    for reading in readings:
        update = dict(changes.get(id(reading), {}))
        if reading.bateria == 0.0:
            update["bateria"] = None
            counts["bateria"] += 1
        result.append(attrs.evolve(reading, **update) if update else reading)
    return result, counts


def _missing(readings: Sequence[Reading], field: str, jump: float) -> list[Reading]:
    """The readings whose 0.0 in ``field`` means "not measured"."""
    measured = [r for r in readings if getattr(r, field) is not None]
    if measured and all(getattr(r, field) == 0.0 for r in measured):
        return measured
    missing: list[Reading] = []
    start = 0
    while start < len(measured):
        if getattr(measured[start], field) != 0.0:
            start += 1
            continue
        end = start
        while end + 1 < len(measured) and getattr(measured[end + 1], field) == 0.0:
            end += 1
        before = measured[start - 1] if start > 0 else None
        after = measured[end + 1] if end + 1 < len(measured) else None
        if _isolated(measured[start : end + 1], before, after, field, jump):
            missing += measured[start : end + 1]
        start = end + 1
    return missing


def _isolated(
    run: Sequence[Reading], before: Reading | None, after: Reading | None, field: str, jump: float
) -> bool:
    neighbours = [n for n in (before, after) if n is not None]
    if any(abs(getattr(n, field)) <= jump for n in neighbours):
        return False  # next to values near zero: a real low level
    if before is None or after is None:
        return len(run) <= ISOLATED_RUN
    return len(run) <= ISOLATED_RUN or after.timestamp - before.timestamp <= ISOLATED_SECONDS
