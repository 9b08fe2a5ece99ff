"""Several stations' recent weeks, in the original API's JSON record format (never a real data file).

Cau-Cau: the level falls steadily from 1.60 to 1.15 m over the 7 days before
now, with one isolated spike; Janchima: a steady 1.80 m; Pulcha: low (1.20 ->
0.85 m) and dry (25 %); Puquios: its level sensor stuck on one value for the
last 30 hours; Cementerios: normal, but its very last raw level is 0.0.
Numbers sometimes come as strings and battery as null, as the original API sent them.
"""

from __future__ import annotations

import random
from typing import Any

from botk_adapters.sensors.records import parse_records
from botk_core.domain import Reading

HOUR = 3600
DAY = 24 * HOUR


def _record(i: int, station: str, ts: int, nivel: Any, humedad: Any, temperatura: Any) -> dict[str, Any]:
    return {
        "idDato": i, "estacion": station, "location": "Estanque", "dispositivo": "70B3D57ED005C0C0",
        "timestamp": ts, "bateria": None, "humedad": humedad, "nivel": nivel, "temperatura": temperatura,
    }  # fmt: skip


def _air(rnd: random.Random, mean: float) -> float:
    return round(mean + rnd.gauss(0, 0.5), 1)


def falling_and_steady(now: float, seed: int = 7) -> tuple[list[dict[str, Any]], int]:
    """Cau-Cau falling with one spike and Janchima steady, every 10 minutes; and the spike's idDato."""
    rnd = random.Random(seed)
    start, end = int(now) - 7 * DAY + 300, int(now) - 300
    records, spike, i = [], 0, 900_000
    for ts in range(start, end + 1, 600):
        frac = (ts - start) / (end - start)
        i += 1
        level: Any = round(1.60 - 0.45 * frac + rnd.gauss(0, 0.002), 3)
        if not spike and frac > 0.5:
            level, spike = 2.35, i
        level = str(level) if rnd.random() < 0.1 else level
        records.append(_record(i, "Cau-Cau", ts, level, round(40 + rnd.gauss(0, 1), 1), _air(rnd, 26)))
    for ts in range(start, end + 1, 600):
        i += 1
        level = round(1.80 + rnd.gauss(0, 0.002), 3)
        records.append(_record(i, "Janchima", ts, level, round(45 + rnd.gauss(0, 1), 1), _air(rnd, 25)))
    return records, spike


def troubled(now: float, seed: int = 11) -> list[dict[str, Any]]:
    """Pulcha low and dry, Puquios flat-lined for 30 hours, Cementerios with a trailing 0.0 level."""
    rnd = random.Random(seed)
    start, records, i = int(now) - 7 * DAY, [], 950_000
    for ts in range(start, int(now) - 300, 900):
        frac = (ts - start) / (7 * DAY)
        stuck = ts >= now - 30 * HOUR
        rows = (
            ("Pulcha", round(1.20 - 0.35 * frac + rnd.gauss(0, 0.002), 3), round(25 + rnd.gauss(0, 1), 1)),
            (
                "Puquios",
                1.512 if stuck else round(1.5 + rnd.gauss(0, 0.003), 3),
                round(40 + rnd.gauss(0, 1), 1),
            ),
            ("Cementerios", round(1.5 + rnd.gauss(0, 0.003), 3), round(41 + rnd.gauss(0, 1), 1)),
        )
        for station, level, humidity in rows:
            i += 1
            records.append(_record(i, station, ts, level, humidity, round(26 + rnd.gauss(0, 0.5), 1)))
    records.append(_record(i + 1, "Cementerios", int(now) - 120, 0.0, 41.0, 26.0))
    return records


def readings_of(records: list[dict[str, Any]]) -> list[Reading]:
    readings, rejected = parse_records(records)
    assert not rejected
    return readings
