"""Rate-limit buckets live in their own file: a long write on the main database never stalls a GET."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

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


def _take_many(path: str, count: int, results: Any) -> None:
    buckets = SqliteTokenBuckets(path)
    results.put(sum(buckets.take("ip:shared", 1, 300) == 0 for _ in range(count)))


def test_two_processes_taking_at_once_never_grant_more_than_the_burst(tmp_path: Path) -> None:
    path = str(tmp_path / "buckets.sqlite3")
    SqliteTokenBuckets(path).take("ip:other", 60, 5)  # the file exists before both start
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_take_many, args=(path, 250, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    granted = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(10)
    # 500 requests at once against a burst of 300 and one token a minute: exactly 300 pass.
    assert sum(granted) == 300
