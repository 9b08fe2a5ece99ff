"""One turn at a time per thread, across processes and instances: session advisory locks.

Every turn of a process holds its thread's lock on one connection of its own,
outside the pool, so the locks die with that connection: a crash or a
``kill -9`` of an instance frees its threads at once, and no lease has to
expire. Advisory locks are re-entrant within a session, so inside the process
a thread is also held at most once, under a condition variable.

A turn's statements run on that same connection, pipelined with the lock:
taking the lock and accepting the turn cost one round trip, and so do
finishing it and letting go. The accept's snapshot is taken after the lock
is held, so it sees everything the thread's previous holder committed; the
finish commits (an explicit transaction inside the pipeline) before the
unlock runs, so the next holder always sees the answer.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any, LiteralString

import psycopg

from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.postgres.migrations import NAMESPACE

log = logging.getLogger(__name__)

# The outcome is also kept in a transaction-local setting: the statement pipelined after it
# (same implicit transaction) reads it as HELD, cheaper than scanning pg_locks.
_LOCK = (
    "SELECT set_config('botk.turn_lock', pg_try_advisory_lock(%s, hashtext(%s))::text, true) = 'true' AS held"
)
_UNLOCK = "SELECT pg_advisory_unlock(%s, hashtext(%s)) AS released"
HELD = "coalesce(current_setting('botk.turn_lock', true), '') = 'true'"
_MAX_PAUSE = 0.1
Row = dict[str, Any]


class TurnLocks:
    """The threads this process holds, locally and on the server; ``acquire`` returns a lease."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database
        self._session: Connection | None = None
        self._session_lock = threading.Lock()
        self._on_server: set[str] = set()  # threads locked on the current session
        self._leases: dict[str, str] = {}
        self._changed = threading.Condition()

    def acquire(
        self, thread_id: str, wait_seconds: float, then: LiteralString, params: Mapping[str, Any]
    ) -> tuple[str | None, Row | None]:
        """Hold ``thread_id`` (waiting up to ``wait_seconds``) and run ``then`` right after.

        Returns the lease and ``then``'s row, or ``(None, None)`` past the wait.
        ``then`` runs at every attempt, so it must guard itself with ``HELD``.
        """
        deadline = time.monotonic() + wait_seconds
        with self._changed:
            if not self._changed.wait_for(lambda: thread_id not in self._leases, wait_seconds):
                return None, None
            lease = self._leases[thread_id] = f"pg:{secrets.token_hex(8)}"
        try:
            pause = 0.002
            while True:
                held, row = self._pipeline(thread_id, (_LOCK, (NAMESPACE, thread_id)), (then, params))
                if held:
                    return lease, row
                if time.monotonic() > deadline:
                    self._forget(thread_id, lease)
                    return None, None
                time.sleep(pause)
                pause = min(pause * 2, _MAX_PAUSE)
        except BaseException:
            self._forget(thread_id, lease)
            raise

    def release(
        self, thread_id: str, lease: str, first: LiteralString | None = None, params: Mapping[str, Any] = {}
    ) -> None:
        """Run ``first`` (if given), then let the thread go; the lock goes even when ``first`` fails."""
        with self._changed:
            if self._leases.get(thread_id) != lease:
                return
        unlock = (_UNLOCK, (NAMESPACE, thread_id))
        try:
            if first is None:
                self._pipeline(thread_id, unlock)
            else:
                self._pipeline(thread_id, ("BEGIN", None), (first, params), ("COMMIT", None), unlock)
        except BaseException:
            self._unlock_quietly(thread_id)
            raise
        finally:
            self._forget(thread_id, lease)

    @contextlib.contextmanager
    def holding_if_free(self, thread_id: str) -> Iterator[bool]:
        """Hold the thread for the block if no turn holds it now; yield whether it was free."""
        lease, _ = self.acquire(thread_id, 0.0, "SELECT 1", {})
        try:
            yield lease is not None
        finally:
            if lease is not None:
                self.release(thread_id, lease)

    def close(self) -> None:
        with self._session_lock:
            self._drop_session()
            self._on_server.clear()

    def _pipeline(self, thread_id: str, *statements: tuple[LiteralString, Any]) -> tuple[bool, Row | None]:
        """Send the statements in one round trip; whether the lock is held after, and the last row."""
        with self._session_lock:
            session = self._open_session()
            try:
                with session.pipeline():
                    cursors = [session.execute(query, params) for query, params in statements]
                rows = [cursor.fetchone() if cursor.description else None for cursor in cursors]
            except psycopg.Error:
                self._after_error(session)
                raise
            for (query, _), row in zip(statements, rows, strict=True):
                if query is _LOCK and row and row["held"]:
                    self._on_server.add(thread_id)
                elif query is _UNLOCK:
                    self._on_server.discard(thread_id)
            return thread_id in self._on_server, rows[-1]

    def _after_error(self, session: Connection) -> None:
        """A broken session is dropped (its locks went with it); an aborted transaction is rolled back."""
        if session.broken or session.closed:
            self._drop_session()
        elif session.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            try:
                session.execute("ROLLBACK")
            except psycopg.Error:
                self._drop_session()

    def _unlock_quietly(self, thread_id: str) -> None:
        try:
            self._pipeline(thread_id, (_UNLOCK, (NAMESPACE, thread_id)))
        except Exception:  # the session is gone, and its locks with it
            log.warning("could not unlock a thread: its lock went with its connection")

    def _forget(self, thread_id: str, lease: str) -> None:
        with self._changed:
            if self._leases.get(thread_id) == lease:
                del self._leases[thread_id]
                self._changed.notify_all()

    def _open_session(self) -> Connection:
        if self._session is None or self._session.closed:
            self._session = self._database.connect()
            self._retake(self._session)
        return self._session

    def _retake(self, session: Connection) -> None:
        """On a new session, take back the locks of turns still running: the old session's went with it."""
        for thread_id in sorted(self._on_server):
            row = session.execute(_LOCK, (NAMESPACE, thread_id)).fetchone()
            if not (row and row["held"]):
                self._on_server.discard(thread_id)
                log.warning("a running turn's thread was taken by another instance after a lost connection")

    def _drop_session(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
            self._session = None
