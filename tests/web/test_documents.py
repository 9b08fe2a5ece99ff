"""Document routes through the Flask test client: list, upload, delete, search."""

from __future__ import annotations

import io

import docx
from flask.testing import FlaskClient

from botk_web.routes.documents import safe_name


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_heading("Bitácora del pozo", level=1)
    document.add_paragraph(text)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _names(client: FlaskClient) -> list[str]:
    return [d["name"] for d in client.get("/documents").get_json()["data"]]


def test_list_shows_the_ingested_sample_documents(client: FlaskClient) -> None:
    body = client.get("/documents").get_json()
    assert body["object"] == "list"
    assert body["data"] and all(d["id"].startswith("doc_") and d["chunks"] > 0 for d in body["data"])


def test_upload_then_search_finds_the_new_document(client: FlaskClient) -> None:
    response = client.post(
        "/documents",
        data={
            "files": (io.BytesIO(_docx("El pozo de Quipisca se secó en enero.")), "../../bitácora pozo.docx")
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 201
    stored = response.get_json()["data"][0]
    assert stored["name"] == "bitácora pozo.docx"
    hits = client.get("/search", query_string={"q": "pozos de Quipisca", "k": 3}).get_json()["data"]
    assert hits[0]["document"] == "bitácora pozo.docx"
    assert hits[0]["location"] == "Bitácora del pozo"


def test_a_bad_file_in_a_batch_is_a_4xx_and_nothing_is_stored(client: FlaskClient) -> None:
    before = _names(client)
    response = client.post(
        "/documents",
        data={
            "files": [
                (io.BytesIO(_docx("Texto bueno.")), "bueno.docx"),
                (io.BytesIO(b"PK\x03\x04x"), "malo.docx"),
            ]
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert response.get_json()["code"] == "unreadable_document"
    assert "malo.docx" in response.get_json()["error"]
    assert _names(client) == before


def test_unsupported_type_is_415(client: FlaskClient) -> None:
    response = client.post(
        "/documents", data={"files": (io.BytesIO(b"GIF89a"), "foto.gif")}, content_type="multipart/form-data"
    )
    assert response.status_code == 415
    assert response.get_json()["code"] == "unsupported_document_type"


def test_upload_without_a_file_is_400(client: FlaskClient) -> None:
    response = client.post("/documents", data={}, content_type="multipart/form-data")
    assert response.status_code == 400


def test_delete_removes_the_document_and_then_404s(client: FlaskClient) -> None:
    first = client.get("/documents").get_json()["data"][0]
    assert client.delete(f"/documents/{first['id']}").get_json()["deleted"] is True
    assert first["name"] not in _names(client)
    assert client.delete(f"/documents/{first['id']}").status_code == 404
    assert client.delete("/documents/..%2Fetc").status_code == 404


def test_search_answers_with_passages_and_validates_input(client: FlaskClient) -> None:
    body = client.get("/search", query_string={"q": "luz roja de la estación"}).get_json()
    assert body["data"][0]["text"] and body["data"][0]["document"]
    assert client.get("/search").status_code == 400
    assert client.get("/search", query_string={"q": "luz", "k": "muchos"}).status_code == 400
    assert client.get("/search", query_string={"q": "luz", "k": 500}).status_code == 400


def test_safe_name_strips_folders_and_control_characters() -> None:
    assert safe_name("C:\\Users\\ana\\Informe Ñandú.docx") == "Informe Ñandú.docx"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("a\x00b<script>.md") == "a_b_script_.md"
    assert safe_name("...") == "documento"


def test_chat_with_files_indexes_them_before_answering(client: FlaskClient, thread_id: str) -> None:
    upload = (io.BytesIO(_docx("La bomba del pozo Quipisca se cambió en marzo de 2024.")), "bomba.docx")
    response = client.post(
        "/chat",
        data={
            "thread_id": thread_id,
            "message": "¿Cuándo se cambió la bomba del pozo Quipisca?",
            "files": upload,
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "bomba.docx" in _names(client)
    assert any(c["document"] == "bomba.docx" for c in response.get_json()["citations"])


def test_chat_with_a_bad_file_answers_4xx_and_stores_no_message(client: FlaskClient, thread_id: str) -> None:
    response = client.post(
        "/chat",
        data={"thread_id": thread_id, "message": "Hola", "files": (io.BytesIO(b""), "vacio.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "vacio.pdf" in response.get_json()["error"]
    assert client.get("/threadHistory", query_string={"thread_id": thread_id}).get_json()["data"] == []


def test_chat_with_files_on_an_unknown_thread_indexes_nothing(client: FlaskClient) -> None:
    before = _names(client)
    upload = (io.BytesIO(_docx("Texto que no debe quedar indexado.")), "huerfano.docx")
    response = client.post(
        "/chat",
        data={"thread_id": "thread_" + "0" * 32, "message": "Hola", "files": upload},
        content_type="multipart/form-data",
    )
    assert response.status_code == 404
    assert _names(client) == before


def test_a_chat_refused_for_a_reused_key_indexes_nothing(client: FlaskClient, thread_id: str) -> None:
    first = client.post(
        "/chat", data={"thread_id": thread_id, "message": "hola uno", "client_message_id": "k1"}
    )
    assert first.status_code == 200
    before = _names(client)
    upload = (io.BytesIO(_docx("Texto de un turno rechazado.")), "rechazado.docx")
    response = client.post(
        "/chat",
        data={"thread_id": thread_id, "message": "hola dos", "client_message_id": "k1", "files": upload},
        content_type="multipart/form-data",
    )
    assert response.status_code == 409
    assert _names(client) == before


def test_an_upload_cannot_replace_a_document_of_the_shared_folder(client: FlaskClient) -> None:
    before = {d["name"]: d["chunks"] for d in client.get("/documents").get_json()["data"]}
    upload = (io.BytesIO(_docx("El tanque Janchima está contaminado.")), "EJEMPLO_diagnostico_hidrico.docx")
    response = client.post("/documents", data={"files": upload}, content_type="multipart/form-data")
    assert response.status_code == 409
    assert "EJEMPLO_diagnostico_hidrico.docx" in response.get_json()["error"]
    after = {d["name"]: d["chunks"] for d in client.get("/documents").get_json()["data"]}
    assert after == before
