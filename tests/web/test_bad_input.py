"""Bad input gets a clear JSON error with the right status, and changes nothing."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_adapters.memory import InMemoryThreadRepository
from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_core.domain import Thread
from botk_core.errors import StorageError, UpstreamAuthError, UpstreamRateLimited, UpstreamTimeout
from botk_core.model import ModelReply
from botk_web import Settings, create_app

MISSING = {"error": "Missing thread_id or message", "code": "missing_fields"}


def message_count(client: FlaskClient, thread_id: str) -> int:
    return len(client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()["data"])


@pytest.mark.parametrize(
    "data",
    [{}, {"thread_id": "x"}, {"message": "hola"}, {"thread_id": "", "message": "hola"}, {"message": "  "}],
)
def test_missing_fields_give_the_original_error(client: FlaskClient, thread_id: str, data: dict) -> None:
    data = {**data, "thread_id": thread_id} if data.get("message") == "  " else data
    response = client.post("/chat", data=data)
    assert response.status_code == 400
    assert response.get_json() == MISSING
    assert message_count(client, thread_id) == 0


def test_missing_message_in_json_is_the_same_error(client: FlaskClient, thread_id: str) -> None:
    response = client.post("/chat", json={"thread_id": thread_id})
    assert (response.status_code, response.get_json()) == (400, MISSING)


def test_unknown_thread_is_404(client: FlaskClient) -> None:
    for thread_id in ("thread_" + "0" * 32, "../../etc/passwd"):
        response = client.post("/chat", data={"thread_id": thread_id, "message": "hola"})
        assert response.status_code == 404
        assert response.get_json()["code"] == "thread_not_found"
        history = client.get("/threadHistory", query_string={"thread_id": thread_id})
        assert history.status_code == 404


def test_a_one_megabyte_message_is_413_and_not_stored(client: FlaskClient, thread_id: str) -> None:
    response = client.post("/chat", data={"thread_id": thread_id, "message": "a" * 1_000_000})
    assert response.status_code == 413
    assert response.get_json()["code"] == "payload_too_large"
    assert message_count(client, thread_id) == 0


def test_a_body_over_the_request_limit_is_413(tmp_path: object) -> None:
    app = create_app(Settings(database_path=f"{tmp_path}/b.sqlite3", max_request_bytes=2048))
    response = app.test_client().post("/chat", data={"thread_id": "t", "message": "a" * 5000})
    assert response.status_code == 413
    assert response.get_json()["code"] == "payload_too_large"


@pytest.mark.parametrize("body", ["{bad json", "[1, 2]", '"texto"'])
def test_malformed_json_is_400(client: FlaskClient, thread_id: str, body: str) -> None:
    response = client.post("/chat", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["code"] == "invalid_input"
    assert message_count(client, thread_id) == 0


def test_non_string_json_fields_are_400(client: FlaskClient, thread_id: str) -> None:
    response = client.post("/chat", json={"thread_id": thread_id, "message": 42})
    assert response.status_code == 400
    assert "message debe ser texto" in response.get_json()["error"]


def test_wrong_content_type_is_415(client: FlaskClient, thread_id: str) -> None:
    response = client.post("/chat", data=b"thread_id=x", content_type="text/plain")
    assert response.status_code == 415
    assert response.get_json()["code"] == "unsupported_media_type"


def test_unknown_route_and_wrong_method_are_json(client: FlaskClient) -> None:
    assert client.get("/no-such-route").get_json()["code"] == "not_found"
    response = client.get("/chat")
    assert (response.status_code, response.get_json()["code"]) == (405, "method_not_allowed")


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (UpstreamAuthError("The provider rejected OPEN_AI_API_KEY"), 502, "upstream_auth"),
        (UpstreamRateLimited("Slow down", retry_after=7), 503, "upstream_rate_limited"),
        (UpstreamTimeout("The model did not answer in time"), 504, "upstream_timeout"),
        (RuntimeError("secret stack detail /home/x"), 500, "internal_error"),
    ],
)
def test_upstream_failures_map_to_statuses_and_keep_the_question(
    tmp_path: object, error: Exception, status: int, code: str
) -> None:
    gateway = ScriptedAssistantGateway([error, ModelReply(text="Ahora sí.")])
    app: Flask = create_app(Settings(database_path=f"{tmp_path}/u.sqlite3"), gateway=gateway)
    client = app.test_client()
    thread_id = client.get("/start").get_json()["thread_id"]

    response = client.post("/chat", data={"thread_id": thread_id, "message": "¿cómo está el agua?"})

    assert response.status_code == status
    assert response.get_json()["code"] == code
    assert "secret" not in response.get_data(as_text=True)
    if status == 503:
        assert response.headers["Retry-After"] == "7"
    data = client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()["data"]
    assert [(m["role"], m["status"]) for m in data] == [("user", "incomplete")]
    retry = client.post("/chat", data={"thread_id": thread_id, "message": "¿cómo está el agua?"})
    assert retry.get_json()["response"] == "Ahora sí."


class BusyThreads(InMemoryThreadRepository):
    def create(self, thread: Thread) -> None:
        raise StorageError("El almacenamiento está ocupado; intenta de nuevo en un momento.")


def test_busy_storage_is_503_with_retry_after(tmp_path: object) -> None:
    app = create_app(Settings(database_path=f"{tmp_path}/s.sqlite3"), threads=BusyThreads())
    response = app.test_client().get("/start")
    assert response.status_code == 503
    assert response.get_json() == {
        "error": "El almacenamiento está ocupado; intenta de nuevo en un momento.",
        "code": "storage_error",
    }
    assert response.headers["Retry-After"] == "1"


@pytest.mark.parametrize("field", ["message", "thread_id", "client_message_id"])
def test_lone_surrogates_in_json_are_400_and_store_nothing(
    client: FlaskClient, thread_id: str, field: str
) -> None:
    fields = {"thread_id": thread_id, "message": "hola", field: "\\ud800 hola"}
    body = "{" + ", ".join(f'"{k}": "{v}"' for k, v in fields.items()) + "}"
    response = client.post("/chat", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "no es texto UTF-8 válido" in response.get_json()["error"]
    assert message_count(client, thread_id) == 0
