"""SYNTHETIC demonstration readings: invented data, never real measurements.

Used only so that an empty installation can show what the tools do. Every
reading carries ``synthetic=True``, a negative ``id_dato`` and the device
name ``SINTETICO``; the import of real readings deletes them all.
"""

from __future__ import annotations

import math
import random

from botk_core.domain import Reading

SYNTHETIC_DEVICE = "SINTETICO"
DAY = 86_400.0


def synthetic_readings(
    now: float, days: int = 365, every_hours: float = 6.0, stations: tuple[str, ...] = ("Iquiuca",)
) -> list[Reading]:
    """A year of plausible readings per station ending at ``now`` (seeded, so repeatable)."""
    rng = random.Random(20260115)
    step = every_hours * 3600
    count = int(days * DAY / step)
    readings = []
    for s, station in enumerate(stations):
        for i in range(count, -1, -1):
            ts = now - i * step
            readings.append(_reading(-(s * (count + 1) + i + 1), station, ts, rng))
    return readings


def _reading(id_dato: int, station: str, ts: float, rng: random.Random) -> Reading:
    # Southern summer peaks around mid-January (day 15 of the year).
    season = math.cos(2 * math.pi * ((ts / DAY - 14) % 365.25) / 365.25)
    hour = (ts / 3600 - 4) % 24  # Chilean local hour, roughly
    daily = math.sin(2 * math.pi * (hour - 9) / 24)
    return Reading(
        id_dato=id_dato,
        estacion=station,
        timestamp=ts,
        location="Estanque",
        dispositivo=SYNTHETIC_DEVICE,
        bateria=round(3.9 + 0.2 * daily + rng.uniform(-0.05, 0.05), 2),
        humedad=round(40 - 8 * daily + 5 * season + rng.uniform(-3, 3), 1),
        nivel=round(1.5 - 0.15 * season - 0.05 * daily + rng.uniform(-0.03, 0.03), 3),
        temperatura=round(22 + 5 * season + 6 * daily + rng.uniform(-1, 1), 1),
        synthetic=True,
    )
