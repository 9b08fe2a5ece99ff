"""Token buckets on PostgreSQL: one row per client, refilled and taken in one atomic upsert."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from botk_adapters.postgres.db import PostgresDatabase

# Buckets untouched this long are full again, so their rows can go.
_IDLE_SECONDS = 3600.0
_PRUNE_EVERY = 1000

_LEVEL = "least(b.tokens + greatest(%(now)s - b.updated_at, 0) * %(rate)s, %(burst)s)"
# Refill and take in the row's own upsert, so every instance sharing the
# database sees one bucket per client with no read-then-write race. A refused
# request changes nothing (the WHERE fails) and returns no row.
_TAKE = f"""
INSERT INTO rate_limit_buckets AS b (client, tokens, updated_at)
VALUES (%(client)s, %(burst)s - 1, %(now)s)
ON CONFLICT (client) DO UPDATE
SET tokens = {_LEVEL} - 1, updated_at = greatest(%(now)s, b.updated_at)
WHERE {_LEVEL} >= 1
RETURNING tokens
"""
_PEEK = f"SELECT {_LEVEL} AS level FROM rate_limit_buckets AS b WHERE client = %(client)s"


class PostgresTokenBuckets:
    """One token bucket per client key, shared by every worker of every instance."""

    def __init__(self, database: PostgresDatabase, clock: Callable[[], float] = time.time) -> None:
        self._db = database
        self._clock = clock
        self._calls = itertools.count()

    def take(self, client: str, per_minute: int, burst: int) -> float:
        """Take one token for ``client``; return 0 if granted, else seconds until one is free."""
        now, rate = self._clock(), per_minute / 60.0
        values = {"client": client, "now": now, "rate": rate, "burst": float(burst)}
        with self._db.connection() as conn:
            if next(self._calls) % _PRUNE_EVERY == 0:
                conn.execute("DELETE FROM rate_limit_buckets WHERE updated_at < %s", (now - _IDLE_SECONDS,))
            if conn.execute(_TAKE, values).fetchone() is not None:
                return 0.0
            row = conn.execute(_PEEK, values).fetchone()
        level = float(row["level"]) if row else 0.0
        # Refused: the wait until the bucket holds one token again (never 0, which would mean granted).
        return max(1.0 - level, 0.0) / rate or 1.0 / rate
