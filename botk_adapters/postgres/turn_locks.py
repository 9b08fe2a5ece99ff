"""One turn at a time per thread, across processes and instances: markers that die with their process.

Accepting a turn leaves a marker on its thread (``turn_sql.py``) in the
same statement that stores the question, on any pooled connection; finishing
the turn takes the marker off in the statement that stores the answer. No
connection is held while the model runs, so turns of different threads never
wait for each other. The marker carries the process's owner key
(``owner_session.py``), locked on a session that dies with the process.

Inside the process a thread is also held at most once, under a condition
variable, so only turns of other instances are polled for.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.postgres.lock_keys import NAMESPACE
from botk_adapters.postgres.owner_session import OwnerSession
from botk_core.errors import StorageError

Row = dict[str, Any]
# One attempt at accepting: (owner key, lease) -> the row of ``botk_accept_turn``.
Attempt = Callable[[int, str], Row | None]
_MAX_PAUSE = 0.1
_MAX_RENEWALS = 3
_UNAVAILABLE = "El almacenamiento no está disponible; intenta de nuevo en un momento."
# Free: no marker, or one of this process's own (it holds the thread locally, so that turn is over),
# or one whose owner's lock nobody holds; and no older BOTK holding it by its advisory lock.
_FREE = f"""
SELECT (turn_lease IS NULL OR turn_owner = %(owner)s OR pg_try_advisory_xact_lock_shared(turn_owner))
       AND pg_try_advisory_xact_lock({NAMESPACE}, hashtext(id)) AS free
FROM threads WHERE id = %(thread_id)s FOR UPDATE
"""


class TurnLocks:
    """The threads this process holds, locally and on the server; ``acquire`` returns a lease."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database
        self._leases: dict[str, str] = {}
        self._changed = threading.Condition()
        self._owner = OwnerSession(database, self._running)

    def acquire(self, thread_id: str, wait_seconds: float, attempt: Attempt) -> tuple[str | None, Row | None]:
        """Hold ``thread_id`` (waiting up to ``wait_seconds``) by running ``attempt`` until it is not busy.

        Returns the lease and the attempt's row, or ``(None, None)`` past the
        wait. Unless the row says the turn was accepted, nothing is held on the
        server: the caller ``forget``s the lease.
        """
        deadline = time.monotonic() + wait_seconds
        lease = self._hold_locally(thread_id, wait_seconds)
        if lease is None:
            return None, None
        try:
            pause, renewals = 0.002, 0
            while True:
                owner = self._owner.key()
                row = attempt(owner, lease)
                outcome = row["outcome"] if row else None
                if outcome == "owner_lost" and renewals < _MAX_RENEWALS:
                    renewals += 1  # the owner session dropped: lock the key again, then retry
                    self._owner.renew(owner)
                    continue
                if outcome == "owner_lost":
                    raise StorageError(_UNAVAILABLE)
                if outcome != "busy":
                    return lease, row
                if time.monotonic() > deadline:
                    break
                time.sleep(pause)
                pause = min(pause * 2, _MAX_PAUSE)
        except BaseException:
            self.forget(thread_id, lease)
            raise
        self.forget(thread_id, lease)
        return None, None

    def release(self, thread_id: str, lease: str, finish: Callable[[], None]) -> None:
        """Run ``finish`` (which takes the marker off); the marker goes even when it fails."""
        with self._changed:
            if self._leases.get(thread_id) != lease:
                return
        try:
            finish()
        except BaseException:
            self.forget(thread_id, lease)  # first: a key given up must not carry this marker along
            self._owner.clear(thread_id, lease)
            raise
        self.forget(thread_id, lease)

    @contextlib.contextmanager
    def holding_if_free(self, thread_id: str) -> Iterator[Connection | None]:
        """A write transaction holding the thread's row if no turn holds the thread now, else None."""
        lease = self._hold_locally(thread_id, 0.0)
        if lease is None:
            yield None
            return
        try:
            with self._database.write() as conn:
                row = conn.execute(_FREE, {"thread_id": thread_id, "owner": self._owner.current()}).fetchone()
                yield conn if row is None or row["free"] else None
        finally:
            self.forget(thread_id, lease)

    def forget(self, thread_id: str, lease: str) -> None:
        """Let the thread go inside the process (the server holds nothing under ``lease`` any more)."""
        with self._changed:
            if self._leases.get(thread_id) == lease:
                del self._leases[thread_id]
                self._changed.notify_all()

    def close(self) -> None:
        self._owner.close()

    def _hold_locally(self, thread_id: str, wait_seconds: float) -> str | None:
        with self._changed:
            if not self._changed.wait_for(lambda: thread_id not in self._leases, wait_seconds):
                return None
            lease = self._leases[thread_id] = f"pg:{secrets.token_hex(8)}"
            return lease

    def _running(self) -> list[str]:
        with self._changed:
            return list(self._leases.values())
