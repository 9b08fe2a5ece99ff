"""A server's SQLite file is checkpointed by a background thread, never inside a turn's commit."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from botk_adapters.sqlite import Database

ROW = "x" * 3000  # about one page per row


def _fill(db: Database, rows: int) -> None:
    with db.write() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS filler (body TEXT)")
    for _ in range(rows // 50):
        with db.write() as conn:
            conn.executemany("INSERT INTO filler (body) VALUES (?)", [(ROW,)] * 50)


def _log_frames(path: Path) -> int:
    """Pages in the write-ahead log not yet copied into the database file."""
    wal = Path(f"{path}-wal")
    return (wal.stat().st_size - 32) // (4096 + 24) if wal.exists() else 0


def _checkpoint_threads(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == f"botk-checkpoint-{name}" and t.is_alive()]


def test_commits_leave_the_log_to_the_background_thread(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    db = Database(path)
    db.checkpoint_in_background(interval=3600)  # one pass at start, then none during the test
    time.sleep(0.2)
    size_before = os.path.getsize(path)
    _fill(db, 1500)
    # Past SQLite's default of 1000 pages a commit would have copied the log back itself.
    assert _log_frames(path) > 1000
    assert os.path.getsize(path) == size_before
    assert db.connection().execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_000


def test_the_background_thread_copies_the_log_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kept.sqlite3"
    db = Database(path)
    db.checkpoint_in_background(interval=0.05)
    size_before = os.path.getsize(path)
    _fill(db, 600)
    deadline = time.monotonic() + 10
    while os.path.getsize(path) < size_before + 500 * 4096 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert os.path.getsize(path) >= size_before + 500 * 4096
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 600


def test_without_a_server_commits_checkpoint_as_usual(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite3"
    db = Database(path)
    _fill(db, 1500)
    assert _log_frames(path) <= 1100
    assert not _checkpoint_threads(path.name)


def test_the_thread_ends_when_its_file_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "gone.sqlite3"
    db = Database(path)
    db.checkpoint_in_background(interval=0.05)
    db.connection()
    assert _checkpoint_threads(path.name)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    deadline = time.monotonic() + 5
    while _checkpoint_threads(path.name) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _checkpoint_threads(path.name)
