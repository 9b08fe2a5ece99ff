"""A file written by the previous schema opens with every message, its order and its turn locks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from botk_adapters.sqlite import SqliteThreadRepository, db
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_core.domain import Message, Thread
from botk_core.errors import Conflict
from botk_core.ids import new_id


def _previous_schema_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Thread, list[Message]]:
    """A file at the schema before the last migration, with a thread of answered turns."""
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS[:-1])
    old = SqliteThreadRepository(path, lock_wait_seconds=0.2)
    thread = Thread(new_id("thread"), "asst", 1.0)
    old.create(thread)
    sent = []
    for number in range(3):
        user = Message(new_id("msg"), thread.id, "user", f"pregunta {number}", 2.0 + number)
        turn = old.accept_turn(user, history=10)
        answer = Message(new_id("msg"), thread.id, "assistant", f"respuesta {number}", 2.5 + number)
        old.finish_turn(turn, answer)
        sent += [user, answer]
    monkeypatch.undo()
    db._migrated.discard(str(path))
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


def test_a_turn_running_during_the_upgrade_keeps_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "botk.sqlite3"
    thread, _ = _previous_schema_file(path, monkeypatch)
    monkeypatch.setattr(db, "MIGRATIONS", MIGRATIONS[:-1])
    running = SqliteThreadRepository(path).accept_turn(
        Message(new_id("msg"), thread.id, "user", "en curso", 8.0), history=10
    )
    monkeypatch.undo()
    db._migrated.discard(str(path))

    upgraded = SqliteThreadRepository(path, lock_wait_seconds=0.2)
    with pytest.raises(Conflict):
        upgraded.accept_turn(Message(new_id("msg"), thread.id, "user", "espera", 9.0), history=10)
    upgraded.finish_turn(running, Message(new_id("msg"), thread.id, "assistant", "listo", 9.5))
    assert upgraded.list_messages(thread.id, limit=20).messages[-1].content == "listo"
