"""The two writes of a chat turn in PostgreSQL, each one statement, made while the thread's lock is held.

``ACCEPT`` runs right after the lock is taken (in the same round trip) and
does everything at once: it stores the question as pending (or marks an
earlier attempt pending again), fails what a dead turn left pending, and
reads back the thread, the message stored under the client's key, its
answer and the history. When a rule refuses the turn (unknown thread, key
reused for another text, full thread) or a retry finds its answer, the
statement changes nothing and ``accepted`` tells which. ``FINISH`` stores the
answer and the question's status.
"""

from __future__ import annotations

from typing import Any

import attrs

from botk_adapters.postgres.db import Connection
from botk_adapters.postgres.message_rows import COLUMNS, INSERT, VALUES, from_row, to_row
from botk_adapters.postgres.turn_locks import HELD
from botk_adapters.postgres.values import text
from botk_core.domain import AcceptedTurn, Message, Thread, reply_key
from botk_core.errors import IdempotencyKeyReused, ThreadFull, ThreadNotFound

ACCEPT = f"""
WITH thread AS (
    SELECT id, assistant_id, created_at, message_count FROM threads WHERE id = %(thread_id)s AND {HELD}
), known AS (
    SELECT * FROM messages WHERE thread_id = %(thread_id)s AND client_message_id = %(client_message_id)s
        AND EXISTS (SELECT 1 FROM thread)
), answer AS (
    SELECT a.* FROM messages AS a JOIN known AS k ON a.client_message_id = %(reply_prefix)s || k.id
    WHERE a.thread_id = %(thread_id)s AND a.role = 'assistant'
), inserted AS (
    INSERT INTO messages ({COLUMNS}) SELECT {VALUES} FROM thread
    WHERE NOT EXISTS (SELECT 1 FROM known)
        AND (NOT %(limited)s OR thread.message_count + 2 <= %(max_messages)s)
    RETURNING seq
), counted AS (
    UPDATE threads SET message_count = message_count + 1
    WHERE id = %(thread_id)s AND EXISTS (SELECT 1 FROM inserted)
), retried AS (
    UPDATE messages SET status = 'pending'
    WHERE id = (SELECT id FROM known WHERE role = 'user' AND content = %(content)s)
        AND NOT EXISTS (SELECT 1 FROM answer)
    RETURNING seq
), stored AS (
    SELECT seq FROM inserted UNION ALL SELECT seq FROM retried
), failed AS (
    UPDATE messages SET status = 'failed'
    WHERE thread_id = %(thread_id)s AND status = 'pending' AND EXISTS (SELECT 1 FROM stored)
        AND id NOT IN (SELECT id FROM known)
)
SELECT (SELECT row_to_json(thread) FROM thread) AS thread,
       (SELECT row_to_json(known) FROM known) AS known,
       (SELECT row_to_json(answer) FROM answer LIMIT 1) AS answer,
       (SELECT seq FROM stored) AS seq,
       (SELECT coalesce(json_agg(json_build_array(h.id, h.role, h.content, h.created_at) ORDER BY h.seq),
                        '[]')
        FROM (
            SELECT id, role, content, created_at, seq FROM messages
            WHERE thread_id = %(thread_id)s AND status = 'completed' AND seq < (SELECT seq FROM stored)
            ORDER BY seq DESC LIMIT %(history)s
       ) AS h) AS history
"""
FINISH_ANSWERED = (
    f"WITH answer AS ({INSERT}),"
    " counted AS (UPDATE threads SET message_count = message_count + 1 WHERE id = %(thread_id)s)"
    " UPDATE messages SET status = 'completed' WHERE id = %(user_id)s"
)
FINISH_FAILED = "UPDATE messages SET status = 'failed' WHERE id = %(user_id)s"


def accept_params(user: Message, history: int, max_messages: int | None) -> dict[str, Any]:
    return {
        **to_row(attrs.evolve(user, status="pending")),
        "reply_prefix": reply_key(""),
        "limited": max_messages is not None,
        "max_messages": max_messages or 0,
        "history": max(history, 0),
    }


def accepted(row: dict[str, Any] | None, user: Message, lease: str, max_messages: int | None) -> AcceptedTurn:
    """The turn ``ACCEPT`` stored, or the rule that refused it (nothing was changed then)."""
    if row is None or row["thread"] is None:
        raise ThreadNotFound(user.thread_id)
    stored = row["thread"]
    thread = Thread(stored["id"], stored["assistant_id"], stored["created_at"])
    known = from_row(row["known"]) if row["known"] else None
    if known is not None and (known.role != "user" or known.content != text(user.content)):
        raise IdempotencyKeyReused("Ese client_message_id ya se usó para otro mensaje.")
    if known is not None and row["answer"]:
        return AcceptedTurn(thread, known, answer=from_row(row["answer"]))
    if row["seq"] is None:
        raise ThreadFull(
            f"La conversación llegó a su límite de {max_messages} mensajes; inicia una conversación nueva."
        )
    # The earlier completed messages as the model reads them: role and text only.
    history = tuple(Message(id_, user.thread_id, role, text, at) for id_, role, text, at in row["history"])
    question = attrs.evolve(known or user, status="pending")
    return AcceptedTurn(thread, question, history, lease=lease, retry=known is not None)


def finish_params(turn: AcceptedTurn, answer: Message | None) -> dict[str, Any]:
    return {**(to_row(answer) if answer else {}), "user_id": turn.user.id}


def read_thread(conn: Connection, thread_id: str) -> Thread:
    row = conn.execute(
        "SELECT id, assistant_id, created_at FROM threads WHERE id = %s", (thread_id,)
    ).fetchone()
    if row is None:
        raise ThreadNotFound(thread_id)
    return Thread(row["id"], row["assistant_id"], row["created_at"])


def fail_pending(conn: Connection, thread_id: str) -> int:
    cursor = conn.execute(
        "UPDATE messages SET status = 'failed' WHERE thread_id = %s AND status = 'pending'", (thread_id,)
    )
    return cursor.rowcount
