"""Limits: message length, body size, history page size and the per-client rate limit."""

from __future__ import annotations

import attrs
from flask.testing import FlaskClient

from botk_web import Settings, create_app


def test_a_message_over_the_limit_is_413_and_stores_nothing(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, max_message_chars=50)).test_client()
    thread_id = client.get("/start").get_json()["thread_id"]

    response = client.post("/chat", data={"thread_id": thread_id, "message": "x" * 51})

    assert response.status_code == 413
    assert response.get_json()["code"] == "payload_too_large"
    assert client.get(f"/threadHistory?thread_id={thread_id}").get_json()["data"] == []


def test_a_body_over_the_request_limit_is_413_json(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, max_request_bytes=2048)).test_client()
    response = client.post("/chat", data={"thread_id": "t", "message": "x" * 4096})
    assert response.status_code == 413 and response.get_json()["code"] == "payload_too_large"


def test_a_history_page_over_1000_is_refused(client: FlaskClient, thread_id: str) -> None:
    response = client.get(f"/threadHistory?thread_id={thread_id}&limit=1001")
    assert response.status_code == 400 and "limit" in response.get_json()["error"]


def test_past_the_burst_a_client_gets_429_with_retry_after(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, rate_limit_per_minute=6, rate_limit_burst=3)).test_client()

    statuses = [client.get("/listAssistants").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    refused = client.get("/listAssistants")
    assert refused.get_json()["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 10
    assert client.get("/health").status_code == 200  # probes are never throttled


def test_clients_have_separate_buckets(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, rate_limit_per_minute=6, rate_limit_burst=1)).test_client()
    assert client.get("/dummy", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 200
    assert client.get("/dummy", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    assert client.get("/dummy", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200
