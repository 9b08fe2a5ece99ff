"""PostgresMeasurementRepository: sensor readings on PostgreSQL, upserted by ``id_dato`` and judged.

The SQL is PostgreSQL's; rows become readings, averages and buckets through
the same helpers as the SQLite store's, so both report the same statistics
and the same values left out, and why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from psycopg.rows import tuple_row

from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.sqlite.measurement_sql import (
    COLUMNS,
    FLAGGED_TERM,
    MEANS,
    MEASURED_COUNTS,
    averages_from,
    bucket_from,
    flag_values,
    from_row,
)
from botk_core.domain import MEASURED, Averages, Bucket, Reading
from botk_core.sensors.quality import reassessment, same_values
from botk_core.sensors.rules import QualityRules

_BATCH = 500
_UPSERT = (
    f"INSERT INTO readings ({COLUMNS}) VALUES ({', '.join(['%s'] * 13)}) ON CONFLICT (id_dato) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS.split(", ")[1:])
)
_UPDATE_FLAGS = (
    "UPDATE readings SET flag_temperatura = %s, flag_humedad = %s, flag_nivel = %s WHERE id_dato = %s"
)
_AVERAGES = (
    f"SELECT {MEANS}, count(*), min(timestamp), max(timestamp), {MEASURED_COUNTS} FROM readings WHERE "
)
_FLAGGED = f"SELECT flag_temperatura, flag_humedad, flag_nivel FROM readings WHERE {FLAGGED_TERM} AND "
_BUCKETS = (
    f"SELECT floor((timestamp + %s) / %s)::bigint AS bucket, count(*), {MEANS} FROM readings "
    "WHERE estacion = %s AND timestamp >= %s AND timestamp <= %s GROUP BY bucket ORDER BY bucket"
)
# Distinct stations by skipping along the (estacion, timestamp) index: one seek per station.
_STATIONS = (
    "WITH RECURSIVE s(name) AS (SELECT min(estacion) FROM readings UNION ALL "
    "SELECT (SELECT min(estacion) FROM readings WHERE estacion > s.name) FROM s WHERE s.name IS NOT NULL) "
    "SELECT name FROM s WHERE name IS NOT NULL"
)


def _window(estacion: str | None, since: float | None, until: float | None) -> tuple[str, list[object]]:
    clauses: list[str] = ["true"]
    params: list[object] = []
    bounds = (("estacion = %s", estacion), ("timestamp >= %s", since), ("timestamp <= %s", until))
    for clause, value in bounds:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return " AND ".join(clauses), params


def _row(r: Reading) -> tuple[object, ...]:
    values = (r.bateria, r.humedad, r.nivel, r.temperatura)
    return (
        r.id_dato,
        r.estacion,
        r.timestamp,
        r.location,
        r.dispositivo,
        *values,
        r.synthetic,
        *flag_values(r),
    )


class PostgresMeasurementRepository:
    """Readings keyed by ``id_dato``; an upsert replaces the stored reading and judges its quality."""

    def __init__(self, database: PostgresDatabase, rules: QualityRules | None = None) -> None:
        self._db = database
        self._rules = rules or QualityRules()

    def upsert(self, readings: Sequence[Reading]) -> int:
        new = 0
        with self._db.write() as conn:
            for start in range(0, len(readings), _BATCH):
                batch = readings[start : start + _BATCH]
                ids = list({r.id_dato for r in batch})
                row = conn.execute(
                    "SELECT count(*) AS n FROM readings WHERE id_dato = ANY(%s)", (ids,)
                ).fetchone()
                new += len(ids) - int(row["n"] if row else 0)
                with conn.cursor() as cursor:
                    cursor.executemany(_UPSERT, [_row(r) for r in batch])
            changed = reassessment(readings, self._rules, lambda s, a, b: _query(conn, s, a, b))
            with conn.cursor() as cursor:
                cursor.executemany(_UPDATE_FLAGS, [(*flag_values(r), r.id_dato) for r in changed])
        return new

    def unchanged(self, readings: Sequence[Reading]) -> int:
        ids = list({r.id_dato for r in readings})
        rows = self._all(f"SELECT {COLUMNS} FROM readings WHERE id_dato = ANY(%s)", [ids]) if ids else []
        stored = {row[0]: from_row(row) for row in rows}
        return sum(1 for r in readings if r.id_dato in stored and same_values(stored[r.id_dato], r))

    def count(self) -> int:
        return int(self._one("SELECT count(*) FROM readings")[0])

    def has_synthetic(self) -> bool:
        return bool(self._one("SELECT EXISTS (SELECT 1 FROM readings WHERE synthetic)")[0])

    def remove_synthetic(self) -> int:
        with self._db.write() as conn:
            return conn.execute("DELETE FROM readings WHERE synthetic").rowcount

    def stations(self) -> list[str]:
        return [row[0] for row in self._all(_STATIONS)]

    def latest(self, estacion: str) -> Reading | None:
        rows = self._all(
            f"SELECT {COLUMNS} FROM readings WHERE estacion = %s"
            " ORDER BY timestamp DESC, id_dato DESC LIMIT 1",
            [estacion],
        )
        return from_row(rows[0]) if rows else None

    def latest_valid(self, estacion: str, field: str) -> Reading | None:
        if field not in MEASURED:
            raise ValueError(f"not a measured field: {field}")
        rows = self._all(
            f"SELECT {COLUMNS} FROM readings WHERE estacion = %s AND {field} IS NOT NULL "
            f"AND flag_{field} IS NULL ORDER BY timestamp DESC, id_dato DESC LIMIT 1",
            [estacion],
        )
        return from_row(rows[0]) if rows else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        where, params = _window(estacion, since, until)
        row = self._one(_AVERAGES + where, params)
        flagged = self._all(_FLAGGED + where, params) if row[3] else []
        return averages_from(row, flagged)

    def buckets(
        self, estacion: str, since: float, until: float, every: float, offset: float = 0.0
    ) -> list[Bucket]:
        rows = self._all(_BUCKETS, [offset, every, estacion, since, until])
        return [bucket_from(row, every, offset) for row in rows]

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        with self._db.connection() as conn:
            return iter(_query(conn, estacion, since, until))

    def _one(self, query: str, params: Sequence[object] = ()) -> tuple[Any, ...]:
        rows = self._all(query, params)
        assert rows  # an aggregate always has a row
        return rows[0]

    def _all(self, query: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._db.connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            return cursor.execute(query, params).fetchall()


def _query(conn: Connection, estacion: str | None, since: float | None, until: float | None) -> list[Reading]:
    where, params = _window(estacion, since, until)
    with conn.cursor(row_factory=tuple_row) as cursor:
        cursor.execute(f"SELECT {COLUMNS} FROM readings WHERE {where} ORDER BY timestamp, id_dato", params)
        return [from_row(row) for row in cursor.fetchall()]
