"""POST /chat/stream: Server-Sent Events for a turn, same fields and errors as /chat."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from botk_web import Settings, create_app
from tests.adapters.fake_openai import FakeOpenAI, text, tool_calls


def parse_sse(body: str) -> list[tuple[str, Any]]:
    events = []
    for frame in body.strip().split("\n\n"):
        if frame.startswith(":"):  # a keep-alive comment
            continue
        lines = dict(line.split(": ", 1) for line in frame.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def chat_client(fake: FakeOpenAI, tmp_path: Path) -> FlaskClient:
    """The app on the Chat Completions gateway, pointed at the fake server."""
    settings = Settings(
        gateway="openai-chat",
        openai_base_url=fake.base_url,
        model="llama3.1",
        openai_max_retries=0,
        database_path=str(tmp_path / "botk.sqlite3"),
        documents_dir=str(tmp_path),
    )
    return create_app(settings).test_client()


def _new_thread(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])


def test_the_offline_gateway_streams_deltas_that_add_up_to_the_stored_answer(
    client: FlaskClient, thread_id: str
) -> None:
    response = client.post("/chat/stream", data={"thread_id": thread_id, "message": "¿Qué es Kuskalla?"})

    events = parse_sse(response.get_data(as_text=True))
    assert response.mimetype == "text/event-stream"
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "done" and "delta" in kinds
    done = events[-1][1]
    assert "".join(data["text"] for kind, data in events if kind == "delta") == done["response"]
    history = client.get(f"/threadHistory?thread_id={thread_id}").get_json()
    assert history["last_id"] == done["message_id"]
    assert history["data"][-1]["content"][0]["text"]["value"] == done["response"]


def test_missing_fields_answer_like_chat(client: FlaskClient) -> None:
    response = client.post("/chat/stream", data={"message": "hola"})

    assert response.status_code == 400
    assert response.get_json()["error"] == "Missing thread_id or message"


def test_an_unknown_thread_is_a_404_not_a_stream(client: FlaskClient) -> None:
    response = client.post("/chat/stream", data={"thread_id": "thread_" + "0" * 32, "message": "hola"})

    assert response.status_code == 404


def test_tool_runs_and_citations_are_announced(chat_client: FlaskClient, fake: FakeOpenAI) -> None:
    thread_id = _new_thread(chat_client)
    fake.script_chat(tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("El nivel medio es 1,5 m."))

    response = chat_client.post("/chat/stream", data={"thread_id": thread_id, "message": "nivel de Iquiuca"})

    events = parse_sse(response.get_data(as_text=True))
    assert events[0] == (
        "tool",
        {
            "name": "get_promedio",
            "call_id": events[0][1]["call_id"],
            "is_error": False,
            "arguments": {"estacion": "Iquiuca"},
        },
    )
    assert events[-1][0] == "done" and events[-1][1]["response"] == "El nivel medio es 1,5 m."
    assert len(fake.bodies("/v1/chat/completions")) == 2


def test_the_first_event_arrives_before_the_upstream_has_finished(
    chat_client: FlaskClient, fake: FakeOpenAI
) -> None:
    thread_id = _new_thread(chat_client)
    hold = threading.Event()
    fake.script_chat(text("Primera palabra y luego el resto de la respuesta.", hold=hold))

    response = chat_client.post(
        "/chat/stream", data={"thread_id": thread_id, "message": "hola"}, buffered=False
    )
    chunks = iter(response.response)
    first = next(chunks)
    upstream_finished_before_first_byte = fake.streams_finished > 0
    hold.set()
    rest = b"".join(chunks)

    assert not upstream_finished_before_first_byte
    assert parse_sse(first.decode())[0] == ("delta", {"text": "Primera "})
    assert parse_sse(rest.decode())[-1][1]["response"] == "Primera palabra y luego el resto de la respuesta."


def test_a_client_that_leaves_midway_still_finds_the_answer_in_the_history(
    chat_client: FlaskClient, fake: FakeOpenAI
) -> None:
    thread_id = _new_thread(chat_client)
    hold = threading.Event()
    fake.script_chat(text("Una respuesta que el cliente no terminó de leer.", hold=hold))

    response = chat_client.post(
        "/chat/stream", data={"thread_id": thread_id, "message": "hola"}, buffered=False
    )
    next(iter(response.response))
    response.close()
    hold.set()

    # The turn goes on without its reader and stores the answer shortly after.
    deadline = time.monotonic() + 10
    history: list[dict[str, Any]] = []
    while len(history) < 2 and time.monotonic() < deadline:
        history = chat_client.get(f"/threadHistory?thread_id={thread_id}").get_json()["data"]
        time.sleep(0.02)
    assert [(m["role"], m["status"]) for m in history] == [("user", "completed"), ("assistant", "completed")]
    assert history[-1]["content"][0]["text"]["value"] == "Una respuesta que el cliente no terminó de leer."
