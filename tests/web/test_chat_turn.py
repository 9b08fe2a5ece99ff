"""The chat turn over HTTP: files on either route, retries, quotas, deletion, keep-alive, recovery."""

from __future__ import annotations

import io
import itertools
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import attrs
import docx
import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_core.errors import UpstreamUnavailable
from botk_core.model import ModelReply, ModelRequest
from botk_web import Settings, create_app
from botk_web.routes import stream as stream_route
from tests.web.test_stream import parse_sse


def word_file(text: str) -> bytes:
    document = docx.Document()
    document.add_heading("Bitácora del pozo", level=1)
    document.add_paragraph(text)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def scripted_client(tmp_path: Path, gateway: ScriptedAssistantGateway, **changes: object) -> FlaskClient:
    settings = attrs.evolve(
        Settings(database_path=str(tmp_path / "botk.sqlite3"), reports_dir=str(tmp_path / "reports")),
        **changes,
    )
    ticks = itertools.count(1_800_000_000)
    return create_app(settings, gateway=gateway, clock=lambda: float(next(ticks))).test_client()


def new_thread(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])


def documents(client: FlaskClient) -> dict[str, int]:
    return {d["name"]: d["added_at"] for d in client.get("/documents").get_json()["data"]}


def history(client: FlaskClient, thread_id: str) -> list[tuple[str, str]]:
    data = client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()["data"]
    return [(m["role"], m["status"]) for m in data]


def test_files_sent_to_the_stream_are_indexed_as_on_chat(tmp_path: Path) -> None:
    client = scripted_client(
        tmp_path, ScriptedAssistantGateway([ModelReply(text="uno"), ModelReply(text="dos")])
    )
    thread_id = new_thread(client)
    for route, name in (("/chat", "bomba.docx"), ("/chat/stream", "valvula.docx")):
        upload = (io.BytesIO(word_file(f"Nota de {name}: se cambió en marzo de 2024.")), name)
        response = client.post(
            route,
            data={"thread_id": thread_id, "message": f"guarda {name}", "files": upload},
            content_type="multipart/form-data",
        )
        assert response.status_code == 200
    assert set(documents(client)) == {"bomba.docx", "valvula.docx"}
    hits = client.get("/search", query_string={"q": "valvula marzo"}).get_json()["data"]
    assert hits and hits[0]["document"] == "valvula.docx"


def test_a_retried_turn_indexes_its_files_once(tmp_path: Path) -> None:
    gateway = ScriptedAssistantGateway([UpstreamUnavailable("caído"), ModelReply(text="Listo.")])
    client = scripted_client(tmp_path, gateway)
    thread_id = new_thread(client)

    # The same bytes both times, as a client retrying sends them (a .docx built twice differs by its time).
    sent = word_file("La bomba se cambió en marzo.")

    def send() -> int:
        upload = (io.BytesIO(sent), "bomba.docx")
        fields = {
            "thread_id": thread_id,
            "message": "guarda esto",
            "client_message_id": "k-1",
            "files": upload,
        }
        response = client.post("/chat/stream", data=fields, content_type="multipart/form-data")
        response.get_data()  # read to its end: the turn has finished
        return response.status_code

    assert send() == 503
    indexed = documents(client)
    assert send() == 200
    assert documents(client) == indexed  # same document, not indexed again
    assert history(client, thread_id) == [("user", "completed"), ("assistant", "completed")]


def test_a_full_thread_refuses_the_message_and_stores_nothing(tmp_path: Path) -> None:
    client = scripted_client(
        tmp_path, ScriptedAssistantGateway([ModelReply(text="uno")]), max_thread_messages=3
    )
    thread_id = new_thread(client)
    assert client.post("/chat", data={"thread_id": thread_id, "message": "hola"}).status_code == 200
    refused = client.post("/chat", data={"thread_id": thread_id, "message": "otra"})
    assert refused.status_code == 409
    assert refused.get_json()["code"] == "thread_full" and "conversación" in refused.get_json()["error"]
    assert len(history(client, thread_id)) == 2


def test_deleting_a_thread_removes_its_messages_and_report(tmp_path: Path) -> None:
    client = scripted_client(tmp_path, ScriptedAssistantGateway([ModelReply(text="uno")]))
    thread_id, other = new_thread(client), new_thread(client)
    client.post("/chat", data={"thread_id": thread_id, "message": "hola"})
    report = tmp_path / "reports" / f"{thread_id}.tex"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\\documentclass{article}", encoding="utf-8")

    response = client.delete(f"/threads/{thread_id}")
    assert response.status_code == 200 and response.get_json()["deleted"] is True
    assert client.get("/threadHistory", query_string={"thread_id": thread_id}).status_code == 404
    assert not report.exists()
    assert client.delete(f"/threads/{thread_id}").status_code == 404
    assert client.delete("/threads/../../etc").status_code == 404
    assert history(client, other) == []


def test_a_stream_says_it_is_still_working_while_the_model_thinks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream_route, "KEEPALIVE_SECONDS", 0.05)

    def slow(request: ModelRequest) -> ModelReply:
        time.sleep(0.4)
        return ModelReply(text="Pensé bastante.")

    client = scripted_client(tmp_path, ScriptedAssistantGateway([slow]))
    body = client.post("/chat/stream", data={"thread_id": new_thread(client), "message": "hola"}).get_data(
        as_text=True
    )
    assert body.startswith(stream_route.KEEPALIVE) and body.count(stream_route.KEEPALIVE) >= 3
    assert parse_sse(body)[-1][1]["response"] == "Pensé bastante."


def test_a_question_left_pending_by_a_killed_server_is_failed_when_it_starts_again(tmp_path: Path) -> None:
    client = scripted_client(tmp_path, ScriptedAssistantGateway())
    thread_id = new_thread(client)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    with sqlite3.connect(tmp_path / "botk.sqlite3") as conn:
        conn.execute(
            "INSERT INTO messages (id, thread_id, role, content, created_at, status)"
            " VALUES ('msg_x', ?, 'user', 'a medias', 1.0, 'pending')",
            (thread_id,),
        )
        conn.execute(
            "UPDATE threads SET turn_owner = ?, turn_expires_at = 9e9 WHERE id = ?",
            (f"{dead.stdout.strip()}:1:x", thread_id),
        )

    restarted = scripted_client(tmp_path, ScriptedAssistantGateway())
    assert history(restarted, thread_id) == [("user", "incomplete")]
