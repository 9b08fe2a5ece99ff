"""Two real BOTK servers (gunicorn) on one PostgreSQL, as behind a balancer; one of them killed -9."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import requests

from tests.e2e.gunicorn_server import Server, start_gunicorn
from tests.e2e.load_clients import Client, check_thread, history

pytestmark = [pytest.mark.e2e, pytest.mark.load]


@pytest.fixture
def instances(tmp_path: Path, postgres_url: str) -> Iterator[list[Server]]:
    servers = [_start(tmp_path / name, postgres_url) for name in ("a", "b")]
    yield servers
    for server in servers:
        server.stop()


def _start(directory: Path, url: str, port: int | None = None) -> Server:
    directory.mkdir(exist_ok=True)
    return start_gunicorn(
        directory, port=port, BOTK_DATABASE_URL=url, BOTK_RATE_LIMIT="0", BOTK_THREADS="8",
        BOTK_TEST_LATENCY_MS="100", BOTK_SYNTHETIC_DATA="0",
    )  # fmt: skip


def new_threads(server: Server, count: int) -> list[str]:
    return [requests.get(server.url + "/start", timeout=10).json()["thread_id"] for _ in range(count)]


def test_turns_of_one_thread_through_both_instances_come_out_as_ordered_pairs(
    instances: list[Server],
) -> None:
    a, b = instances
    [thread_id] = new_threads(a, 1)
    clients = [Client(n, thread_id) for n in range(6)]
    stop = threading.Event()
    workers = [threading.Thread(target=c.run, args=((a, b)[c.number % 2].url, stop)) for c in clients]
    for worker in workers:
        worker.start()
    time.sleep(4)
    stop.set()
    for worker in workers:
        worker.join(timeout=60)
    assert [e for c in clients for e in c.errors] == []
    assert sum(len(c.acknowledged) for c in clients) >= 10
    assert check_thread(b.url, thread_id, clients) == []


def test_a_retry_through_the_other_instance_returns_the_first_answer(instances: list[Server]) -> None:
    a, b = instances
    [thread_id] = new_threads(b, 1)
    sent = {"thread_id": thread_id, "message": "¿cómo está el estanque?", "client_message_id": "k-1"}
    first = requests.post(a.url + "/chat", data=sent, timeout=30).json()
    retried = requests.post(b.url + "/chat", data=sent, timeout=30).json()
    assert retried["message_id"] == first["message_id"]  # the stored answer, not a new model call
    assert retried["response"] == first["response"] == "eco: ¿cómo está el estanque?"
    assert [m["role"] for m in history(b.url, thread_id)] == ["user", "assistant"]


def test_a_document_uploaded_through_one_instance_is_found_through_the_other(instances: list[Server]) -> None:
    a, b = instances
    document = docx.Document()
    document.add_heading("Bitácora del pozo", level=1)
    document.add_paragraph("El pozo de Quipisca se secó en enero después de la sequía.")
    raw = io.BytesIO()
    document.save(raw)
    files = {"files": ("bitacora.docx", raw.getvalue())}
    assert requests.post(a.url + "/documents", files=files, timeout=30).status_code == 201
    hits = requests.get(b.url + "/search", params={"q": "pozos de Quipisca", "k": 3}, timeout=30).json()
    assert hits["data"][0]["document"] == "bitacora.docx"


def test_kill_9_of_one_instance_under_load_loses_nothing_and_the_other_serves_throughout(
    instances: list[Server], tmp_path: Path, postgres_url: str
) -> None:
    a, b = instances
    thread_ids = new_threads(a, 4)
    # Each thread has a client on each instance: a's turns die holding locks that b then needs.
    on_a = [Client(n, thread_ids[n]) for n in range(4)]
    on_b = [Client(10 + n, thread_ids[n]) for n in range(4)]
    stop = threading.Event()
    workers = [threading.Thread(target=c.run, args=(a.url, stop, True)) for c in on_a]
    workers += [threading.Thread(target=c.run, args=(b.url, stop)) for c in on_b]
    for worker in workers:
        worker.start()
    time.sleep(3)
    served_before = sum(len(c.acknowledged) for c in on_b)
    a.crash()
    time.sleep(3)  # b keeps answering every thread, also those a held when it died
    stop.set()
    for worker in workers:
        worker.join(timeout=60)
    assert [e for c in on_b for e in c.errors] == []
    assert sum(len(c.acknowledged) for c in on_b) > served_before + 4

    restarted = _start(tmp_path / "a", postgres_url, port=int(a.url.rsplit(":", 1)[1]))
    instances[0] = restarted
    _retry_in_flight(restarted, on_a)
    for thread_id in thread_ids:
        mine = [c for c in on_a + on_b if c.thread_id == thread_id]
        assert check_thread(restarted.url, thread_id, mine, strict=False) == []
        again = requests.post(restarted.url + "/chat", data={"thread_id": thread_id, "message": "¿sigues?"})
        assert again.status_code == 200  # no thread was left stuck


def _retry_in_flight(server: Server, clients: list[Client]) -> None:
    """What the crash cut, sent again with the same ids: answered once, never duplicated."""
    for client in clients:
        if client.in_flight:
            key, text = client.in_flight
            sent = {"thread_id": client.thread_id, "message": text, "client_message_id": key}
            response = requests.post(server.url + "/chat", data=sent, timeout=30)
            assert response.status_code == 200 and response.json()["response"] == f"eco: {text}"
            client.acknowledged.append((key, text))
