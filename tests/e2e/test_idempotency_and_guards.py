"""Through real gunicorn workers: idempotent retries, auth, CORS, limits and graceful shutdown."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.e2e.gunicorn_server import Server, start_gunicorn
from tests.e2e.load_clients import history

pytestmark = pytest.mark.e2e

KEY = "clave-de-prueba"
SITE = "https://panel.macaya.cl"
AUTH = {"Authorization": f"Bearer {KEY}"}
_clients = iter(range(1, 250))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_gunicorn(
        tmp_path_factory.mktemp("guarded"),
        API_HASH=KEY,
        BOTK_CORS_ORIGINS=SITE,
        BOTK_TRUSTED_PROXIES="1",
        BOTK_RATE_LIMIT="6",
        BOTK_RATE_LIMIT_BURST="8",
        BOTK_MAX_MESSAGE_CHARS="200",
        BOTK_MAX_REQUEST_BYTES="4096",
    )
    yield running
    running.stop()


def as_client(**headers: str) -> dict[str, str]:
    """Headers of a distinct client (its own rate-limit bucket, via the trusted proxy header)."""
    return {**AUTH, "X-Forwarded-For": f"10.0.0.{next(_clients)}", **headers}


def new_thread(server: Server) -> str:
    return str(requests.get(server.url + "/start", headers=as_client(), timeout=10).json()["thread_id"])


def test_concurrent_retries_of_one_message_store_it_once_and_answer_once(server: Server) -> None:
    thread_id = new_thread(server)

    def send(use_header: bool) -> requests.Response:
        body = {"thread_id": thread_id, "message": "¿nivel del estanque?"}
        headers = as_client(**({"Idempotency-Key": "m-1"} if use_header else {}))
        if not use_header:
            body["client_message_id"] = "m-1"
        return requests.post(server.url + "/chat", data=body, headers=headers, timeout=30)

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(send, [True, False, True, False]))

    assert {r.status_code for r in responses} == {200}
    assert len({r.json()["message_id"] for r in responses}) == 1
    stored = [(m["role"], m["status"]) for m in history_of(server, thread_id)]
    assert stored == [("user", "completed"), ("assistant", "completed")]
    usage = requests.get(f"{server.url}/threads/{thread_id}/usage", headers=as_client(), timeout=10).json()
    assert usage["turns"] == 1 and usage["input_tokens"] == 10  # the model ran once


def history_of(server: Server, thread_id: str) -> list[dict[str, object]]:
    return history(server.url, thread_id, as_client())


def test_without_the_credential_routes_answer_401_but_probes_stay_open(server: Server) -> None:
    refused = requests.get(server.url + "/start", headers={"X-Forwarded-For": "10.1.0.1"}, timeout=10)
    assert refused.status_code == 401 and refused.json()["code"] == "unauthorized"
    wrong = requests.get(server.url + "/start", headers={"X-API-Key": KEY + "x"}, timeout=10)
    assert wrong.status_code == 401
    assert requests.get(server.url + "/start", headers=as_client(), timeout=10).status_code == 200
    by_key = {"X-API-Key": KEY, "X-Forwarded-For": "10.1.0.2"}
    assert requests.get(server.url + "/listAssistants", headers=by_key, timeout=10).status_code == 200
    for path in ("/health", "/ready", "/dummy", "/openapi.json"):
        assert requests.get(server.url + path, timeout=10).status_code == 200


def test_cors_answers_the_allowed_origin_only(server: Server) -> None:
    preflight = requests.options(
        server.url + "/chat",
        headers={"Origin": SITE, "Access-Control-Request-Method": "POST"},
        timeout=10,
    )
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == SITE
    other = requests.get(server.url + "/health", headers={"Origin": "https://otro.example"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in other.headers


def test_limits_refuse_with_clear_json(server: Server) -> None:
    thread_id = new_thread(server)
    long_message = requests.post(
        server.url + "/chat",
        data={"thread_id": thread_id, "message": "x" * 201},
        headers=as_client(),
        timeout=10,
    )
    assert long_message.status_code == 413 and long_message.json()["code"] == "payload_too_large"
    big_body = requests.post(
        server.url + "/chat",
        data={"thread_id": thread_id, "message": "y" * 5000},
        headers=as_client(),
        timeout=10,
    )
    assert big_body.status_code == 413 and big_body.json()["code"] == "payload_too_large"
    page = requests.get(
        server.url + "/threadHistory",
        params={"thread_id": thread_id, "limit": 1001},
        headers=as_client(),
        timeout=10,
    )
    assert page.status_code == 400


def test_the_rate_limit_is_shared_by_the_workers(server: Server) -> None:
    headers = {**AUTH, "X-Forwarded-For": "10.2.0.1"}
    with ThreadPoolExecutor(8) as pool:
        responses = list(
            pool.map(
                lambda _: requests.get(server.url + "/listAssistants", headers=headers, timeout=10), range(16)
            )
        )
    statuses = sorted(r.status_code for r in responses)
    # One bucket of 8 for the client across both worker processes (per process it would be 16).
    assert statuses.count(200) in (8, 9) and set(statuses) == {200, 429}
    refused = next(r for r in responses if r.status_code == 429)
    assert refused.json()["code"] == "rate_limited" and int(refused.headers["Retry-After"]) >= 1


def test_stopping_the_server_lets_a_turn_in_flight_finish(tmp_path: Path) -> None:
    server = start_gunicorn(tmp_path, BOTK_TEST_LATENCY_MS="1500", BOTK_RATE_LIMIT="0")
    port = int(server.url.rsplit(":", 1)[1])
    thread_id = new_thread(server)
    result: dict[str, requests.Response] = {}
    sender = threading.Thread(
        target=lambda: result.update(
            r=requests.post(
                server.url + "/chat", data={"thread_id": thread_id, "message": "hola"}, timeout=30
            )
        )
    )
    sender.start()
    time.sleep(0.5)

    assert server.stop(signal.SIGINT) == 0  # what PM2 sends, to the whole process tree
    sender.join(timeout=30)

    assert result["r"].status_code == 200 and result["r"].json()["response"] == "eco: hola"
    restarted = start_gunicorn(tmp_path, port=port)
    try:
        assert [m["status"] for m in history(restarted.url, thread_id)] == ["completed", "completed"]
    finally:
        restarted.stop()
