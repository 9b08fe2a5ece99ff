"""One JSON log line per request, X-Request-ID, /ready and token usage per thread."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import attrs
import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_core.domain import Usage
from botk_core.model import ModelReply
from botk_web import Settings, create_app
from botk_web.logging_config import configure_logging


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(json.loads(record.getMessage()))


@pytest.fixture
def lines() -> Iterator[Lines]:
    # As a served process does, whatever ran before in this test process.
    configure_logging()
    handler = Lines()
    logger = logging.getLogger("botk.access")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def scripted_client(settings: Settings, *replies: ModelReply) -> FlaskClient:
    return create_app(settings, gateway=ScriptedAssistantGateway(replies)).test_client()


def test_a_chat_request_logs_one_json_line_with_its_turn_no_text(settings: Settings, lines: Lines) -> None:
    client = scripted_client(settings, ModelReply(text="Nivel 1,5 m.", usage=Usage(120, 30)))
    thread_id = client.get("/start").get_json()["thread_id"]
    lines.records.clear()

    response = client.post(
        "/chat",
        data={"thread_id": thread_id, "message": "secreto del usuario"},
        headers={"X-Request-ID": "req-42", "Authorization": "Bearer token-xyz"},
    )

    assert response.headers["X-Request-ID"] == "req-42"
    [line] = lines.records
    assert line["request_id"] == "req-42" and line["route"] == "/chat" and line["status"] == 200
    assert line["thread_id"] == thread_id and line["gateway"] == "scripted"
    assert (line["input_tokens"], line["output_tokens"], line["tool_calls"]) == (120, 30, [])
    assert isinstance(line["duration_ms"], float)
    text = json.dumps(lines.records)
    assert "secreto" not in text and "Nivel" not in text and "token-xyz" not in text


def test_message_text_is_logged_only_when_asked_for(settings: Settings, lines: Lines) -> None:
    client = scripted_client(attrs.evolve(settings, log_messages=True), ModelReply(text="Respuesta."))
    thread_id = client.get("/start").get_json()["thread_id"]
    client.post("/chat", data={"thread_id": thread_id, "message": "pregunta"})
    assert lines.records[-1]["message"] == "pregunta" and lines.records[-1]["response"] == "Respuesta."


def test_a_bad_request_id_is_replaced_and_errors_are_logged_too(client: FlaskClient, lines: Lines) -> None:
    response = client.get("/threadHistory?thread_id=thread_nope", headers={"X-Request-ID": "bad id!"})
    generated = response.headers["X-Request-ID"]
    assert generated != "bad id!" and len(generated) == 32
    assert lines.records[-1]["status"] == 404 and lines.records[-1]["request_id"] == generated


def test_ready_checks_the_database_and_the_gateway(client: FlaskClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "checks": {"database": "ok", "gateway": "ok"}}


def test_usage_per_thread_sums_its_answers(settings: Settings) -> None:
    client = scripted_client(
        settings, ModelReply(text="uno", usage=Usage(100, 10, 5)), ModelReply(text="dos", usage=Usage(50, 20))
    )
    thread_id = client.get("/start").get_json()["thread_id"]
    for text in ("a", "b"):
        client.post("/chat", data={"thread_id": thread_id, "message": text})

    usage = client.get(f"/threads/{thread_id}/usage").get_json()

    assert usage == {
        "thread_id": thread_id,
        "turns": 2,
        "input_tokens": 150,
        "output_tokens": 30,
        "cached_tokens": 5,
        "total_tokens": 180,
    }
    assert client.get("/threads/thread_nope/usage").status_code == 404


def test_a_streamed_turn_is_logged_once_the_stream_ends_with_its_tokens(
    settings: Settings, lines: Lines
) -> None:
    client = scripted_client(settings, ModelReply(text="Hola a todos.", usage=Usage(7, 2)))
    thread_id = client.get("/start").get_json()["thread_id"]
    lines.records.clear()

    response = client.post("/chat/stream", data={"thread_id": thread_id, "message": "hola"})
    body = response.get_data(as_text=True)
    response.close()

    assert "event: done" in body
    [line] = lines.records
    assert line["route"] == "/chat/stream" and (line["input_tokens"], line["output_tokens"]) == (7, 2)
