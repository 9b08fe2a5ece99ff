"""SqliteMeasurementRepository: sensor readings in BOTK's SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from botk_adapters.sqlite import measurement_sql as sql
from botk_adapters.sqlite.db import Database
from botk_core.domain import Averages, Bucket, Reading
from botk_core.sensors.quality import reassessment, same_values
from botk_core.sensors.rules import QualityRules

_BATCH = 500


class SqliteMeasurementRepository:
    """Readings keyed by ``id_dato``; an upsert replaces the stored reading and judges its quality.

    Statistics run in SQL over the valid values only, so they stay fast on
    hundreds of thousands of readings.
    """

    def __init__(self, db: Database | str | Path, rules: QualityRules | None = None) -> None:
        self._db = db if isinstance(db, Database) else Database(db)
        self._rules = rules or QualityRules()

    def upsert(self, readings: Sequence[Reading]) -> int:
        new = 0
        with self._db.write() as conn:
            for start in range(0, len(readings), _BATCH):
                batch = readings[start : start + _BATCH]
                ids = list({r.id_dato for r in batch})
                new += len(ids) - self._existing(conn, ids)
                conn.executemany(sql.INSERT, [sql.to_row(r) for r in batch])
            changed = reassessment(readings, self._rules, lambda s, a, b: self._query(conn, s, a, b))
            conn.executemany(sql.UPDATE_FLAGS, [(*sql.flag_values(r), r.id_dato) for r in changed])
        return new

    def unchanged(self, readings: Sequence[Reading]) -> int:
        stored: dict[int, Reading] = {}
        conn = self._db.connection()
        ids = list({r.id_dato for r in readings})
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            marks = ", ".join("?" * len(chunk))
            rows = conn.execute(f"SELECT {sql.COLUMNS} FROM readings WHERE id_dato IN ({marks})", chunk)
            stored.update((row[0], sql.from_row(row)) for row in rows.fetchall())
        return sum(1 for r in readings if r.id_dato in stored and same_values(stored[r.id_dato], r))

    def count(self) -> int:
        return int(self._db.connection().execute("SELECT COUNT(*) FROM readings").fetchone()[0])

    def has_synthetic(self) -> bool:
        row = self._db.connection().execute("SELECT 1 FROM readings WHERE synthetic = 1 LIMIT 1").fetchone()
        return row is not None

    def remove_synthetic(self) -> int:
        with self._db.write() as conn:
            return conn.execute("DELETE FROM readings WHERE synthetic = 1").rowcount

    def stations(self) -> list[str]:
        return [row[0] for row in self._db.connection().execute(sql.STATIONS).fetchall()]

    def latest(self, estacion: str) -> Reading | None:
        row = (
            self._db.connection()
            .execute(
                f"SELECT {sql.COLUMNS} FROM readings WHERE estacion = ? "
                "ORDER BY timestamp DESC, id_dato DESC LIMIT 1",
                (estacion,),
            )
            .fetchone()
        )
        return sql.from_row(row) if row else None

    def latest_valid(self, estacion: str, field: str) -> Reading | None:
        row = self._db.connection().execute(sql.latest_valid_sql(field), (estacion,)).fetchone()
        return sql.from_row(row) if row else None

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        where, params = sql.window(estacion, since, until)
        conn = self._db.connection()
        row = conn.execute(sql.AVERAGES + where, params).fetchone()
        flagged = conn.execute(sql.FLAGGED + where, params).fetchall() if row[3] else []
        return sql.averages_from(row, flagged)

    def buckets(
        self, estacion: str, since: float, until: float, every: float, offset: float = 0.0
    ) -> list[Bucket]:
        params = (offset, every, estacion, since, until)
        rows = self._db.connection().execute(sql.BUCKETS, params).fetchall()
        return [sql.bucket_from(row, every, offset) for row in rows]

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        # fetchall: a lazy cursor would be shared with other users of this thread's connection.
        return iter(self._query(self._db.connection(), estacion, since, until))

    @staticmethod
    def _query(
        conn: sqlite3.Connection, estacion: str | None, since: float | None, until: float | None
    ) -> list[Reading]:
        where, params = sql.window(estacion, since, until)
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples: this runs for every reading read
        cursor.execute(
            f"SELECT {sql.COLUMNS} FROM readings WHERE {where} ORDER BY timestamp, id_dato", params
        )
        return [sql.from_row(row) for row in cursor.fetchall()]

    @staticmethod
    def _existing(conn: sqlite3.Connection, ids: list[int]) -> int:
        marks = ", ".join("?" * len(ids))
        return int(
            conn.execute(f"SELECT COUNT(*) FROM readings WHERE id_dato IN ({marks})", ids).fetchone()[0]
        )
