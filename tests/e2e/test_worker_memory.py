"""A worker that kept more memory than BOTK_WORKER_MAX_RSS_MB after a request is replaced."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from botk_web.worker_memory import resident_mb, retire_if_heavy
from tests.e2e.gunicorn_server import Server, start_gunicorn

pytestmark = pytest.mark.e2e


def _workers(server: Server) -> set[int]:
    pid = server.process.pid
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _wait_for_workers(server: Server, count: int) -> set[int]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        found = _workers(server)
        if len(found) == count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"expected {count} worker(s), found {_workers(server)}")


def _replaced_after_requests(tmp_path: Path, limit_mb: str) -> bool:
    tmp_path.mkdir()
    server = start_gunicorn(tmp_path, BOTK_WORKERS="1", BOTK_WORKER_MAX_RSS_MB=limit_mb, BOTK_RATE_LIMIT="0")
    try:
        before = _wait_for_workers(server, 1)
        for _ in range(3):
            assert requests.get(server.url + "/health", timeout=10).status_code == 200
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _workers(server) in (before, set()):
            time.sleep(0.1)
        after = _wait_for_workers(server, 1)
        # Served throughout: the replacement answers too.
        assert requests.get(server.url + "/health", timeout=10).status_code == 200
        return after != before
    finally:
        server.stop()


def test_a_worker_over_its_memory_limit_is_replaced_and_the_service_keeps_answering(tmp_path: Path) -> None:
    assert _replaced_after_requests(tmp_path / "low", "1")


def test_a_worker_under_its_memory_limit_keeps_serving(tmp_path: Path) -> None:
    assert not _replaced_after_requests(tmp_path / "high", "4000")


class _Worker:
    pid = 7
    alive = True


def test_the_limit_is_compared_with_the_resident_memory_and_zero_means_never() -> None:
    worker = _Worker()
    assert not retire_if_heavy(worker, 0, resident=10_000.0) and worker.alive
    assert not retire_if_heavy(worker, 250, resident=200.0) and worker.alive
    assert retire_if_heavy(worker, 250, resident=300.0) and not worker.alive
    now = resident_mb()
    assert now is not None and 5 < now < 4000
