"""A file written by the previous schema opens with every message, its order and its turn locks."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from botk_adapters.sqlite import SqliteThreadRepository, db, turn_locks
from botk_adapters.sqlite.message_rows import INSERT, to_row
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_core.domain import AcceptedTurn, Message, Thread
from botk_core.errors import Conflict, ThreadFull
from botk_core.ids import new_id


def _previous_schema_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Thread, list[Message]]:
    """A file at the schema before the last migration, with a thread of answered turns.

    The rows are written with plain SQL, as the previous release wrote them: today's
    repository code expects today's schema.
    """
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS[:-1])
    db.Database(path).connection()
    monkeypatch.undo()
    db._migrated.discard(str(path))
    thread = Thread(new_id("thread"), "asst", 1.0)
    sent = []
    for number in range(3):
        sent.append(Message(new_id("msg"), thread.id, "user", f"pregunta {number}", 2.0 + number))
        sent.append(Message(new_id("msg"), thread.id, "assistant", f"respuesta {number}", 2.5 + number))
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO threads VALUES (?, ?, ?)", (thread.id, thread.assistant_id, thread.created_at)
        )
        for m in sent:
            conn.execute(INSERT, to_row(m))
    return thread, sent


def test_upgrading_keeps_every_message_in_order_and_new_ones_come_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "botk.sqlite3"
    thread, sent = _previous_schema_file(path, monkeypatch)

    upgraded = SqliteThreadRepository(path)
    stored = upgraded.list_messages(thread.id, limit=10).messages
    assert [(m.id, m.content) for m in stored] == [(m.id, m.content) for m in sent]
    turn = upgraded.accept_turn(Message(new_id("msg"), thread.id, "user", "otra", 9.0), history=10)
    assert [m.content for m in turn.history] == [m.content for m in sent]
    upgraded.finish_turn(turn, None)
    page = upgraded.list_messages(thread.id, limit=2, after=sent[3].id)
    assert [m.content for m in page.messages] == ["pregunta 2", "respuesta 2"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM sqlite_sequence WHERE name = 'messages'").fetchone()[0] == 0


def test_a_full_thread_stays_full_after_the_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "botk.sqlite3"
    thread, sent = _previous_schema_file(path, monkeypatch)

    upgraded = SqliteThreadRepository(path)
    room = len(sent) + 2
    turn = upgraded.accept_turn(
        Message(new_id("msg"), thread.id, "user", "cabe", 9.0), history=10, max_messages=room
    )
    upgraded.finish_turn(turn, Message(new_id("msg"), thread.id, "assistant", "sí", 9.5))
    with pytest.raises(ThreadFull):
        upgraded.accept_turn(
            Message(new_id("msg"), thread.id, "user", "ya no cabe", 10.0), history=10, max_messages=room
        )
    assert len(upgraded.list_messages(thread.id, limit=50).messages) == room


def test_a_turn_running_during_the_upgrade_keeps_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "botk.sqlite3"
    thread, _ = _previous_schema_file(path, monkeypatch)
    # A turn the previous release accepted: its question pending, the thread locked by this process.
    question = Message(new_id("msg"), thread.id, "user", "en curso", 8.0, "pending")
    lease = turn_locks.new_lease()
    with sqlite3.connect(path) as conn:
        conn.execute(INSERT, to_row(question))
        conn.execute("INSERT INTO turn_locks VALUES (?, ?, ?)", (thread.id, lease, time.time() + 600))
    running = AcceptedTurn(thread, question, lease=lease)

    upgraded = SqliteThreadRepository(path, lock_wait_seconds=0.2)
    with pytest.raises(Conflict):
        upgraded.accept_turn(Message(new_id("msg"), thread.id, "user", "espera", 9.0), history=10)
    upgraded.finish_turn(running, Message(new_id("msg"), thread.id, "assistant", "listo", 9.5))
    assert upgraded.list_messages(thread.id, limit=20).messages[-1].content == "listo"
