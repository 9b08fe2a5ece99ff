"""A new user's first conversation, over loopback against a real server process."""

from __future__ import annotations

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
    assert "preguntas_frecuentes_kuskalla" in body["response"]
    assert "batería" in body["response"]

    history = requests.get(f"{server}/threadHistory", params={"thread_id": thread_id}, timeout=5).json()
    assert [m["role"] for m in history["data"]] == ["user", "assistant"]
    assert history["data"][1]["content"][0]["text"]["value"] == body["response"]


def test_errors_over_http_are_json_without_traces(server: str) -> None:
    missing = requests.post(f"{server}/chat", data={"message": "hola"}, timeout=5)
    assert (missing.status_code, missing.json()["error"]) == (400, "Missing thread_id or message")
    unknown = requests.post(f"{server}/chat", data={"thread_id": "thread_x", "message": "hola"}, timeout=5)
    assert unknown.status_code == 404
    assert "Traceback" not in unknown.text
