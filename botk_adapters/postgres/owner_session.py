"""The process's owner key: a session advisory lock that lives exactly as long as the process's session.

The markers of the turns a process runs carry its key. The key is locked
on a connection of its own, outside the pool, used for nothing else, so the
lock dies with that connection: a crash or a ``kill -9`` of an instance lets
its markers go at once, and no lease has to expire.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
from collections.abc import Callable, Collection

import psycopg

from botk_adapters.postgres.db import Connection, PostgresDatabase

log = logging.getLogger(__name__)

# A key still locked (by our own lost session, which the server has not noticed yet) is waited for
# this long before the process takes a new one.
_RELOCK_WAIT_MS = 2000
# Markers of the turns still running, moved to a new key: they stay held where nobody took them.
_RETAKE = "UPDATE threads SET turn_owner = %s WHERE turn_owner = %s AND turn_lease = ANY(%s)"
_CLEAR = "UPDATE threads SET turn_owner = NULL, turn_lease = NULL WHERE id = %s AND turn_lease = %s"


def _new_key() -> int:
    return secrets.randbits(63)


class OwnerSession:
    """The key this process's markers carry, held locked on a session of its own."""

    def __init__(self, database: PostgresDatabase, running: Callable[[], Collection[str]]) -> None:
        self._database = database
        self._running = running  # the leases of this process's running turns
        self._pid, self._key = os.getpid(), _new_key()
        self._moved_from: int | None = None  # a key given up whose running markers must move
        self._session: Connection | None = None
        self._lock = threading.Lock()

    def key(self) -> int:
        """The key, locked (the session is opened on first use, and again after it was lost)."""
        with self._lock:
            if self._pid != os.getpid():  # a forked worker takes a key of its own, never its parent's
                self._pid, self._key, self._session, self._moved_from = os.getpid(), _new_key(), None, None
            self._open()
            return self._key

    def current(self) -> int:
        """The key markers of this process carry now, without opening anything."""
        return self._key

    def renew(self, lost_key: int) -> None:
        """The server no longer sees ``lost_key`` held: lock it again on a new session."""
        with self._lock:
            if lost_key == self._key:
                self._drop()

    def clear(self, thread_id: str, lease: str) -> None:
        """Take a finished turn's marker off when its finish could not (never raises).

        When even that fails, the process gives up its key, so that marker dies
        with the old session; the running turns' markers move to the new key.
        """
        with self._lock:
            try:
                self._open().execute(_CLEAR, (thread_id, lease))
                return
            except Exception:
                log.warning("a finished turn's marker could not be cleared: this process takes a new key")
                self._drop()
                self._give_up_key()
            with contextlib.suppress(Exception):
                self._open()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _open(self) -> Connection:
        if self._session is not None and not self._session.closed:
            return self._session
        session = self._database.connect()
        try:
            session.execute(f"SET lock_timeout = {_RELOCK_WAIT_MS}")
            if not self._try_lock(session):
                self._relock(session)
            if self._moved_from is not None:
                moved = session.execute(_RETAKE, (self._key, self._moved_from, list(self._running())))
                log.warning("turn owner key replaced; %d running turns kept held", moved.rowcount)
                self._moved_from = None
        except BaseException:
            with contextlib.suppress(Exception):
                session.close()
            raise
        self._session = session
        return session

    def _try_lock(self, session: Connection) -> bool:
        row = session.execute("SELECT pg_try_advisory_lock(%s::bigint) AS held", (self._key,)).fetchone()
        return bool(row and row["held"])

    def _relock(self, session: Connection) -> None:
        """Wait a moment for the key (a probe may hold it briefly); else move to a new key."""
        try:
            session.execute("SELECT pg_advisory_lock(%s::bigint)", (self._key,))
            return
        except psycopg.errors.LockNotAvailable:  # still held: our lost session lingers on the server
            pass
        self._give_up_key()
        session.execute("SELECT pg_advisory_lock(%s::bigint)", (self._key,))

    def _give_up_key(self) -> None:
        if self._moved_from is None:  # an unlocked key was never put on a marker: keep the first one
            self._moved_from = self._key
        self._key = _new_key()

    def _drop(self) -> None:
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
            self._session = None
