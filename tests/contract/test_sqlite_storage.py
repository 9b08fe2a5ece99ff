"""What only the SQLite file guarantees: durability, pragmas, migrations, stale locks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from botk_adapters.sqlite import SqliteThreadRepository
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_core.domain import Message, Thread
from botk_core.ids import new_id


def test_threads_survive_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "var" / "botk.sqlite3"
    thread = Thread(new_id("thread"), "asst", 1.0)
    first = SqliteThreadRepository(path)
    first.create(thread)
    first.add_message(Message(new_id("msg"), thread.id, "user", "hola", 2.0))

    reopened = SqliteThreadRepository(path)
    assert reopened.get(thread.id) == thread
    assert [m.content for m in reopened.list_messages(thread.id, limit=5).messages] == ["hola"]


def test_the_file_is_wal_with_the_latest_schema_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "botk.sqlite3"
    SqliteThreadRepository(path).create(Thread(new_id("thread"), "asst", 1.0))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "botk.sqlite3"
    repo = SqliteThreadRepository(path, lock_wait_seconds=2)
    thread = Thread(new_id("thread"), "asst", 1.0)
    repo.create(thread)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO turn_locks VALUES (?, ?, 0)", (thread.id, f"{dead.stdout.strip()}:x"))

    with repo.turn_lock(thread.id):
        pass
