"""PostgresMeasurementRepository: sensor readings on PostgreSQL, upserted by ``id_dato``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from botk_adapters.postgres.db import PostgresDatabase
from botk_core.domain import Averages, Reading

_COLUMNS = (
    "id_dato, estacion, timestamp, location, dispositivo, bateria, humedad, nivel, temperatura, synthetic"
)
_UPSERT = (
    f"INSERT INTO readings ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (id_dato) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])
)
_BATCH = 500


def _from_row(row: Mapping[str, Any]) -> Reading:
    return Reading(**row)


def _window(estacion: str | None, since: float | None, until: float | None) -> tuple[str, list[object]]:
    clauses: list[str] = ["true"]
    params: list[object] = []
    bounds = (("estacion = %s", estacion), ("timestamp >= %s", since), ("timestamp <= %s", until))
    for clause, value in bounds:
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return " AND ".join(clauses), params


class PostgresMeasurementRepository:
    """Readings keyed by ``id_dato``; an upsert replaces the stored reading."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

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
                    cursor.executemany(_UPSERT, [self._row(r) for r in batch])
        return new

    def count(self) -> int:
        return int(self._one("SELECT count(*) AS n FROM readings")["n"])

    def has_synthetic(self) -> bool:
        return bool(self._one("SELECT EXISTS (SELECT 1 FROM readings WHERE synthetic) AS n")["n"])

    def remove_synthetic(self) -> int:
        with self._db.write() as conn:
            return conn.execute("DELETE FROM readings WHERE synthetic").rowcount

    def stations(self) -> list[str]:
        with self._db.connection() as conn:
            rows = conn.execute("SELECT DISTINCT estacion FROM readings ORDER BY estacion").fetchall()
        return [row["estacion"] for row in rows]

    def latest(self, estacion: str) -> Reading | None:
        with self._db.connection() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM readings WHERE estacion = %s "
                "ORDER BY timestamp DESC, id_dato DESC LIMIT 1",
                (estacion,),
            ).fetchone()
        return _from_row(row) if row else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        where, params = _window(estacion, since, until)
        row = self._one(
            "SELECT avg(temperatura) AS t, avg(humedad) AS h, avg(nivel) AS n, count(*) AS c, "
            f"min(timestamp) AS first, max(timestamp) AS last FROM readings WHERE {where}",
            params,
        )
        return Averages(row["t"], row["h"], row["n"], int(row["c"]), row["first"], row["last"])

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        where, params = _window(estacion, since, until)
        with self._db.connection() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM readings WHERE {where} ORDER BY timestamp, id_dato", params
            ).fetchall()
        return iter([_from_row(row) for row in rows])

    def _one(self, query: str, params: Sequence[object] = ()) -> Mapping[str, Any]:
        with self._db.connection() as conn:
            row = conn.execute(query, params).fetchone()
        assert row is not None  # an aggregate always has a row
        return row

    @staticmethod
    def _row(r: Reading) -> tuple[object, ...]:
        values = (r.bateria, r.humedad, r.nivel, r.temperatura)
        return (r.id_dato, r.estacion, r.timestamp, r.location, r.dispositivo, *values, r.synthetic)
