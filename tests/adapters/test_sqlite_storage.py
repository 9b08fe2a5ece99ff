"""What only the SQLite file guarantees: durability, pragmas, migrations, stale locks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_adapters.sqlite.turn_locks import process_identity
from botk_core.domain import Message, Thread
from botk_core.errors import Conflict, StorageError
from botk_core.ids import new_id


def test_threads_survive_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "var" / "botk.sqlite3"
    thread = Thread(new_id("thread"), "asst", 1.0)
    first = SqliteThreadRepository(path)
    first.create(thread)
    first.finish_turn(
        first.accept_turn(Message(new_id("msg"), thread.id, "user", "hola", 2.0), history=5), None
    )

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


def lock_row(path: Path, thread_id: str, owner: str, expires_at: float) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE threads SET turn_owner = ?, turn_expires_at = ? WHERE id = ?",
            (owner, expires_at, thread_id),
        )


def locked_thread(tmp_path: Path) -> tuple[Path, SqliteThreadRepository, Thread]:
    path = tmp_path / "botk.sqlite3"
    repo = SqliteThreadRepository(path, lock_wait_seconds=0.3)
    thread = Thread(new_id("thread"), "asst", 1.0)
    repo.create(thread)
    return path, repo, thread


def take_turn(repo: SqliteThreadRepository, thread: Thread) -> None:
    repo.finish_turn(repo.accept_turn(Message(new_id("msg"), thread.id, "user", "q", 3.0), history=5), None)


def pending_question(path: Path, thread: Thread) -> str:
    message_id = new_id("msg")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO messages (id, thread_id, role, content, created_at, status) VALUES (?,?,?,?,?,?)",
            (message_id, thread.id, "user", "¿quedó a medias?", 2.0, "pending"),
        )
    return message_id


def statuses(repo: SqliteThreadRepository, thread: Thread) -> list[str]:
    return [m.status for m in repo.list_messages(thread.id, limit=10).messages]


def dead_pid() -> str:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return dead.stdout.strip()


def test_a_turn_killed_with_its_process_leaves_its_question_failed_for_the_next_turn(tmp_path: Path) -> None:
    path, repo, thread = locked_thread(tmp_path)
    pending_question(path, thread)
    lock_row(path, thread.id, f"{dead_pid()}:1:x", time.time() + 3600)
    accepted = repo.accept_turn(Message(new_id("msg"), thread.id, "user", "otra", 3.0), history=5)
    assert statuses(repo, thread) == ["failed", "pending"]
    assert accepted.history == ()  # the dead turn's question is not context


def test_recovery_fails_the_questions_of_dead_turns_only(tmp_path: Path) -> None:
    path, repo, dead_thread = locked_thread(tmp_path)
    live_thread, free_thread = Thread(new_id("thread"), "asst", 1.0), Thread(new_id("thread"), "asst", 1.0)
    repo.create(live_thread)
    repo.create(free_thread)
    for thread in (dead_thread, live_thread, free_thread):
        pending_question(path, thread)
    lock_row(path, dead_thread.id, f"{dead_pid()}:1:x", time.time() + 3600)
    lock_row(path, live_thread.id, f"{process_identity(os.getpid())}:x", time.time() + 3600)

    assert repo.recover_turns() == 2
    assert statuses(repo, dead_thread) == statuses(repo, free_thread) == ["failed"]
    assert statuses(repo, live_thread) == ["pending"]


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path, repo, thread = locked_thread(tmp_path)
    lock_row(path, thread.id, f"{dead_pid()}:1:x", time.time() + 3600)
    take_turn(repo, thread)


def test_a_lock_whose_pid_was_reused_by_a_new_process_is_taken_over(tmp_path: Path) -> None:
    path, repo, thread = locked_thread(tmp_path)
    lock_row(path, thread.id, f"{os.getpid()}:1:x", time.time() + 3600)  # we did not start at tick 1
    take_turn(repo, thread)


def test_an_expired_lock_is_taken_over_even_if_its_owner_lives(tmp_path: Path) -> None:
    path, repo, thread = locked_thread(tmp_path)
    lock_row(path, thread.id, f"{process_identity(os.getpid())}:x", time.time() - 1)
    take_turn(repo, thread)


def test_a_live_unexpired_lock_makes_others_wait_then_conflict(tmp_path: Path) -> None:
    path, repo, thread = locked_thread(tmp_path)
    lock_row(path, thread.id, f"{process_identity(os.getpid())}:x", time.time() + 3600)
    with pytest.raises(Conflict):
        take_turn(repo, thread)


def test_a_database_locked_past_the_busy_timeout_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "botk.sqlite3"
    db = Database(path)
    repo = SqliteThreadRepository(db)
    repo.create(Thread(new_id("thread"), "asst", 1.0))
    db.connection().execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError):
            repo.create(Thread(new_id("thread"), "asst", 2.0))
    finally:
        holder.execute("ROLLBACK")
    repo.create(Thread(new_id("thread"), "asst", 3.0))  # the connection is usable again
