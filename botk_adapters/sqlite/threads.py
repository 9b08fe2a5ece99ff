"""SqliteThreadRepository: threads and messages in BOTK's SQLite file."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from botk_adapters.sqlite.db import Database
from botk_core.domain import Citation, Message, MessagePage, Thread, ToolRun, Usage
from botk_core.errors import Conflict, InvalidInput, ThreadNotFound

_COLUMNS = "id, thread_id, role, content, created_at, status, citations, tool_runs, usage, client_message_id"


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
        row = (
            self._db.connection()
            .execute("SELECT id, assistant_id, created_at FROM threads WHERE id = ?", (thread_id,))
            .fetchone()
        )
        if row is None:
            raise ThreadNotFound(thread_id)
        return Thread(row["id"], row["assistant_id"], row["created_at"])

    def add_message(self, message: Message) -> None:
        try:
            with self._db.write() as conn:
                conn.execute(
                    f"INSERT INTO messages ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", _to_row(message)
                )
        except sqlite3.IntegrityError as error:
            if "FOREIGN KEY" in str(error):
                raise ThreadNotFound(message.thread_id) from None
            raise

    def update_message(self, message: Message) -> None:
        row = _to_row(message)
        with self._db.write() as conn:
            conn.execute(
                "UPDATE messages SET content=?, status=?, citations=?, tool_runs=?, usage=? WHERE id=?",
                (row[3], row[5], row[6], row[7], row[8], message.id),
            )

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
            f"SELECT {_COLUMNS} FROM messages WHERE {' AND '.join(where)} ORDER BY seq {order} LIMIT ?",
            (*params, limit + 1),
        ).fetchall()
        page = [_from_row(r) for r in rows[:limit]]
        if backwards:
            page.reverse()
        return MessagePage(tuple(page), len(rows) > limit)

    def recent_messages(self, thread_id: str, count: int) -> list[Message]:
        rows = (
            self._db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM messages WHERE thread_id = ? ORDER BY seq DESC LIMIT ?",
                (thread_id, max(count, 0)),
            )
            .fetchall()
        )
        return [_from_row(r) for r in reversed(rows)]

    def find_by_client_id(self, thread_id: str, client_message_id: str) -> Message | None:
        row = (
            self._db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM messages WHERE thread_id = ? AND client_message_id = ?",
                (thread_id, client_message_id),
            )
            .fetchone()
        )
        return _from_row(row) if row is not None else None

    @contextmanager
    def turn_lock(self, thread_id: str) -> Iterator[None]:
        owner = f"{_process_identity(os.getpid())}:{secrets.token_hex(8)}"
        deadline = time.monotonic() + self._lock_wait
        pause = 0.01
        while not self._try_lock(thread_id, owner):
            if time.monotonic() > deadline:
                raise Conflict("Another message of this thread is still being answered; try again later")
            time.sleep(pause)
            # Back off, so waiters do not crowd the single SQLite writer.
            pause = min(pause * 1.5, 0.25)
        try:
            yield
        finally:
            with self._db.write() as conn:
                conn.execute("DELETE FROM turn_locks WHERE thread_id = ? AND owner = ?", (thread_id, owner))

    def _try_lock(self, thread_id: str, owner: str) -> bool:
        with self._db.write() as conn:
            row = conn.execute(
                "SELECT owner, expires_at FROM turn_locks WHERE thread_id = ?", (thread_id,)
            ).fetchone()
            now = time.time()
            if row is not None and row["expires_at"] > now and _owner_alive(row["owner"]):
                return False
            conn.execute(
                "INSERT OR REPLACE INTO turn_locks (thread_id, owner, expires_at) VALUES (?, ?, ?)",
                (thread_id, owner, now + self._lease),
            )
            return True

    @staticmethod
    def _seq(conn: sqlite3.Connection, thread_id: str, message_id: str) -> int:
        row = conn.execute(
            "SELECT seq FROM messages WHERE id = ? AND thread_id = ?", (message_id, thread_id)
        ).fetchone()
        if row is None:
            raise InvalidInput("cursor is not a message of this thread")
        return int(row["seq"])


def _process_identity(pid: int) -> str:
    """``pid:start`` where ``start`` is when the process started (Linux), so a
    new process that reuses a dead one's pid is not mistaken for it."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            start = stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        start = "?"
    return f"{pid}:{start}"


def _owner_alive(owner: str) -> bool:
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
    return started in ("?", _process_identity(pid).split(":", 1)[1])


def _to_row(m: Message) -> tuple[object, ...]:
    usage = json.dumps(attrs.asdict(m.usage)) if m.usage else None
    return (
        m.id,
        m.thread_id,
        m.role,
        m.content,
        m.created_at,
        m.status,
        json.dumps([attrs.asdict(c) for c in m.citations], ensure_ascii=False),
        json.dumps([attrs.asdict(r) for r in m.tool_runs], ensure_ascii=False),
        usage,
        m.client_message_id,
    )


def _from_row(row: sqlite3.Row) -> Message:
    runs = [
        ToolRun(**{**r, "citations": tuple(Citation(**c) for c in r["citations"])})
        for r in json.loads(row["tool_runs"])
    ]
    return Message(
        id=row["id"],
        thread_id=row["thread_id"],
        role=row["role"],
        content=row["content"],
        created_at=row["created_at"],
        status=row["status"],
        citations=tuple(Citation(**c) for c in json.loads(row["citations"])),
        tool_runs=tuple(runs),
        usage=Usage(**json.loads(row["usage"])) if row["usage"] else None,
        client_message_id=row["client_message_id"],
    )
