"""A bounded load test through real gunicorn: 32 clients, 100 ms model, ~20 s; nothing lost or interleaved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests

from tests.e2e.gunicorn_server import start_gunicorn
from tests.e2e.load_clients import Client, check_thread, run_clients

pytestmark = [pytest.mark.e2e, pytest.mark.load]

CLIENTS = 32
SECONDS = float(os.environ.get("BOTK_LOAD_SECONDS", "20"))


def test_32_clients_for_20_seconds_lose_nothing_and_never_interleave_a_thread(tmp_path: Path) -> None:
    # The limiter stays on (shared by the workers in SQLite) but far above this load.
    server = start_gunicorn(tmp_path, BOTK_RATE_LIMIT="1000000", BOTK_RATE_LIMIT_BURST="100000")
    try:
        # Two clients per thread, so turns of one thread really compete for its lock.
        thread_ids = [
            requests.get(server.url + "/start", timeout=10).json()["thread_id"] for _ in range(CLIENTS // 2)
        ]
        clients = [Client(n, thread_ids[n // 2]) for n in range(CLIENTS)]

        run_clients(server.url, clients, SECONDS)

        assert [e for c in clients for e in c.errors] == []
        total = sum(len(c.acknowledged) for c in clients)
        assert total > CLIENTS * 5, f"only {total} turns answered"
        for thread_id in thread_ids:
            assert check_thread(server.url, thread_id, [c for c in clients if c.thread_id == thread_id]) == []
    finally:
        server.stop()
