"""Token buckets in their own small SQLite file, shared by every worker process.

The buckets live beside BOTK's database, not in it: every request takes a
token, and that write must never queue behind a long transaction of the main
database (a document upload indexing thousands of passages).
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from botk_adapters.sqlite.waiting import PerProcess, holding, when_free, writer_lock
from botk_core.errors import StorageError

# Buckets untouched this long are full again, so their rows can go.
_IDLE_SECONDS = 3600.0
_PRUNE_EVERY = 1000
_BUSY_TIMEOUT_S = 2.0
_UNAVAILABLE = "El límite de solicitudes no está disponible; intenta de nuevo"
# A denied request leaves its bucket as it was: refilling is computed from ``updated_at``
# anyway, so only a granted token needs a write, and the row comes back only then.
_REFILLED = "min(:burst, tokens + max(:now - updated_at, 0.0) * :rate)"
_TAKE = (
    "INSERT INTO buckets (client, tokens, updated_at) VALUES (:client, :burst - 1.0, :now)"
    f" ON CONFLICT (client) DO UPDATE SET tokens = {_REFILLED} - 1.0, updated_at = :now"
    f" WHERE {_REFILLED} >= 1.0 RETURNING tokens"
)
_BUCKET = "SELECT tokens, updated_at FROM buckets WHERE client = ?"
_PRUNE = "DELETE FROM buckets WHERE updated_at < ?"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS buckets"
    " (client TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_at REAL NOT NULL)"
)


def buckets_path(database_path: str | Path) -> str:
    """The bucket file beside ``database_path`` (``var/botk.sqlite3`` -> ``var/botk.ratelimit.sqlite3``)."""
    target = str(database_path)
    if target == ":memory:":
        return target
    path = Path(target)
    return str(path.with_name(f"{path.stem}.ratelimit{path.suffix or '.sqlite3'}"))


class SqliteTokenBuckets:
    """One token bucket per client key, so the limit holds across gunicorn workers."""

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time) -> None:
        self.path = str(path)
        self._clock = clock
        self._calls = itertools.count()
        self._writers = writer_lock(self.path)
        # One for all threads (they take turns under ``_writers``), so its page cache stays warm.
        self._connection = PerProcess(lambda: _open(self.path))

    @classmethod
    def beside(cls, database_path: str | Path, clock: Callable[[], float] = time.time) -> SqliteTokenBuckets:
        """Buckets in their own file next to BOTK's database."""
        return cls(buckets_path(database_path), clock)

    def take(self, client: str, per_minute: int, burst: int) -> float:
        """Take one token for ``client``; return 0 if granted, else seconds until one is free."""
        rate, now = per_minute / 60.0, self._clock()
        if burst < 1:
            return (1.0 - burst) / rate
        try:
            with holding(self._writers, _BUSY_TIMEOUT_S, _UNAVAILABLE):
                conn = self._connection.get()
                granted = when_free(lambda: _take(conn, client, rate, burst, now), _BUSY_TIMEOUT_S)
                if next(self._calls) % _PRUNE_EVERY == 0:
                    when_free(lambda: conn.execute(_PRUNE, (now - _IDLE_SECONDS,)), _BUSY_TIMEOUT_S)
                if granted:
                    return 0.0
                row = when_free(lambda: conn.execute(_BUCKET, (client,)).fetchone(), _BUSY_TIMEOUT_S)
        except sqlite3.OperationalError as error:
            raise StorageError(_UNAVAILABLE) from error
        tokens = float(burst) if row is None else min(row[0] + max(now - row[1], 0.0) * rate, float(burst))
        return max(1.0 - tokens, 0.0) / rate


def _take(conn: sqlite3.Connection, client: str, rate: float, burst: int, now: float) -> bool:
    """Whether a token was taken: one statement, so one short write lock and no transaction."""
    # fetchall: the statement runs to its end, so its implicit transaction commits here.
    rows = conn.execute(_TAKE, {"client": client, "rate": rate, "burst": float(burst), "now": now}).fetchall()
    return bool(rows)


def _open(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # Busy timeout 0: writers wait in ``when_free``, which wakes sooner than SQLite's handler.
    conn = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    if path != ":memory:":
        when_free(lambda: conn.execute("PRAGMA journal_mode = WAL"), _BUSY_TIMEOUT_S)
        # Losing the last bucket updates in a power cut costs nothing; waiting on fsync does.
        conn.execute("PRAGMA synchronous = OFF")
    when_free(lambda: conn.execute(_SCHEMA), _BUSY_TIMEOUT_S)
    return conn
