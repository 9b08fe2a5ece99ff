"""The SQL of the readings table: columns, rows to readings, statistics of valid values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botk_core.domain import CLEAN, MEASURED, MISSING, Averages, Bucket, Flag, Flags, LeftOut, Reading
from botk_core.sensors.summary import ordered

COLUMNS = (
    "id_dato, estacion, timestamp, location, dispositivo, bateria, humedad, nivel, temperatura, synthetic, "
    "flag_temperatura, flag_humedad, flag_nivel"
)
INSERT = f"INSERT OR REPLACE INTO readings ({COLUMNS}) VALUES ({', '.join('?' * 13)})"
UPDATE_FLAGS = "UPDATE readings SET flag_temperatura = ?, flag_humedad = ?, flag_nivel = ? WHERE id_dato = ?"
# A value counts when it was measured and carries no quality flag.
MEANS = ", ".join(f"AVG(CASE WHEN flag_{f} IS NULL THEN {f} END)" for f in MEASURED)
MEASURED_COUNTS = ", ".join(f"COUNT({f})" for f in MEASURED)
AVERAGES = f"SELECT {MEANS}, COUNT(*), MIN(timestamp), MAX(timestamp), {MEASURED_COUNTS} FROM readings WHERE "
# Flags are rare: the partial index readings_flagged finds them (the term must match its WHERE).
FLAGGED_TERM = "(flag_temperatura IS NOT NULL OR flag_humedad IS NOT NULL OR flag_nivel IS NOT NULL)"
FLAGGED = f"SELECT flag_temperatura, flag_humedad, flag_nivel FROM readings WHERE {FLAGGED_TERM} AND "
# Distinct stations by skipping along the (estacion, timestamp) index: one seek per station.
STATIONS = (
    "WITH RECURSIVE s(name) AS (SELECT MIN(estacion) FROM readings UNION ALL "
    "SELECT (SELECT MIN(estacion) FROM readings WHERE estacion > s.name) FROM s WHERE s.name IS NOT NULL) "
    "SELECT name FROM s WHERE name IS NOT NULL"
)
BUCKETS = (
    f"SELECT CAST((timestamp + ?) / ? AS INTEGER) AS bucket, COUNT(*), {MEANS} FROM readings "
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


def from_row(row: Sequence[Any]) -> Reading:
    """A reading from a row of ``COLUMNS`` (by position: this runs for every row read)."""
    t, h, n = row[10], row[11], row[12]
    flags = CLEAN if t is None and h is None and n is None else Flags(_flag(t), _flag(h), _flag(n))
    return Reading(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], bool(row[9]), flags
    )


def to_row(r: Reading) -> tuple[object, ...]:
    values = (r.bateria, r.humedad, r.nivel, r.temperatura)
    base = (r.id_dato, r.estacion, r.timestamp, r.location, r.dispositivo, *values, int(r.synthetic))
    return (*base, *flag_values(r))


def flag_values(r: Reading) -> tuple[str | None, ...]:
    return tuple(None if (flag := r.flags.of(f)) is None else flag.value for f in MEASURED)


def averages_from(row: Sequence[Any], flagged: Sequence[Sequence[str | None]]) -> Averages:
    """The window's means and, per field, the values missing (unless none was measured) and flagged."""
    temperatura, humedad, nivel, n, first, last, *measured = row
    counts = {(f, MISSING): n - k for f, k in zip(MEASURED, measured, strict=True) if 0 < k < n}
    for flags in flagged:
        for field, flag in zip(MEASURED, flags, strict=True):
            if flag is not None:
                counts[field, flag] = counts.get((field, flag), 0) + 1
    left_out = ordered(LeftOut(field, reason, k) for (field, reason), k in counts.items())
    return Averages(temperatura, humedad, nivel, n, first, last, left_out)


def bucket_from(row: Sequence[Any], every: float, offset: float = 0.0) -> Bucket:
    bucket, n, temperatura, humedad, nivel = row
    return Bucket(int(bucket) * every - offset, n, temperatura, humedad, nivel)


def _flag(value: str | None) -> Flag | None:
    return None if value is None else Flag(value)
