"""The seed's HTTP contract, through the Flask test client on the offline default."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from botk_web import Settings

QUESTION = "¿Qué significa la luz roja del sensor?"


def history(client: FlaskClient, thread_id: str, **params: object) -> dict:
    response = client.get("/threadHistory", query_string={"thread_id": thread_id, **params})
    assert response.status_code == 200
    return response.get_json()


def test_start_gives_an_unguessable_thread_and_the_default_assistant(client: FlaskClient) -> None:
    body = client.get("/start").get_json()
    assert re.fullmatch(r"thread_[0-9a-f]{32}", body["thread_id"])
    assert body["assistant_id"] == "asst_botk_macaya"
    assert body["vector_store_id"]
    assert client.get("/start").get_json()["thread_id"] != body["thread_id"]


def test_chat_answers_a_document_question_quoting_the_document_and_naming_its_file(
    client: FlaskClient, thread_id: str
) -> None:
    response = client.post("/chat", data={"thread_id": thread_id, "message": QUESTION})

    assert response.status_code == 200
    body = response.get_json()
    assert "Rojo: falla del sensor de nivel" in body["response"]
    assert "manual_red_kuskalla" in body["response"]
    assert body["citations"][0]["document"] == "EJEMPLO_manual_red_kuskalla.docx"
    assert body["citations"][0]["quote"] in body["response"]


def test_chat_accepts_json_too(client: FlaskClient, thread_id: str) -> None:
    response = client.post("/chat", json={"thread_id": thread_id, "message": "¿Qué es Kuskalla?"})
    assert response.status_code == 200
    assert "Kuskalla" in response.get_json()["response"]


def test_chat_says_plainly_when_the_documents_do_not_answer(client: FlaskClient, thread_id: str) -> None:
    body = client.post("/chat", data={"thread_id": thread_id, "message": "¿Quién ganó el mundial de fútbol?"})
    assert body.get_json()["response"].startswith("No lo encontré")
    assert body.get_json()["citations"] == []


def test_history_returns_both_messages_oldest_first_in_the_original_shape(
    client: FlaskClient, thread_id: str
) -> None:
    answer = client.post("/chat", data={"thread_id": thread_id, "message": QUESTION}).get_json()

    body = history(client, thread_id)

    assert body["object"] == "list" and body["has_more"] is False
    user, assistant = body["data"]
    assert (user["role"], assistant["role"]) == ("user", "assistant")
    assert user["content"][0]["text"]["value"] == QUESTION
    assert assistant["content"][0]["text"]["value"] == answer["response"]
    assert assistant["content"][0]["text"]["annotations"][0]["type"] == "file_citation"
    assert user["object"] == "thread.message" and user["thread_id"] == thread_id
    assert isinstance(user["created_at"], int)
    assert (
        (body["first_id"], body["last_id"])
        == (user["id"], assistant["id"])
        == (user["id"], answer["message_id"])
    )


def test_history_pages_with_limit_and_cursors(client: FlaskClient, thread_id: str) -> None:
    for question in ("¿Qué es Kuskalla?", QUESTION):
        client.post("/chat", data={"thread_id": thread_id, "message": question})
    everything = [m["id"] for m in history(client, thread_id)["data"]]

    first = history(client, thread_id, limit=3)
    assert [m["id"] for m in first["data"]] == everything[:3] and first["has_more"]
    rest = history(client, thread_id, limit=3, after=first["last_id"])
    assert [m["id"] for m in rest["data"]] == everything[3:] and not rest["has_more"]
    back = history(client, thread_id, limit=2, before=everything[2])
    assert [m["id"] for m in back["data"]] == everything[:2]
    newest = history(client, thread_id, limit=1, order="desc")
    assert newest["data"][0]["id"] == everything[-1]


def test_empty_history_has_null_ids(client: FlaskClient, thread_id: str) -> None:
    assert history(client, thread_id) == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }


def test_list_assistants_and_dummy_keep_the_original_bodies(client: FlaskClient) -> None:
    assert client.get("/listAssistants").get_json() == ["asst_botk_macaya"]
    assert client.get("/dummy").get_json() == {"msj": "sorprise mdk"}


def test_health_reports_gateway_and_storage(client: FlaskClient, settings: Settings) -> None:
    body = client.get("/health").get_json()
    assert body["status"] == "ok"
    assert body["gateway"] == "local"
    assert body["storage"] == ("postgresql" if settings.database_url else "sqlite")


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"limit": "diez"}, {"order": "sideways"}])
def test_bad_history_parameters_are_400(client: FlaskClient, thread_id: str, params: dict) -> None:
    response = client.get("/threadHistory", query_string={"thread_id": thread_id, **params})
    assert response.status_code == 400
    assert response.get_json()["code"] == "invalid_input"


def test_an_answer_that_found_nothing_cites_nothing(client: FlaskClient, thread_id: str) -> None:
    body = client.post(
        "/chat", data={"thread_id": thread_id, "message": "¿Qué vacunas necesitan las llamas?"}
    )
    assert body.get_json()["response"].startswith("No lo encontré")
    assert body.get_json()["citations"] == []
    history = client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()
    assert history["data"][1]["content"][0]["text"]["annotations"] == []
