"""BOTK's PostgreSQL database: a connection pool, write transactions and the readiness probe."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from botk_adapters.postgres import migrations, values
from botk_adapters.postgres.errors import translated

# A statement (or a transaction left open) past these is cut, so a stuck
# request frees its connection instead of holding it for the worker's life.
STATEMENT_TIMEOUT_MS = 30_000
IDLE_IN_TRANSACTION_MS = 60_000
Connection = psycopg.Connection[dict[str, Any]]


class PostgresDatabase:
    """A pool of connections to one database; the schema is migrated on first use.

    Connections are in autocommit mode: a read is one statement, a write is an
    explicit transaction (``write()``). The pool opens lazily, in the process
    that uses it, so a gunicorn worker never inherits its master's sockets.
    """

    def __init__(
        self, url: str, *, min_size: int = 1, max_size: int = 10, timeout: float = 10.0, migrate: bool = True
    ) -> None:
        self.url = url
        self._sizes = (min_size, max(max_size, min_size))
        self._timeout = timeout
        self._migrate = migrate
        self._pool: ConnectionPool[Connection] | None = None
        self._opening = threading.Lock()

    def pool(self) -> ConnectionPool[Connection]:
        """The open pool (opened, and the schema migrated, on first call)."""
        if self._pool is None:
            with self._opening, translated():
                if self._pool is None:
                    if self._migrate:
                        self.migrate()
                    self._pool = self._open()
        return self._pool

    def _open(self) -> ConnectionPool[Connection]:
        pool: ConnectionPool[Connection] = ConnectionPool(
            self.url,
            min_size=self._sizes[0],
            max_size=self._sizes[1],
            kwargs={"autocommit": True, "row_factory": dict_row},
            configure=_configure,
            timeout=self._timeout,
            open=False,
            name="botk",
        )
        pool.open(wait=True, timeout=self._timeout)
        return pool

    def migrate(self) -> int:
        """Apply the migrations this database lacks; return the schema version."""
        with translated(), psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
            return migrations.migrate(conn)

    def connect(self) -> Connection:
        """A connection of its own, outside the pool (for a session that must outlive requests)."""
        with translated():
            conn: Connection = psycopg.connect(
                self.url, autocommit=True, row_factory=dict_row, connect_timeout=10
            )
            _configure(conn)
            return conn

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A pooled connection for reads; errors the server causes become ``StorageError``."""
        with translated(), self.pool().connection() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on any error."""
        with self.connection() as conn, conn.transaction():
            yield conn

    def writable(self) -> bool:
        """Whether the database takes a write now (the readiness probe); never raises."""
        try:
            with self.connection() as conn:
                row = conn.execute("SELECT pg_is_in_recovery() AS standby").fetchone()
        except Exception:  # any failure means "not ready"
            return False
        return row is not None and not row["standby"]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


def public_location(url: str) -> str:
    """``host:port/database`` of a connection URL: what may be shown, never the user or password."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return ""
    host = str(parts.get("host") or "localhost")
    return f"{host}:{parts.get('port') or 5432}/{parts.get('dbname') or ''}"


def _configure(conn: Connection) -> None:
    values.register(conn)
    conn.execute(
        f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}; "
        f"SET idle_in_transaction_session_timeout = {IDLE_IN_TRANSACTION_MS}"
    )
