"""Uploads read in a bounded number of slots per process; past them, a quick 429 that stores nothing."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Sequence

import attrs
import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from botk_adapters.documents import default_reader
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import ServerBusy
from botk_core.usecases.documents import AddDocumentInput, AddDocuments
from botk_core.usecases.parse_slots import ParseSlots
from botk_web import Settings, create_app
from botk_web.documents_wiring import document_use_cases


class GatedReader:
    """The real reader, but a file named ``lento*`` waits for ``release`` (a slow parse, on demand)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self._inner = default_reader()
        self.revision = self._inner.revision

    def supports(self, name: str) -> bool:
        return self._inner.supports(name)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        if name.startswith("lento"):
            self.entered.set()
            assert self.release.wait(10)
        return self._inner.read(name, data)


def _in_background(work: object) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)  # type: ignore[arg-type]
    thread.start()
    return thread


def test_a_read_past_the_slots_is_busy_and_the_next_one_passes() -> None:
    store, reader = InMemoryDocumentStore(), GatedReader()
    uploads = AddDocuments(store, reader, slots=ParseSlots(1, wait_seconds=0.01))
    slow = _in_background(lambda: uploads.execute([AddDocumentInput("lento.txt", b"lectura lenta del pozo")]))
    assert reader.entered.wait(10)
    with pytest.raises(ServerBusy) as caught:
        uploads.execute([AddDocumentInput("otro.txt", b"bitacora del estanque")])
    assert caught.value.retry_after >= 1 and "vuelva a intentarlo" in caught.value.message
    assert store.list_documents() == []  # the refused upload stored nothing
    reader.release.set()
    slow.join(10)
    uploads.execute([AddDocumentInput("otro.txt", b"bitacora del estanque")])
    assert sorted(d.name for d in store.list_documents()) == ["lento.txt", "otro.txt"]


class GatedStore(InMemoryDocumentStore):
    """An in-memory store whose writes wait for ``release`` (a long indexing transaction)."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        self.entered.set()
        assert self.release.wait(10)
        super().put(document, chunks)


def test_an_upload_keeps_its_slot_until_its_chunks_are_stored() -> None:
    store = GatedStore()
    uploads = AddDocuments(store, default_reader(), slots=ParseSlots(1, wait_seconds=0.01))
    slow = _in_background(lambda: uploads.execute([AddDocumentInput("uno.txt", b"lectura del pozo")]))
    assert store.entered.wait(10)
    with pytest.raises(ServerBusy):
        uploads.execute([AddDocumentInput("dos.txt", b"bitacora del estanque")])
    store.release.set()
    slow.join(10)
    assert [d.name for d in store.list_documents()] == ["uno.txt"]


def test_the_same_file_again_needs_no_slot() -> None:
    store, reader = InMemoryDocumentStore(), GatedReader()
    uploads = AddDocuments(store, reader, slots=ParseSlots(1, wait_seconds=0.01))
    uploads.execute([AddDocumentInput("otro.txt", b"bitacora del estanque")])
    slow = _in_background(lambda: uploads.execute([AddDocumentInput("lento.txt", b"lectura lenta")]))
    assert reader.entered.wait(10)
    uploads.execute([AddDocumentInput("otro.txt", b"bitacora del estanque")])  # nothing to read
    reader.release.set()
    slow.join(10)


def test_slots_count_holders_not_time() -> None:
    slots = ParseSlots(2, wait_seconds=0.01)
    with slots.hold(), slots.hold(), pytest.raises(ServerBusy):
        slots.hold().__enter__()
    with slots.hold():  # both slots were given back
        pass


def test_an_upload_past_the_slots_is_a_429_with_retry_after(settings: Settings) -> None:
    app = create_app(settings)
    services, reader = app.extensions["botk"], GatedReader()
    services.document_use_cases = document_use_cases(
        services.documents, reader, time.time, settings.documents_dir, ParseSlots(1, wait_seconds=0)
    )
    results: list[int] = []
    slow = _in_background(lambda: results.append(_upload(app.test_client(), "lento.txt").status_code))
    assert reader.entered.wait(10)
    response = _upload(app.test_client(), "otro.txt")
    assert response.status_code == 429 and response.headers["Retry-After"].isdigit()
    body = response.get_json()
    assert body["code"] == "busy" and "vuelva a intentarlo" in body["error"]
    client = app.test_client()
    assert [d["name"] for d in client.get("/documents").get_json()["data"]] == []
    reader.release.set()
    slow.join(10)
    assert results == [201] and _upload(client, "otro.txt").status_code == 201


def _upload(client: FlaskClient, name: str) -> TestResponse:
    return client.post(
        "/documents",
        data={"files": (io.BytesIO(b"bitacora del estanque de Iquiuca"), name)},
        content_type="multipart/form-data",
    )


def test_a_chat_turn_with_files_past_the_slots_is_a_429_and_keeps_nothing(settings: Settings) -> None:
    app = create_app(attrs.evolve(settings, parse_slots=1, parse_wait_seconds=0))
    slots = app.extensions["botk"].document_use_cases.slots
    client = app.test_client()
    thread = client.get("/start").get_json()["thread_id"]
    form = {"thread_id": thread, "message": "¿qué dice el archivo?"}
    with slots.hold():
        for route in ("/chat", "/chat/stream"):
            files = {"files": (io.BytesIO(b"bitacora del estanque"), "bitacora.txt")}
            response = client.post(route, data=form | files, content_type="multipart/form-data")
            assert response.status_code == 429 and response.get_json()["code"] == "busy"
    assert client.get("/threadHistory", query_string={"thread_id": thread}).get_json()["data"] == []
    assert client.get("/documents").get_json()["data"] == []
