"""A generated ``data.db`` like the old service left behind (never a real data file).

One station, one month, about 1,000 readings in sessions of readings 2-4
minutes apart, levels around 1.4 m, about 2 % isolated 0.0 levels ("not
measured", sometimes the whole record), battery mostly 0.0, and once a gap
followed by four hours of zeros and a slow refill from a few centimetres.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs

SANTIAGO = ZoneInfo("America/Santiago")
START = datetime(2023, 4, 1, 0, 0, tzinfo=SANTIAGO).timestamp()
EMPTY_START = datetime(2023, 4, 12, 2, 10, tzinfo=SANTIAGO).timestamp()
EMPTY_HOURS = 4.0
SCHEMA = """
CREATE TABLE mediciones (
    idDato INTEGER PRIMARY KEY, estacion TEXT, location TEXT, dispositivo TEXT, timestamp INTEGER,
    bateria REAL, humedad REAL, nivel REAL, temperatura REAL
)
"""


@attrs.frozen
class LegacyFile:
    """What the generator put in the file, to check an import against."""

    path: Path
    rows: int
    isolated_zero_ids: frozenset[int]
    empty_start: float
    empty_end: float
    last_timestamp: float


def _row(id_dato: int, ts: float, rng: random.Random, nivel: float, whole_zero: bool = False) -> tuple:
    hour = datetime.fromtimestamp(ts, SANTIAGO).hour
    warm = 1 if 10 <= hour <= 17 else 0
    humidity = 0.0 if whole_zero else round(42 - 8 * warm + rng.uniform(-3, 3), 1)
    temperature = 0.0 if whole_zero else round(22 + 7 * warm + rng.uniform(-1.5, 1.5), 1)
    battery = round(rng.uniform(3.5, 3.8), 2) if rng.random() < 0.03 else 0.0
    return (
        id_dato,
        "Iquiuca",
        "Estanque",
        "a84041000181c7a1",
        int(ts),
        battery,
        humidity,
        nivel,
        temperature,
    )


def make_legacy_db(path: Path, seed: int = 7) -> LegacyFile:
    """Write the file and say where its zeros are."""
    rng = random.Random(seed)
    rows: list[tuple] = []
    isolated: set[int] = set()
    ts, id_dato = START, 1000
    empty_end = EMPTY_START + EMPTY_HOURS * 3600
    while ts < START + 30 * 86_400:
        if EMPTY_START - 6 * 3600 <= ts < EMPTY_START:
            ts = EMPTY_START  # the station was silent for some hours before the tank ran dry
        for _ in range(rng.randint(6, 11)):  # a session of readings minutes apart
            ts += rng.randint(120, 240)
            id_dato += 1
            level = _level(ts, empty_end, rng)
            if level > 1.0 and rng.random() < 0.02 and rows and rows[-1][7] > 1.0:
                for _ in range(2 if rng.random() < 0.3 else 1):  # "a single 0.0 (or two)"
                    isolated.add(id_dato)
                    rows.append(_row(id_dato, ts, rng, 0.0, whole_zero=rng.random() < 0.5))
                    ts, id_dato = ts + rng.randint(120, 240), id_dato + 1
            rows.append(_row(id_dato, ts, rng, level))
        ts += rng.randint(4, 7) * 3600 if not EMPTY_START <= ts < empty_end else 180
    _write(path, rows)
    return LegacyFile(path, len(rows), frozenset(isolated), EMPTY_START, empty_end, rows[-1][4])


def _level(ts: float, empty_end: float, rng: random.Random) -> float:
    if EMPTY_START <= ts < empty_end:
        return 0.0
    if empty_end <= ts < empty_end + 14 * 3600:  # a slow refill from a few centimetres
        return round(0.03 + (ts - empty_end) / (14 * 3600) * 1.35 + rng.uniform(-0.005, 0.005), 3)
    return round(1.4 + 0.03 * rng.uniform(-1, 1), 3)


def _write(path: Path, rows: list[tuple]) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(SCHEMA)
        conn.executemany("INSERT INTO mediciones VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()
