"""The shared folder's documents cannot be deleted or forged over HTTP; uploads never replace each other."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from flask.testing import FlaskClient

from botk_core.errors import DocumentTooLarge
from botk_core.usecases.documents import AddDocumentInput, UploadPolicy
from botk_web import Settings
from tests.abuse.conftest import make_app


def _upload(client: FlaskClient, name: str, data: bytes, **headers: str) -> tuple[int, dict[str, object]]:
    response = client.post(
        "/documents",
        data={"files": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        headers=headers,
    )
    return response.status_code, response.get_json()


def _documents(client: FlaskClient) -> dict[str, str]:
    return {d["name"]: d["content_hash"] for d in client.get("/documents").get_json()["data"]}


def test_a_shared_document_cannot_be_deleted_then_forged(client: FlaskClient) -> None:
    before = _documents(client)
    manual = next(d for d in client.get("/documents").get_json()["data"] if d["name"] == "manual.md")
    response = client.delete(f"/documents/{manual['id']}")
    assert response.status_code == 403 and response.get_json()["code"] == "document_read_only"
    status, body = _upload(client, "manual.md", b"# Manual\n\nLa luz roja significa que todo esta bien.\n")
    assert status == 409 and body["code"] == "document_name_taken"
    assert _documents(client) == before


@pytest.mark.parametrize(
    "name",
    [
        "MANUAL.MD",
        "manual.txt",
        "Manual.PDF",
        "ｍａｎｕａｌ.md",
        "mánual.docx",
        "README.md",
        "readme.txt",
        "sinonimos.txt",
    ],
)
def test_a_name_that_reads_like_a_shared_file_is_taken(
    client: FlaskClient, shared_folder: Path, name: str
) -> None:
    (shared_folder / "README.md").write_text("# Carpeta compartida\n", encoding="utf-8")
    (shared_folder / "sinonimos.txt").write_text("estanque = tanque\n", encoding="utf-8")
    before = _documents(client)
    status, body = _upload(client, name, b"# Manual\n\nLa luz roja significa que todo esta bien.\n")
    assert status == 409 and body["code"] == "document_name_taken"
    assert name in str(body["error"])
    assert _documents(client) == before
    hits = client.get("/search", query_string={"q": "luz roja"}).get_json()["data"]
    assert hits and all("falla del sensor" in hit["text"] for hit in hits)


def test_an_admin_may_manage_the_shared_folder(settings: Settings) -> None:
    client = make_app(attrs.evolve(settings, document_admin_key="clave-admin")).test_client()
    manual = next(d for d in client.get("/documents").get_json()["data"] if d["name"] == "manual.md")
    assert client.delete(f"/documents/{manual['id']}", headers={"X-Admin-Key": "otra"}).status_code == 403
    assert (
        client.delete(f"/documents/{manual['id']}", headers={"X-Admin-Key": "clave-admin"}).status_code == 200
    )
    open_client = make_app(attrs.evolve(settings, allow_document_admin=True)).test_client()
    assert _upload(open_client, "manual.md", b"# Manual nuevo\n\nTexto corregido.\n")[0] == 201


def test_two_clients_uploading_the_same_name_do_not_replace_each_other(client: FlaskClient) -> None:
    assert _upload(client, "passwd.txt", b"primer cliente: bitacora del pozo")[0] == 201
    status, body = _upload(client, "../../etc/passwd.txt", b"segundo cliente: otra cosa")
    assert status == 409 and "passwd.txt" in str(body["error"])
    hits = client.get("/search", query_string={"q": "bitacora pozo"}).get_json()["data"]
    assert hits and hits[0]["document"] == "passwd.txt"
    # The same file again is no replacement: nothing changes, nothing is refused.
    assert _upload(client, "passwd.txt", b"primer cliente: bitacora del pozo")[0] == 201


def test_uploads_are_held_to_a_total_budget(settings: Settings) -> None:
    client = make_app(attrs.evolve(settings, max_upload_total_bytes=3000)).test_client()
    assert _upload(client, "uno.txt", b"a " * 1000)[0] == 201
    status, body = _upload(client, "dos.txt", b"b " * 1000)
    assert status == 413 and body["code"] == "upload_quota_exceeded"
    assert "dos.txt" not in _documents(client)
    uno = next(d for d in client.get("/documents").get_json()["data"] if d["name"] == "uno.txt")
    assert client.delete(f"/documents/{uno['id']}").status_code == 200
    assert _upload(client, "dos.txt", b"b " * 1000)[0] == 201


def test_a_file_over_the_per_file_limit_is_413(settings: Settings) -> None:
    client = make_app(attrs.evolve(settings, max_upload_file_bytes=2048)).test_client()
    status, body = _upload(client, "grande.txt", b"x " * 2000)
    assert status == 413 and body["code"] == "payload_too_large"


def test_one_request_indexes_a_bounded_amount_of_text(settings: Settings) -> None:
    client = make_app(attrs.evolve(settings, max_upload_text_bytes=50_000)).test_client()
    files = [(io.BytesIO(("palabra " * 4000).encode()), f"parte{n}.txt") for n in range(2)]
    response = client.post("/documents", data={"files": files}, content_type="multipart/form-data")
    assert response.status_code == 413 and "BOTK_MAX_UPLOAD_TEXT_BYTES" in response.get_json()["error"]
    assert not {"parte0.txt", "parte1.txt"} & set(_documents(client))
    assert _upload(client, "parte0.txt", ("palabra " * 4000).encode())[0] == 201


def test_reading_the_files_of_one_request_has_a_time_budget(settings: Settings) -> None:
    use_cases = make_app(settings).extensions["botk"].document_use_cases
    uploads = [AddDocumentInput(f"f{n}.txt", b"texto de prueba") for n in range(3)]
    with pytest.raises(DocumentTooLarge, match="BOTK_UPLOAD_READ_SECONDS"):
        use_cases.add.execute(uploads, UploadPolicy(max_read_seconds=0.0))
    assert not {"f0.txt", "f1.txt", "f2.txt"} & {d.name for d in use_cases.list.execute()}
