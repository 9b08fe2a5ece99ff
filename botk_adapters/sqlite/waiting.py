"""How BOTK's SQLite writers wait for each other, within a process and across processes."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from botk_core.errors import StorageError

T = TypeVar("T")
_SQLITE_BUSY = 5
_writer_locks: dict[str, threading.Lock] = {}
_writer_locks_guard = threading.Lock()


class PerProcess:
    """One connection per process, opened on first use, and again in a forked child.

    A process's writers of one file take turns under its ``writer_lock``; sharing one
    connection among its threads keeps that connection's page cache warm, where one
    per thread read the pages again whenever another thread had written.
    """

    def __init__(self, open_connection: Callable[[], sqlite3.Connection]) -> None:
        self._open = open_connection
        self._held: tuple[int, sqlite3.Connection] | None = None

    def get(self) -> sqlite3.Connection:
        """This process's connection; call it only under the file's writer lock."""
        pid = os.getpid()
        if self._held is None or self._held[0] != pid:
            self._held = (pid, self._open())
        return self._held[1]

    def current(self) -> sqlite3.Connection | None:
        """This process's connection if it is open, else None."""
        return self._held[1] if self._held is not None and self._held[0] == os.getpid() else None


def writer_lock(path: str) -> threading.Lock:
    """The process-wide lock that queues this process's writers of one file.

    SQLite's busy handler makes a blocked writer sleep (1, 2, 5, 10 ms...), so
    threads of one process that contend for the write lock lose more time
    sleeping than writing; queued on a Python lock, the next writer starts the
    moment the previous one commits. Other processes meet in ``when_free``.
    """
    with _writer_locks_guard:
        return _writer_locks.setdefault(path, threading.Lock())


@contextmanager
def holding(lock: threading.Lock, seconds: float, busy: str) -> Iterator[None]:
    """``lock`` for the block, waited for at most ``seconds``; ``StorageError(busy)`` past them."""
    if not lock.acquire(timeout=seconds):
        raise StorageError(busy)
    try:
        yield
    finally:
        lock.release()


def when_free(action: Callable[[], T], seconds: float) -> T:
    """``action()``, tried again every 0.1-2 ms while another process holds the write lock.

    SQLite's own busy handler sleeps 1, 2, 5, 10, 20... ms between tries, so a
    writer of one gunicorn worker that met a commit of the other waited far
    longer than the commit took. Only one thread per process polls
    (``writer_lock``), so polling this often costs little. ``action`` must run
    on a connection whose busy timeout is 0, and change nothing when it fails.
    """
    deadline, pause = time.monotonic() + seconds, 0.0001
    while True:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF != _SQLITE_BUSY or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.002)
