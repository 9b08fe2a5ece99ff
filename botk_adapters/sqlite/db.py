"""Opening BOTK's SQLite file: WAL, busy timeout, foreign keys, migrations."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from botk_adapters.sqlite import checkpoints
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_adapters.sqlite.waiting import PerProcess, holding, when_free, writer_lock
from botk_core.errors import DatabaseUnreadable, SchemaTooNew, StorageError

BUSY_TIMEOUT_MS = 10_000
# SQLITE_CORRUPT and SQLITE_NOTADB: the file's bytes are not a database BOTK can read.
_DAMAGED = (11, 26)
_BUSY = "El almacenamiento está ocupado; intenta de nuevo en un momento."
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a connection with BOTK's pragmas; the schema is migrated once per file.

    Connections are opened in autocommit mode: writers use explicit
    ``BEGIN IMMEDIATE`` so that concurrent writers queue on the busy timeout
    instead of failing on a lock upgrade.
    """
    target = str(path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        return _prepare(conn, target)
    except sqlite3.DatabaseError as error:
        conn.close()
        if getattr(error, "sqlite_errorcode", None) not in _DAMAGED:
            raise
        raise DatabaseUnreadable(
            f"La base de datos {target} está dañada o no es una base SQLite: restáurala de un "
            "respaldo, muévela a otro lugar o indica otra con BOTK_DATABASE."
        ) from None


def _prepare(conn: sqlite3.Connection, target: str) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if target != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    with _migrate_lock:
        if target not in _migrated or target == ":memory:":
            migrate(conn)
            _migrated.add(target)
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations newer than the file's ``user_version``; return it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            # A newer BOTK wrote this file: reading it as this version would lose or corrupt its data.
            raise SchemaTooNew(
                f"La base de datos tiene el esquema versión {version}, más nuevo que el de este BOTK "
                f"({len(MIGRATIONS)}): actualiza BOTK o usa otra base de datos (BOTK_DATABASE)."
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    # executescript() would commit our transaction, so statements run one by one.
    return [s for s in _split(script) if s.strip()]


def _split(script: str) -> list[str]:
    parts: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            parts.append(current)
            current = ""
    return [*parts, current]


class Database:
    """One SQLite file shared by BOTK's adapters: a connection per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._writers = writer_lock(self.path)
        self._writer_conn = PerProcess(self._open_writer)
        self._background_checkpoints = False

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (one shared connection for ``:memory:``)."""
        if self.path == ":memory:":
            if self._shared is None:
                self._shared = connect(self.path)
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn

    def _writer(self) -> sqlite3.Connection:
        """This process's connection for write transactions (see ``PerProcess``); its busy timeout
        is 0: writers wait in ``when_free`` rather than in SQLite's busy handler."""
        if self.path == ":memory:":
            return self.connection()
        return self._writer_conn.get()

    def _open_writer(self) -> sqlite3.Connection:
        conn = self._open()
        conn.execute("PRAGMA busy_timeout = 0")
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = connect(self.path)
        if self._background_checkpoints:
            conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoints.SAFETY_NET_PAGES}")
        return conn

    def checkpoint_in_background(self, interval: float = checkpoints.INTERVAL_SECONDS) -> None:
        """For a server: WAL checkpoints on a thread of their own, not in the turns' commits."""
        if self.path == ":memory:":
            return
        self._background_checkpoints = True
        current = [getattr(self._local, "conn", None), self._writer_conn.current()]
        for conn in filter(None, current):
            conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoints.SAFETY_NET_PAGES}")
        if current[0] is None:
            self.connection()  # the file exists (and is migrated) before the thread looks for it
        checkpoints.start(self.path, self, interval)

    def writable(self) -> bool:
        """Whether the file can take a write lock now (the readiness probe); never raises."""
        try:
            conn = self.connection()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except Exception:  # any failure means "not ready"
            return False
        return True

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken with ``BEGIN IMMEDIATE``.

        A database that stays locked past the busy timeout, or fails to
        write (disk full, read-only), raises ``StorageError`` (503), not a crash.
        """
        with holding(self._writers, BUSY_TIMEOUT_MS / 1000, _BUSY):
            conn = self._writer()
            try:
                when_free(lambda: conn.execute("BEGIN IMMEDIATE"), BUSY_TIMEOUT_MS / 1000)
            except sqlite3.OperationalError as error:
                raise StorageError(_BUSY) from error
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.OperationalError):
                    raise StorageError(
                        "No se pudo guardar el cambio; intenta de nuevo en un momento."
                    ) from error
                raise
