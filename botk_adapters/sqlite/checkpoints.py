"""WAL checkpoints on a background thread, so that no chat turn waits for one.

SQLite copies the write-ahead log back into the database file (and syncs it)
whenever a commit finds the log over ``wal_autocheckpoint`` pages: with the
default of 1000 pages, every hundredth turn or so paid a few milliseconds for
the others. A server's connections raise that threshold to a safety net and
one daemon thread per file and process checkpoints every ``interval`` seconds
instead (``PASSIVE``: it never blocks a reader or a writer).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Pages a commit may still leave in the log before it checkpoints itself: only
# reached when the background thread cannot keep up (or has stopped).
SAFETY_NET_PAGES = 10_000
INTERVAL_SECONDS = 0.5

_threads: dict[str, threading.Thread] = {}
_guard = threading.Lock()


def start(path: str, owner: Any, interval: float = INTERVAL_SECONDS) -> None:
    """Checkpoint ``path`` every ``interval`` seconds while ``owner`` lives and the file exists."""
    with _guard:
        running = _threads.get(path)
        if running is not None and running.is_alive():
            return
        thread = threading.Thread(
            target=_run,
            args=(path, weakref.ref(owner), interval),
            name=f"botk-checkpoint-{Path(path).name}",
            daemon=True,
        )
        _threads[path] = thread
        thread.start()


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy what the log holds into the database file, as far as readers allow."""
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def _run(path: str, owner: weakref.ref[Any], interval: float) -> None:
    try:
        # mode=rw: a file removed meanwhile is not created again.
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, timeout=1.0)
    except sqlite3.Error:
        _forget(path)
        return
    try:
        # The owner (a Database) gone, or its file removed: nothing left to keep small.
        while owner() is not None and Path(path).exists():
            try:
                checkpoint(conn)
            except sqlite3.Error as error:
                log.warning("WAL checkpoint of %s failed: %s", Path(path).name, error)
            time.sleep(interval)
    finally:
        conn.close()
        _forget(path)


def _forget(path: str) -> None:
    with _guard:
        if _threads.get(path) is threading.current_thread():
            del _threads[path]
