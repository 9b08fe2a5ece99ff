"""Rate-limit buckets live in their own file: a long write on the main database never stalls a GET."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import attrs

from botk_adapters.sqlite.rate_limits import SqliteTokenBuckets, buckets_path
from botk_web import Settings, create_app


def test_a_get_is_not_delayed_by_a_long_write_transaction(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, rate_limit_per_minute=600, rate_limit_burst=100)).test_client()
    assert client.get("/listAssistants").status_code == 200  # database and buckets exist
    holding, release = threading.Event(), threading.Event()

    def long_upload_transaction() -> None:
        conn = sqlite3.connect(settings.database_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO threads (id, assistant_id, created_at) VALUES ('thread_x', 'a', 0)")
        holding.set()
        release.wait(10)
        conn.execute("ROLLBACK")
        conn.close()

    writer = threading.Thread(target=long_upload_transaction)
    writer.start()
    try:
        assert holding.wait(5)
        started = time.monotonic()
        statuses = [client.get("/listAssistants").status_code for _ in range(5)]
        elapsed = time.monotonic() - started
    finally:
        release.set()
        writer.join()
    assert statuses == [200] * 5
    assert elapsed < 1.0  # with the buckets in the main file each GET waited for the writer


def test_buckets_are_a_file_beside_the_database_and_shared_between_instances(tmp_path: Path) -> None:
    database = tmp_path / "botk.sqlite3"
    assert buckets_path(database) == str(tmp_path / "botk.ratelimit.sqlite3")
    first, second = SqliteTokenBuckets.beside(database), SqliteTokenBuckets.beside(database)
    assert first.take("ip:1", 60, 2) == 0 and second.take("ip:1", 60, 2) == 0
    assert first.take("ip:1", 60, 2) > 0  # two workers, one bucket
    assert not database.exists()
