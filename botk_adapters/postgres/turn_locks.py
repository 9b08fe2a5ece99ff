"""One turn at a time per thread, across processes and instances: session advisory locks.

Every turn of a process holds its thread's lock on one connection of its own,
outside the pool, so the locks die with that connection: a crash or a
``kill -9`` of an instance frees its threads at once, and no lease has to
expire. Advisory locks are re-entrant within a session, so inside the process
a thread is also held at most once, under a condition variable.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Iterator

import psycopg

from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.postgres.migrations import NAMESPACE

log = logging.getLogger(__name__)

_TRY = "SELECT pg_try_advisory_lock(%s, hashtext(%s)) AS held"
_UNLOCK = "SELECT pg_advisory_unlock(%s, hashtext(%s)) AS released"
_MAX_PAUSE = 0.1


class TurnLocks:
    """The threads this process holds, locally and on the server; ``acquire`` returns a lease."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database
        self._session: Connection | None = None
        self._session_lock = threading.Lock()
        self._on_server: set[str] = set()  # threads locked on the current session
        self._leases: dict[str, str] = {}
        self._changed = threading.Condition()

    def acquire(self, thread_id: str, wait_seconds: float) -> str | None:
        """Hold ``thread_id``, waiting up to ``wait_seconds``; the lease, or None past the wait."""
        deadline = time.monotonic() + wait_seconds
        with self._changed:
            if not self._changed.wait_for(lambda: thread_id not in self._leases, wait_seconds):
                return None
            lease = self._leases[thread_id] = f"pg:{secrets.token_hex(8)}"
        try:
            pause = 0.002
            while not self._try_server(thread_id):
                if time.monotonic() > deadline:
                    self._forget(thread_id, lease)
                    return None
                time.sleep(pause)
                pause = min(pause * 2, _MAX_PAUSE)
        except BaseException:
            self._forget(thread_id, lease)
            raise
        return lease

    def release(self, thread_id: str, lease: str) -> None:
        """Let the thread go, if ``lease`` still holds it (a second release is harmless)."""
        with self._changed:
            if self._leases.get(thread_id) != lease:
                return
        try:
            self._call(_UNLOCK, thread_id)
        except Exception:  # the session is gone, and its locks with it
            log.warning("could not unlock a thread: its lock went with its connection")
        finally:
            self._forget(thread_id, lease)

    @contextlib.contextmanager
    def holding_if_free(self, thread_id: str) -> Iterator[bool]:
        """Hold the thread for the block if no turn holds it now; yield whether it was free."""
        lease = self.acquire(thread_id, 0.0)
        try:
            yield lease is not None
        finally:
            if lease is not None:
                self.release(thread_id, lease)

    def close(self) -> None:
        with self._session_lock:
            self._drop_session()
            self._on_server.clear()

    def _forget(self, thread_id: str, lease: str) -> None:
        with self._changed:
            if self._leases.get(thread_id) == lease:
                del self._leases[thread_id]
                self._changed.notify_all()

    def _try_server(self, thread_id: str) -> bool:
        return self._call(_TRY, thread_id)

    def _call(self, statement: str, thread_id: str) -> bool:
        """Lock or unlock on the session; whether the server did it."""
        with self._session_lock:
            session = self._open_session()
            try:
                row = session.execute(statement, (NAMESPACE, thread_id)).fetchone()
            except psycopg.Error:
                if session.broken or session.closed:  # its locks are gone: a new session retakes them
                    self._drop_session()
                raise
            done = bool(row and (row.get("held") or row.get("released")))
            if statement is _TRY and done:
                self._on_server.add(thread_id)
            elif statement is _UNLOCK:
                self._on_server.discard(thread_id)
            return done

    def _open_session(self) -> Connection:
        if self._session is None or self._session.closed:
            self._session = self._database.connect()
            self._retake(self._session)
        return self._session

    def _retake(self, session: Connection) -> None:
        """On a new session, take back the locks of turns still running: the old session's went with it."""
        for thread_id in sorted(self._on_server):
            row = session.execute(_TRY, (NAMESPACE, thread_id)).fetchone()
            if not (row and row["held"]):
                self._on_server.discard(thread_id)
                log.warning("a running turn's thread was taken by another instance after a lost connection")

    def _drop_session(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
            self._session = None
