"""No page of another site can make the user's browser write: chat, upload, delete, compile."""

from __future__ import annotations

import io

import attrs
import pytest
from flask.testing import FlaskClient

from botk_web import Settings
from tests.abuse.conftest import make_app

EVIL = "https://evil.example"


def _history(client: FlaskClient, thread_id: str) -> list[object]:
    return list(client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()["data"])


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": EVIL},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:8000"},  # another app on this machine is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": EVIL, "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_cross_site_form_post_to_chat_is_refused_and_stores_nothing(
    client: FlaskClient, thread_id: str, headers: dict[str, str]
) -> None:
    response = client.post(
        "/chat",
        data={"thread_id": thread_id, "message": "hola"},
        headers=headers,
        base_url="http://127.0.0.1:5001",
    )
    assert response.status_code == 403
    body = response.get_json()
    assert body["code"] == "cross_site_refused" and "BOTK_CORS_ORIGINS" in body["error"]
    assert _history(client, thread_id) == []


def test_cross_site_uploads_and_deletes_are_refused(client: FlaskClient) -> None:
    before = client.get("/documents").get_json()["data"]
    upload = client.post(
        "/documents",
        data={"files": (io.BytesIO(b"texto falso"), "falso.txt")},
        content_type="multipart/form-data",
        headers={"Origin": EVIL},
    )
    delete = client.delete(f"/documents/{before[0]['id']}", headers={"Sec-Fetch-Site": "cross-site"})
    assert (upload.status_code, delete.status_code) == (403, 403)
    assert client.get("/documents").get_json()["data"] == before


def test_same_origin_pages_and_clients_without_browser_headers_keep_working(
    client: FlaskClient, thread_id: str
) -> None:
    same = {"Origin": "http://127.0.0.1:5001", "Sec-Fetch-Site": "same-origin"}
    data = {"thread_id": thread_id, "message": "hola"}
    assert client.post("/chat", data=data, headers=same, base_url="http://127.0.0.1:5001").status_code == 200
    assert client.post("/chat", data=data).status_code == 200  # curl, scripts
    assert client.post("/chat", data=data, headers={"Sec-Fetch-Site": "none"}).status_code == 200


def test_a_configured_front_end_may_post_forms(settings: Settings) -> None:
    client = make_app(attrs.evolve(settings, cors_origins=("https://panel.macaya.cl",))).test_client()
    thread_id = client.get("/start").get_json()["thread_id"]
    headers = {"Origin": "https://panel.macaya.cl", "Sec-Fetch-Site": "cross-site"}
    response = client.post("/chat", data={"thread_id": thread_id, "message": "hola"}, headers=headers)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "https://panel.macaya.cl"
    assert (
        client.post(
            "/chat", data={"thread_id": thread_id, "message": "x"}, headers={"Origin": EVIL}
        ).status_code
        == 403
    )


def test_reads_from_other_sites_are_not_blocked(client: FlaskClient) -> None:
    # Reading is harmless: CORS already hides the answer from the other page.
    assert (
        client.get("/listAssistants", headers={"Origin": EVIL, "Sec-Fetch-Site": "cross-site"}).status_code
        == 200
    )


def test_another_site_cannot_create_conversations_with_a_get(client: FlaskClient) -> None:
    refused = client.get("/start", headers={"Sec-Fetch-Site": "cross-site"})  # e.g. an <img> on another page
    assert refused.status_code == 403 and refused.get_json()["code"] == "cross_site_refused"
    assert client.get("/start").status_code == 200
