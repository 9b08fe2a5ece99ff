"""A new user's first conversation, over loopback against a real server process."""

from __future__ import annotations

from collections.abc import Iterator

import requests


def test_start_chat_and_read_history_over_http(server: str) -> None:
    started = requests.get(f"{server}/start", timeout=5).json()
    thread_id = started["thread_id"]

    answer = requests.post(
        f"{server}/chat",
        data={"thread_id": thread_id, "message": "¿Qué hago si la luz de la estación está roja?"},
        timeout=10,
    )
    assert answer.status_code == 200
    body = answer.json()
    assert "manual_red_kuskalla" in body["response"]
    assert "cable del sensor" in body["response"]

    history = requests.get(f"{server}/threadHistory", params={"thread_id": thread_id}, timeout=5).json()
    assert [m["role"] for m in history["data"]] == ["user", "assistant"]
    assert history["data"][1]["content"][0]["text"]["value"] == body["response"]


def test_errors_over_http_are_json_without_traces(server: str) -> None:
    missing = requests.post(f"{server}/chat", data={"message": "hola"}, timeout=5)
    assert (missing.status_code, missing.json()["error"]) == (400, "Missing thread_id or message")
    unknown = requests.post(f"{server}/chat", data={"thread_id": "thread_x", "message": "hola"}, timeout=5)
    assert unknown.status_code == 404
    assert "Traceback" not in unknown.text


def test_a_chunked_body_over_the_limit_is_413_not_bad_json(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"thread_id": "t", "message": "'
        for _ in range(17):
            yield b"a" * (1024 * 1024)
        yield b'"}'

    response = requests.post(
        f"{server}/chat", data=chunks(), headers={"Content-Type": "application/json"}, timeout=30
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
