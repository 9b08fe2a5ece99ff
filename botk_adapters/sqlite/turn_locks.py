"""Turn locks on the thread's own row: who holds a thread, and whether that holder still lives."""

from __future__ import annotations

import functools
import itertools
import os
import sqlite3
import time

_turns = itertools.count(1)


def new_lease() -> str:
    """``pid:start:n``: names this process (and when it started) and this one turn.

    Unique, not secret: nobody outside the process presents a lease, so a counter
    does what random bytes did without a system call per turn.
    """
    return f"{_own_identity(os.getpid())}:{next(_turns)}"


@functools.cache
def _own_identity(pid: int) -> str:
    # Keyed by pid, so a forked worker computes its own.
    return process_identity(pid)


def holder_alive(conn: sqlite3.Connection, thread_id: str) -> bool | None:
    """None when the thread is free; else whether its holder is live (a dead one's lock is stale)."""
    row = conn.execute(
        "SELECT turn_owner, turn_expires_at FROM threads WHERE id = ?", (thread_id,)
    ).fetchone()
    if row is None or row["turn_owner"] is None:
        return None
    return lock_alive(row["turn_owner"], row["turn_expires_at"])


def lock_alive(owner: str, expires_at: float) -> bool:
    """Whether a lock row still holds: its lease has not run out and its process lives."""
    return expires_at > time.time() and owner_alive(owner)


def hold(conn: sqlite3.Connection, thread_id: str, lease: str, seconds: float, added: int) -> None:
    """Hold the thread under ``lease``, counting the ``added`` messages stored with it."""
    conn.execute(
        "UPDATE threads SET turn_owner = ?, turn_expires_at = ?, message_count = message_count + ?"
        " WHERE id = ?",
        (lease, time.time() + seconds, added, thread_id),
    )


def release(conn: sqlite3.Connection, thread_id: str, lease: str, added: int) -> None:
    """Let the thread go if ``lease`` still holds it, counting the ``added`` messages stored with it."""
    # A lease that ran out may have been taken over: then the lock is the new turn's to release.
    conn.execute(
        "UPDATE threads SET message_count = message_count + :added,"
        " turn_owner = CASE WHEN turn_owner = :lease THEN NULL ELSE turn_owner END,"
        " turn_expires_at = CASE WHEN turn_owner = :lease THEN NULL ELSE turn_expires_at END"
        " WHERE id = :thread",
        {"added": added, "lease": lease, "thread": thread_id},
    )


def clear(conn: sqlite3.Connection, thread_id: str) -> None:
    """Take a dead turn's lock off the thread."""
    conn.execute("UPDATE threads SET turn_owner = NULL, turn_expires_at = NULL WHERE id = ?", (thread_id,))


def process_identity(pid: int) -> str:
    """``pid:start`` where ``start`` is when the process started (Linux), so a
    new process that reuses a dead one's pid is not mistaken for it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            start = stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        start = "?"
    return f"{pid}:{start}"


def owner_alive(owner: str) -> bool:
    """A lock whose process died (crash, kill -9, restart) is stale and may be taken over."""
    pid_text, _, rest = owner.partition(":")
    try:
        pid = int(pid_text)
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    started = rest.split(":", 1)[0]
    return started in ("?", process_identity(pid).split(":", 1)[1])
