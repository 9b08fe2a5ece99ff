"""SqliteThreadRepository: threads and messages in BOTK's SQLite file."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from botk_adapters.sqlite import turn_locks, turns
from botk_adapters.sqlite.db import Database
from botk_adapters.sqlite.message_rows import COLUMNS, from_row
from botk_core.domain import AcceptedTurn, Message, MessagePage, Thread
from botk_core.errors import Conflict, InvalidInput

_BUSY = "Otro mensaje de esta conversación todavía se está respondiendo; intenta de nuevo en un momento."


class SqliteThreadRepository:
    """Threads and messages; the turn lock is a row, so it holds across processes."""

    def __init__(
        self,
        db: Database | str | Path,
        *,
        lock_wait_seconds: float = 180.0,
        lock_lease_seconds: float = 900.0,
    ) -> None:
        self._db = db if isinstance(db, Database) else Database(db)
        self._lock_wait = lock_wait_seconds
        # Longer than any turn can take; past it a lock is stale whatever its owner.
        self._lease = lock_lease_seconds

    def create(self, thread: Thread) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO threads (id, assistant_id, created_at) VALUES (?, ?, ?)",
                (thread.id, thread.assistant_id, thread.created_at),
            )

    def get(self, thread_id: str) -> Thread:
        return turns.read_thread(self._db.connection(), thread_id)

    def list_messages(
        self,
        thread_id: str,
        *,
        limit: int,
        after: str | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> MessagePage:
        conn = self._db.connection()
        where: list[str] = ["thread_id = ?"]
        params: list[object] = [thread_id]
        # In descending order "after" means older, so the comparisons flip.
        for cursor, newer in ((after, not descending), (before, descending)):
            if cursor is not None:
                where.append("seq > ?" if newer else "seq < ?")
                params.append(self._seq(conn, thread_id, cursor))
        backwards = before is not None and after is None
        ascending_sql = not descending if not backwards else descending
        order = "ASC" if ascending_sql else "DESC"
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM messages WHERE {' AND '.join(where)} ORDER BY seq {order} LIMIT ?",
            (*params, limit + 1),
        ).fetchall()
        page = [from_row(r) for r in rows[:limit]]
        if backwards:
            page.reverse()
        return MessagePage(tuple(page), len(rows) > limit)

    def accept_turn(self, user: Message, *, history: int, max_messages: int | None = None) -> AcceptedTurn:
        lease = turn_locks.new_lease()
        deadline = time.monotonic() + self._lock_wait
        pause = 0.01
        while True:
            with self._db.write() as conn:
                accepted = turns.try_accept(conn, user, lease, self._lease, history, max_messages)
            if accepted is not None:
                return accepted
            if time.monotonic() > deadline:
                raise Conflict(_BUSY)
            time.sleep(pause)
            # Back off, so waiters do not crowd the single SQLite writer.
            pause = min(pause * 1.5, 0.25)

    def finish_turn(self, turn: AcceptedTurn, answer: Message | None) -> None:
        with self._db.write() as conn:
            turns.finish(conn, turn, answer)

    def recover_turns(self) -> int:
        with self._db.write() as conn:
            pending = conn.execute(
                "SELECT DISTINCT thread_id FROM messages WHERE status = 'pending'"
            ).fetchall()
            failed = 0
            for (thread_id,) in pending:
                if not turn_locks.holder_alive(conn, thread_id):
                    failed += turns.fail_pending(conn, thread_id)
            return failed

    def delete_thread(self, thread_id: str) -> None:
        with self._db.write() as conn:
            turns.read_thread(conn, thread_id)
            if turn_locks.holder_alive(conn, thread_id):
                raise Conflict(_BUSY)
            conn.execute("DELETE FROM threads WHERE id = ?", (thread_id,))

    def prune_threads(self, inactive_since: float) -> list[str]:
        with self._db.write() as conn:
            rows = conn.execute(
                "SELECT t.id FROM threads AS t LEFT JOIN messages AS m ON m.thread_id = t.id"
                " GROUP BY t.id HAVING coalesce(max(m.created_at), t.created_at) < ?",
                (inactive_since,),
            ).fetchall()
            idle = [row["id"] for row in rows if not turn_locks.holder_alive(conn, row["id"])]
            conn.executemany("DELETE FROM threads WHERE id = ?", [(thread_id,) for thread_id in idle])
            return idle

    @staticmethod
    def _seq(conn: sqlite3.Connection, thread_id: str, message_id: str) -> int:
        row = conn.execute(
            "SELECT seq FROM messages WHERE id = ? AND thread_id = ?", (message_id, thread_id)
        ).fetchone()
        if row is None:
            raise InvalidInput("El cursor no es un mensaje de esta conversación.")
        return int(row["seq"])
