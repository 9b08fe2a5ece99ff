"""The two writes of a chat turn in PostgreSQL, run while the thread's lock is held.

``accept`` stores the pending question (and fails what a dead turn left
pending); ``finish`` stores the answer and the question's status.
"""

from __future__ import annotations

import attrs

from botk_adapters.postgres.db import Connection
from botk_adapters.postgres.message_rows import COLUMNS, INSERT, from_row, to_row
from botk_adapters.postgres.values import text
from botk_core.domain import AcceptedTurn, Message, Thread, reply_key
from botk_core.errors import IdempotencyKeyReused, ThreadFull, ThreadNotFound


def read_thread(conn: Connection, thread_id: str) -> Thread:
    row = conn.execute(
        "SELECT id, assistant_id, created_at FROM threads WHERE id = %s", (thread_id,)
    ).fetchone()
    if row is None:
        raise ThreadNotFound(thread_id)
    return Thread(str(row["id"]), str(row["assistant_id"]), float(row["created_at"]))


def accept(
    conn: Connection, user: Message, lease: str, history: int, max_messages: int | None
) -> AcceptedTurn:
    """Accept the turn inside the caller's transaction; the caller holds the thread's lock."""
    thread = read_thread(conn, user.thread_id)
    # Holding the lock, nothing else can be answering this thread: what is pending was left by a dead turn.
    fail_pending(conn, thread.id)
    known = _known(conn, user)
    if known is not None:
        answer = _by_client_id(conn, thread.id, reply_key(known.id))
        if answer is not None and answer.role == "assistant":
            return AcceptedTurn(thread, known, answer=answer)
        stored, retry = attrs.evolve(known, status="pending"), True
        conn.execute("UPDATE messages SET status = 'pending' WHERE id = %s", (known.id,))
    else:
        _check_room(conn, thread.id, max_messages)
        stored, retry = attrs.evolve(user, status="pending"), False
        conn.execute(INSERT, to_row(stored))
    return AcceptedTurn(thread, stored, _history(conn, stored, history), lease=lease, retry=retry)


def finish(conn: Connection, turn: AcceptedTurn, answer: Message | None) -> None:
    if answer is not None:
        conn.execute(INSERT, to_row(answer))
    status = "completed" if answer is not None else "failed"
    conn.execute("UPDATE messages SET status = %s WHERE id = %s", (status, turn.user.id))


def fail_pending(conn: Connection, thread_id: str) -> int:
    cursor = conn.execute(
        "UPDATE messages SET status = 'failed' WHERE thread_id = %s AND status = 'pending'", (thread_id,)
    )
    return cursor.rowcount


def _known(conn: Connection, user: Message) -> Message | None:
    if not user.client_message_id:
        return None
    known = _by_client_id(conn, user.thread_id, user.client_message_id)
    if known is not None and (known.role != "user" or known.content != text(user.content)):
        raise IdempotencyKeyReused("client_message_id was already used for a different message")
    return known


def _by_client_id(conn: Connection, thread_id: str, client_id: str) -> Message | None:
    row = conn.execute(
        f"SELECT {COLUMNS} FROM messages WHERE thread_id = %s AND client_message_id = %s",
        (thread_id, client_id),
    ).fetchone()
    return from_row(row) if row is not None else None


def _check_room(conn: Connection, thread_id: str, max_messages: int | None) -> None:
    if max_messages is None:
        return
    row = conn.execute("SELECT count(*) AS n FROM messages WHERE thread_id = %s", (thread_id,)).fetchone()
    if row is not None and int(row["n"]) + 2 > max_messages:  # question + answer
        raise ThreadFull(
            f"La conversación llegó a su límite de {max_messages} mensajes; inicia una conversación nueva."
        )


def _history(conn: Connection, user: Message, count: int) -> tuple[Message, ...]:
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM messages WHERE thread_id = %s AND status = 'completed'"
        " AND seq < (SELECT seq FROM messages WHERE id = %s) ORDER BY seq DESC LIMIT %s",
        (user.thread_id, user.id, max(count, 0)),
    ).fetchall()
    return tuple(from_row(r) for r in reversed(rows))
