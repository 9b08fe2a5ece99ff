"""The two writes of a chat turn in SQLite: accept (lock + user message) and finish."""

from __future__ import annotations

import sqlite3

import attrs

from botk_adapters.sqlite import turn_locks
from botk_adapters.sqlite.message_rows import COLUMNS, INSERT, from_row, to_row
from botk_core.domain import AcceptedTurn, Message, Thread, reply_key
from botk_core.errors import IdempotencyKeyReused, ThreadFull, ThreadNotFound


def read_thread(conn: sqlite3.Connection, thread_id: str) -> Thread:
    row = conn.execute(
        "SELECT id, assistant_id, created_at FROM threads WHERE id = ?", (thread_id,)
    ).fetchone()
    if row is None:
        raise ThreadNotFound(thread_id)
    return Thread(row["id"], row["assistant_id"], row["created_at"])


def try_accept(
    conn: sqlite3.Connection,
    user: Message,
    lease: str,
    lease_seconds: float,
    history: int,
    max_messages: int | None,
) -> AcceptedTurn | None:
    """Accept the turn inside the caller's write transaction; None while another turn holds the thread."""
    thread, alive, count = _thread_and_lock(conn, user.thread_id)
    if alive:
        return None
    if alive is False:
        # The lock's turn died with its process: its pending messages will never be answered.
        fail_pending(conn, thread.id)
    known = _known(conn, user)
    if known is not None:
        answer = _by_client_id(conn, thread.id, reply_key(known.id))
        if answer is not None and answer.role == "assistant":
            return AcceptedTurn(thread, known, answer=answer)
        stored, retry = attrs.evolve(known, status="pending"), True
        conn.execute("UPDATE messages SET status = 'pending' WHERE id = ?", (known.id,))
    else:
        _check_room(count, max_messages)
        stored, retry = attrs.evolve(user, status="pending"), False
        conn.execute(INSERT, to_row(stored))
    turn_locks.hold(conn, thread.id, lease, lease_seconds, added=0 if retry else 1)
    return AcceptedTurn(thread, stored, _history(conn, stored, history), lease=lease, retry=retry)


def finish(conn: sqlite3.Connection, turn: AcceptedTurn, answer: Message | None) -> None:
    if answer is not None:
        conn.execute(INSERT, to_row(answer))
    status = "completed" if answer is not None else "failed"
    conn.execute("UPDATE messages SET status = ? WHERE id = ?", (status, turn.user.id))
    turn_locks.release(conn, turn.thread.id, turn.lease, added=1 if answer is not None else 0)


def fail_pending(conn: sqlite3.Connection, thread_id: str) -> int:
    """Fail what a dead turn left pending, and take its lock off the thread."""
    turn_locks.clear(conn, thread_id)
    cursor = conn.execute(
        "UPDATE messages SET status = 'failed' WHERE thread_id = ? AND status = 'pending'", (thread_id,)
    )
    return cursor.rowcount


def _thread_and_lock(conn: sqlite3.Connection, thread_id: str) -> tuple[Thread, bool | None, int]:
    """The thread, whether a live turn holds it (None: free) and its number of messages, in one query."""
    row = conn.execute(
        "SELECT id, assistant_id, created_at, message_count, turn_owner, turn_expires_at"
        " FROM threads WHERE id = ?",
        (thread_id,),
    ).fetchone()
    if row is None:
        raise ThreadNotFound(thread_id)
    thread = Thread(row["id"], row["assistant_id"], row["created_at"])
    if row["turn_owner"] is None:
        return thread, None, row["message_count"]
    return thread, turn_locks.lock_alive(row["turn_owner"], row["turn_expires_at"]), row["message_count"]


def _known(conn: sqlite3.Connection, user: Message) -> Message | None:
    if not user.client_message_id:
        return None
    known = _by_client_id(conn, user.thread_id, user.client_message_id)
    if known is not None and (known.role != "user" or known.content != user.content):
        raise IdempotencyKeyReused("Ese client_message_id ya se usó para otro mensaje.")
    return known


def _by_client_id(conn: sqlite3.Connection, thread_id: str, client_id: str) -> Message | None:
    row = conn.execute(
        f"SELECT {COLUMNS} FROM messages WHERE thread_id = ? AND client_message_id = ?",
        (thread_id, client_id),
    ).fetchone()
    return from_row(row) if row is not None else None


def _check_room(count: int, max_messages: int | None) -> None:
    if max_messages is None:
        return
    if count + 2 > max_messages:  # the question and its answer
        raise ThreadFull(
            f"La conversación llegó a su límite de {max_messages} mensajes; inicia una conversación nueva."
        )


def _history(conn: sqlite3.Connection, user: Message, count: int) -> tuple[Message, ...]:
    """The earlier completed messages as the model reads them: role and text only."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: the window is read on every turn
    rows = cursor.execute(
        "SELECT id, role, content, created_at FROM messages WHERE thread_id = ? AND status = 'completed'"
        " AND seq < (SELECT seq FROM messages WHERE id = ?) ORDER BY seq DESC LIMIT ?",
        (user.thread_id, user.id, max(count, 0)),
    ).fetchall()
    thread_id = user.thread_id
    return tuple(Message(id, thread_id, role, text, at) for id, role, text, at in reversed(rows))
