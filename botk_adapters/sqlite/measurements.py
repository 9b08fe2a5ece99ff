"""SqliteMeasurementRepository: sensor readings in BOTK's SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from botk_adapters.sqlite.db import Database
from botk_core.domain import Averages, Reading

_COLUMNS = (
    "id_dato, estacion, timestamp, location, dispositivo, bateria, humedad, nivel, temperatura, synthetic"
)
_BATCH = 500


def _from_row(row: sqlite3.Row) -> Reading:
    return Reading(**{**dict(row), "synthetic": bool(row["synthetic"])})


def _window(estacion: str | None, since: float | None, until: float | None) -> tuple[str, list[object]]:
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    for clause, value in (("estacion = ?", estacion), ("timestamp >= ?", since), ("timestamp <= ?", until)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return " AND ".join(clauses), params


class SqliteMeasurementRepository:
    """Readings keyed by ``id_dato``; an upsert replaces the stored reading."""

    def __init__(self, db: Database | str | Path) -> None:
        self._db = db if isinstance(db, Database) else Database(db)

    def upsert(self, readings: Sequence[Reading]) -> int:
        new = 0
        with self._db.write() as conn:
            for start in range(0, len(readings), _BATCH):
                batch = readings[start : start + _BATCH]
                ids = list({r.id_dato for r in batch})
                new += len(ids) - self._existing(conn, ids)
                conn.executemany(
                    f"INSERT OR REPLACE INTO readings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [self._row(r) for r in batch],
                )
        return new

    def count(self) -> int:
        return int(self._db.connection().execute("SELECT COUNT(*) FROM readings").fetchone()[0])

    def has_synthetic(self) -> bool:
        row = self._db.connection().execute("SELECT 1 FROM readings WHERE synthetic = 1 LIMIT 1").fetchone()
        return row is not None

    def remove_synthetic(self) -> int:
        with self._db.write() as conn:
            return conn.execute("DELETE FROM readings WHERE synthetic = 1").rowcount

    def stations(self) -> list[str]:
        rows = self._db.connection().execute("SELECT DISTINCT estacion FROM readings ORDER BY estacion")
        return [row[0] for row in rows]

    def latest(self, estacion: str) -> Reading | None:
        row = (
            self._db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM readings WHERE estacion = ? "
                "ORDER BY timestamp DESC, id_dato DESC LIMIT 1",
                (estacion,),
            )
            .fetchone()
        )
        return _from_row(row) if row else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        where, params = _window(estacion, since, until)
        row = (
            self._db.connection()
            .execute(
                "SELECT AVG(temperatura), AVG(humedad), AVG(nivel), COUNT(*), MIN(timestamp), MAX(timestamp) "
                f"FROM readings WHERE {where}",
                params,
            )
            .fetchone()
        )
        return Averages(*row)

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        where, params = _window(estacion, since, until)
        cursor = self._db.connection().execute(
            f"SELECT {_COLUMNS} FROM readings WHERE {where} ORDER BY timestamp, id_dato", params
        )
        # fetchall: a lazy cursor would be shared with other users of this thread's connection.
        return iter([_from_row(row) for row in cursor.fetchall()])

    @staticmethod
    def _existing(conn: sqlite3.Connection, ids: list[int]) -> int:
        marks = ", ".join("?" * len(ids))
        return int(
            conn.execute(f"SELECT COUNT(*) FROM readings WHERE id_dato IN ({marks})", ids).fetchone()[0]
        )

    @staticmethod
    def _row(r: Reading) -> tuple[object, ...]:
        values = (r.bateria, r.humedad, r.nivel, r.temperatura)
        return (r.id_dato, r.estacion, r.timestamp, r.location, r.dispositivo, *values, int(r.synthetic))
