"""kill -9 of gunicorn under load, then restart: intact database, nothing acknowledged lost, no stuck lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.e2e.gunicorn_server import start_gunicorn
from tests.e2e.load_clients import Client, check_thread

pytestmark = [pytest.mark.e2e, pytest.mark.load]

THREADS = 8


def test_a_crash_under_load_loses_no_acknowledged_message_and_leaves_no_thread_locked(tmp_path: Path) -> None:
    server = start_gunicorn(tmp_path, BOTK_RATE_LIMIT="0")
    port = int(server.url.rsplit(":", 1)[1])
    thread_ids = [requests.get(server.url + "/start", timeout=10).json()["thread_id"] for _ in range(THREADS)]
    clients = [Client(n, thread_ids[n // 2]) for n in range(THREADS * 2)]
    stop = threading.Event()
    workers = [threading.Thread(target=c.run, args=(server.url, stop, True)) for c in clients]
    for worker in workers:
        worker.start()
    time.sleep(4)
    server.crash()
    stop.set()
    for worker in workers:
        worker.join(timeout=60)
    assert [e for c in clients for e in c.errors] == []
    assert sum(len(c.acknowledged) for c in clients) > THREADS

    restarted = start_gunicorn(tmp_path, port=port, BOTK_RATE_LIMIT="0")
    try:
        with sqlite3.connect(tmp_path / "botk.sqlite3") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Retrying what was in flight, with the same ids: never a duplicate, and
        # a turn cut by the crash runs now (its thread's dead lock is taken over).
        for client in clients:
            if client.in_flight:
                key, text = client.in_flight
                response = requests.post(
                    restarted.url + "/chat",
                    data={"thread_id": client.thread_id, "message": text, "client_message_id": key},
                    timeout=30,
                )
                assert response.status_code == 200 and response.json()["response"] == f"eco: {text}"
                client.acknowledged.append((key, text))
        for thread_id in thread_ids:
            mine = [c for c in clients if c.thread_id == thread_id]
            assert check_thread(restarted.url, thread_id, mine, strict=False) == []
            fresh = requests.post(
                restarted.url + "/chat", data={"thread_id": thread_id, "message": "¿sigues ahí?"}, timeout=30
            )
            assert fresh.status_code == 200
    finally:
        restarted.stop()
