"""Token buckets and a write probe in BOTK's SQLite file, shared by every worker process."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

from botk_adapters.sqlite.db import Database

# Buckets untouched this long are full again, so their rows can go.
_IDLE_SECONDS = 3600.0
_PRUNE_EVERY = 1000


class SqliteTokenBuckets:
    """One token bucket per client key, in a table, so the limit holds across gunicorn workers."""

    def __init__(self, db: Database | str | Path, clock: Callable[[], float] = time.time) -> None:
        self._db = db if isinstance(db, Database) else Database(db)
        self._clock = clock
        self._calls = itertools.count()

    def take(self, client: str, per_minute: int, burst: int) -> float:
        """Take one token for ``client``; return 0 if granted, else seconds until one is free."""
        rate, now = per_minute / 60.0, self._clock()
        with self._db.write() as conn:
            row = conn.execute(
                "SELECT tokens, updated_at FROM rate_limit_buckets WHERE client = ?", (client,)
            ).fetchone()
            tokens = float(burst) if row is None else row["tokens"] + max(now - row["updated_at"], 0.0) * rate
            tokens = min(tokens, float(burst))
            wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) / rate
            if wait == 0.0:
                tokens -= 1.0
            conn.execute(
                "INSERT OR REPLACE INTO rate_limit_buckets (client, tokens, updated_at) VALUES (?, ?, ?)",
                (client, tokens, now),
            )
            if next(self._calls) % _PRUNE_EVERY == 0:
                conn.execute("DELETE FROM rate_limit_buckets WHERE updated_at < ?", (now - _IDLE_SECONDS,))
        return wait
