"""PostgresThreadRepository: threads and messages on PostgreSQL, one turn at a time across instances."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg

from botk_adapters.postgres import turns
from botk_adapters.postgres.db import Connection, PostgresDatabase
from botk_adapters.postgres.errors import translated
from botk_adapters.postgres.message_rows import COLUMNS, from_row
from botk_adapters.postgres.turn_locks import TurnLocks
from botk_core.domain import AcceptedTurn, Message, MessagePage, Thread
from botk_core.errors import Conflict, InvalidInput, ThreadNotFound

_BUSY = "Otro mensaje de esta conversación todavía se está respondiendo; intenta de nuevo en un momento."
# A thread is idle when its newest message (or, with none, its creation) is older than the cutoff.
_IDLE = "coalesce((SELECT max(m.created_at) FROM messages AS m WHERE m.thread_id = t.id), t.created_at) < %s"


@contextlib.contextmanager
def _thread_gone(thread_id: str) -> Iterator[None]:
    """A message whose thread was deleted meanwhile cannot be stored: the thread is not found."""
    try:
        yield
    except psycopg.errors.ForeignKeyViolation:
        raise ThreadNotFound(thread_id) from None


class PostgresThreadRepository:
    """Threads and messages; a running turn marks its thread, under a key that dies with its process.

    A turn costs two writes, as on SQLite, each one call of a server-side
    function: accepting (the pending question and the thread's marker,
    committed before the model is called) and finishing (answer, status, and
    the marker taken off).
    """

    def __init__(self, database: PostgresDatabase, *, lock_wait_seconds: float = 180.0) -> None:
        self._db = database
        self._locks = TurnLocks(database)
        self._lock_wait = lock_wait_seconds

    def create(self, thread: Thread) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO threads (id, assistant_id, created_at) VALUES (%s, %s, %s)",
                (thread.id, thread.assistant_id, thread.created_at),
            )

    def get(self, thread_id: str) -> Thread:
        with self._db.connection() as conn:
            return turns.read_thread(conn, thread_id)

    def list_messages(
        self,
        thread_id: str,
        *,
        limit: int,
        after: str | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> MessagePage:
        with self._db.connection() as conn:
            where, params = ["thread_id = %s"], list[object]([thread_id])
            # In descending order "after" means older, so the comparisons flip.
            for cursor, newer in ((after, not descending), (before, descending)):
                if cursor is not None:
                    where.append("seq > %s" if newer else "seq < %s")
                    params.append(self._seq(conn, thread_id, cursor))
            backwards = before is not None and after is None
            order = "ASC" if (not descending) != backwards else "DESC"
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM messages WHERE {' AND '.join(where)} ORDER BY seq {order} LIMIT %s",
                (*params, limit + 1),
            ).fetchall()
        page = [from_row(r) for r in rows[:limit]]
        if backwards:
            page.reverse()
        return MessagePage(tuple(page), len(rows) > limit)

    def accept_turn(self, user: Message, *, history: int, max_messages: int | None = None) -> AcceptedTurn:
        params = turns.accept_params(user, history, max_messages)

        def attempt(owner: int, lease: str) -> dict[str, Any] | None:
            with self._db.connection() as conn, _thread_gone(user.thread_id):
                return conn.execute(turns.ACCEPT, {**params, "owner": owner, "lease": lease}).fetchone()

        with translated():
            lease, row = self._locks.acquire(user.thread_id, self._lock_wait, attempt)
        if lease is None:
            raise Conflict(_BUSY)
        try:
            accepted = turns.accepted(row, user, lease, max_messages)
        except BaseException:
            self._locks.forget(user.thread_id, lease)  # refused: the server holds nothing
            raise
        if accepted.answer is not None:  # a retry of an answered turn: nothing to run, nothing held
            self._locks.forget(user.thread_id, lease)
        return accepted

    def finish_turn(self, turn: AcceptedTurn, answer: Message | None) -> None:
        # One round trip: the answer, the question's status and the thread's marker, committed together.
        # When the write fails the marker still goes: the question stays pending and the next turn fails it.
        params = turns.finish_params(turn, answer)

        def finish() -> None:
            with self._db.connection() as conn, _thread_gone(turn.thread.id):
                conn.execute(turns.FINISH, params)

        with translated():
            self._locks.release(turn.thread.id, turn.lease, finish)

    def recover_turns(self) -> int:
        with self._db.connection() as conn:
            rows = conn.execute("SELECT DISTINCT thread_id FROM messages WHERE status = 'pending'").fetchall()
        return sum(self._fail_if_free(row["thread_id"]) for row in rows)

    def delete_thread(self, thread_id: str) -> None:
        self.get(thread_id)
        with translated(), self._locks.holding_if_free(thread_id) as conn:
            if conn is None:
                raise Conflict(_BUSY)
            if conn.execute("DELETE FROM threads WHERE id = %s", (thread_id,)).rowcount == 0:
                raise ThreadNotFound(thread_id)

    def prune_threads(self, inactive_since: float) -> list[str]:
        with self._db.connection() as conn:
            rows = conn.execute(f"SELECT t.id FROM threads AS t WHERE {_IDLE}", (inactive_since,)).fetchall()
        return [row["id"] for row in rows if self._delete_if_idle(row["id"], inactive_since)]

    def close(self) -> None:
        """Let go of the owner session (the pool belongs to the database)."""
        self._locks.close()

    def _fail_if_free(self, thread_id: str) -> int:
        with translated(), self._locks.holding_if_free(thread_id) as conn:
            if conn is None:
                return 0  # a live turn, here or in another instance
            return turns.fail_pending(conn, thread_id)

    def _delete_if_idle(self, thread_id: str, inactive_since: float) -> bool:
        with translated(), self._locks.holding_if_free(thread_id) as conn:
            if conn is None:
                return False
            # Idle still: a turn may have ended since the search.
            deleted = conn.execute(
                f"DELETE FROM threads AS t WHERE t.id = %s AND {_IDLE}", (thread_id, inactive_since)
            )
            return deleted.rowcount > 0

    @staticmethod
    def _seq(conn: Connection, thread_id: str, message_id: str) -> int:
        row = conn.execute(
            "SELECT seq FROM messages WHERE id = %s AND thread_id = %s", (message_id, thread_id)
        ).fetchone()
        if row is None:
            raise InvalidInput("El cursor no es un mensaje de esta conversación.")
        return int(row["seq"])
