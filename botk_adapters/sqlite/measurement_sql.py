"""The SQL of the readings table: columns, rows to readings, statistics of valid values."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from botk_core.domain import MEASURED, MISSING, Averages, Bucket, Flag, Flags, LeftOut, Reading
from botk_core.sensors.summary import ordered

COLUMNS = (
    "id_dato, estacion, timestamp, location, dispositivo, bateria, humedad, nivel, temperatura, synthetic, "
    "flag_temperatura, flag_humedad, flag_nivel"
)
INSERT = f"INSERT OR REPLACE INTO readings ({COLUMNS}) VALUES ({', '.join('?' * 13)})"
UPDATE_FLAGS = "UPDATE readings SET flag_temperatura = ?, flag_humedad = ?, flag_nivel = ? WHERE id_dato = ?"
# A value counts when it was measured and carries no quality flag.
MEANS = ", ".join(f"AVG(CASE WHEN flag_{f} IS NULL THEN {f} END)" for f in MEASURED)
_REASONS = [(f, MISSING, f"SUM({f} IS NULL)") for f in MEASURED] + [
    (f, flag.value, f"SUM(flag_{f} = '{flag.value}')") for f in MEASURED for flag in Flag
]
LEFT_OUT = ", ".join(sql for _, _, sql in _REASONS)
AVERAGES = f"SELECT {MEANS}, COUNT(*), MIN(timestamp), MAX(timestamp), {LEFT_OUT} FROM readings WHERE "
BUCKETS = (
    f"SELECT CAST(timestamp / ? AS INTEGER) AS bucket, COUNT(*), {MEANS} FROM readings "
    "WHERE estacion = ? AND timestamp >= ? AND timestamp <= ? GROUP BY bucket ORDER BY bucket"
)


def latest_valid_sql(field: str) -> str:
    """The newest reading with a valid ``field``; ``field`` must be a measured one."""
    if field not in MEASURED:
        raise ValueError(f"not a measured field: {field}")
    return (
        f"SELECT {COLUMNS} FROM readings WHERE estacion = ? AND {field} IS NOT NULL "
        f"AND flag_{field} IS NULL ORDER BY timestamp DESC, id_dato DESC LIMIT 1"
    )


def window(estacion: str | None, since: float | None, until: float | None) -> tuple[str, list[object]]:
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    for clause, value in (("estacion = ?", estacion), ("timestamp >= ?", since), ("timestamp <= ?", until)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return " AND ".join(clauses), params


def from_row(row: sqlite3.Row) -> Reading:
    values = dict(row)
    flags = Flags(*(_flag(values.pop(f"flag_{f}")) for f in MEASURED))
    return Reading(**{**values, "synthetic": bool(values["synthetic"]), "flags": flags})


def to_row(r: Reading) -> tuple[object, ...]:
    values = (r.bateria, r.humedad, r.nivel, r.temperatura)
    base = (r.id_dato, r.estacion, r.timestamp, r.location, r.dispositivo, *values, int(r.synthetic))
    return (*base, *flag_values(r))


def flag_values(r: Reading) -> tuple[str | None, ...]:
    return tuple(None if (flag := r.flags.of(f)) is None else flag.value for f in MEASURED)


def averages_from(row: Sequence[Any]) -> Averages:
    temperatura, humedad, nivel, n, first, last, *counts = row
    # A field missing from every reading is not measured there at all: not reported.
    left_out = ordered(
        LeftOut(field, reason, int(k))
        for (field, reason, _), k in zip(_REASONS, counts, strict=True)
        if k and not (reason == MISSING and k == n)
    )
    return Averages(temperatura, humedad, nivel, n, first, last, left_out)


def bucket_from(row: Sequence[Any], every: float) -> Bucket:
    bucket, n, temperatura, humedad, nivel = row
    return Bucket(int(bucket) * every, n, temperatura, humedad, nivel)


def _flag(value: str | None) -> Flag | None:
    return None if value is None else Flag(value)
