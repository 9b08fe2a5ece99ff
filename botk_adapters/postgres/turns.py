"""The two writes of a chat turn in PostgreSQL, each one call of a server-side function (``turn_sql.py``).

``ACCEPT`` stores the question as pending (or marks an earlier attempt
pending again), fails what a dead turn left pending, marks the thread as
running and reads back the thread, the message stored under the client's
key, its answer and the history. When a rule refuses the turn (unknown
thread, key reused for another text, full thread) or a retry finds its
answer, it changes nothing and ``outcome`` tells which. ``FINISH`` stores the
answer and the question's status and takes the marker off.
"""

from __future__ import annotations

from typing import Any

import attrs

from botk_adapters.postgres.db import Connection
from botk_adapters.postgres.message_rows import from_row, to_row
from botk_core.domain import AcceptedTurn, Message, Thread, reply_key
from botk_core.errors import IdempotencyKeyReused, ThreadFull, ThreadNotFound

ACCEPT = (
    "SELECT * FROM botk_accept_turn(%(owner)s, %(lease)s, %(thread_id)s, %(id)s, %(content)s, %(created_at)s,"
    " %(client_message_id)s, %(reply_prefix)s, %(max_messages)s, %(history)s)"
)
FINISH = (
    "SELECT botk_finish_turn(%(thread_id)s, %(lease)s, %(user_id)s, %(id)s, %(content)s, %(created_at)s,"
    " %(citations)s, %(tool_runs)s, %(usage)s, %(client_message_id)s)"
)
_NO_ANSWER = dict.fromkeys(
    ("id", "content", "created_at", "citations", "tool_runs", "usage", "client_message_id")
)


def accept_params(user: Message, history: int, max_messages: int | None) -> dict[str, Any]:
    return {
        "thread_id": user.thread_id,
        "id": user.id,
        "content": user.content,
        "created_at": user.created_at,
        "client_message_id": user.client_message_id,
        "reply_prefix": reply_key(""),
        "max_messages": max_messages,
        "history": max(history, 0),
    }


def accepted(row: dict[str, Any] | None, user: Message, lease: str, max_messages: int | None) -> AcceptedTurn:
    """The turn ``ACCEPT`` stored, or the rule that refused it (nothing was changed then)."""
    outcome = row["outcome"] if row else "not_found"
    if row is None or outcome == "not_found":
        raise ThreadNotFound(user.thread_id)
    thread = Thread(user.thread_id, row["thread_assistant"], row["thread_created"])
    known = from_row(row["known_row"]) if row["known_row"] else None
    if outcome == "key_reused":
        raise IdempotencyKeyReused("Ese client_message_id ya se usó para otro mensaje.")
    if known is not None and outcome == "answered":
        return AcceptedTurn(thread, known, answer=from_row(row["answer_row"]))
    if outcome == "full":
        raise ThreadFull(
            f"La conversación llegó a su límite de {max_messages} mensajes; inicia una conversación nueva."
        )
    # The earlier completed messages as the model reads them: role and text only.
    history = tuple(
        Message(id_, user.thread_id, role, text, at) for id_, role, text, at in row["history_rows"]
    )
    question = attrs.evolve(known or user, status="pending")
    return AcceptedTurn(thread, question, history, lease=lease, retry=known is not None)


def finish_params(turn: AcceptedTurn, answer: Message | None) -> dict[str, Any]:
    stored = to_row(answer) if answer else _NO_ANSWER
    return {**stored, "thread_id": turn.thread.id, "lease": turn.lease, "user_id": turn.user.id}


def read_thread(conn: Connection, thread_id: str) -> Thread:
    row = conn.execute(
        "SELECT id, assistant_id, created_at FROM threads WHERE id = %s", (thread_id,)
    ).fetchone()
    if row is None:
        raise ThreadNotFound(thread_id)
    return Thread(row["id"], row["assistant_id"], row["created_at"])


def fail_pending(conn: Connection, thread_id: str) -> int:
    """Fail what a dead turn left pending, and take its marker off."""
    conn.execute("UPDATE threads SET turn_owner = NULL, turn_lease = NULL WHERE id = %s", (thread_id,))
    cursor = conn.execute(
        "UPDATE messages SET status = 'failed' WHERE thread_id = %s AND status = 'pending'", (thread_id,)
    )
    return cursor.rowcount
