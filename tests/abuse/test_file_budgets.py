"""Zip bombs, lying zip headers, page-count and text bombs: refused fast with a clear reason."""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient

from botk_adapters.documents import FileBudget, default_reader
from botk_core.errors import DocumentTooLarge, UnreadableDocument
from tests.abuse import hostile_files as hostile


def _refused(name: str, data: bytes, budget: FileBudget | None = None) -> type[Exception]:
    """The kind of refusal (the time of each is measured against a real server elsewhere)."""
    with pytest.raises(UnreadableDocument) as caught:
        default_reader(budget or FileBudget()).read(name, data)
    return type(caught.value)


@pytest.mark.parametrize("entry", ["word/media/image1.png", "word/_rels/document.xml.rels", "docProps/x.bin"])
def test_any_entry_that_inflates_past_the_budget_is_refused_before_unpacking(entry: str) -> None:
    assert _refused("bomba.docx", hostile.zip_bomb(entry, megabytes=60)) is DocumentTooLarge


def test_an_entry_whose_header_lies_about_its_size_is_cut_at_the_declared_size() -> None:
    # zipfile reads an entry only up to its declared size; the CRC then shows the lie.
    assert "dañado" in _message("mentira.docx", hostile.lying_zip(real_megabytes=64))


def test_a_high_compression_ratio_is_refused() -> None:
    assert _refused("ratio.docx", hostile.zip_bomb(megabytes=20), FileBudget(max_unzipped_bytes=1 << 30)) is (
        DocumentTooLarge
    )


@pytest.mark.parametrize("declared", [None, 1])
def test_a_pdf_with_80000_pages_is_refused_without_parsing_them(declared: int | None) -> None:
    assert _refused("paginas.pdf", hostile.many_pages_pdf(80_000, declared)) is DocumentTooLarge


def test_a_page_with_millions_of_operators_is_refused_fast() -> None:
    assert _refused("pesada.pdf", hostile.heavy_page_pdf()) is DocumentTooLarge


def test_a_font_map_that_inflates_past_the_stream_limit_is_refused() -> None:
    bomb = hostile.font_map_bomb_pdf(megabytes=4)
    assert _refused("fuente.pdf", bomb, FileBudget(max_pdf_stream_bytes=1024 * 1024)) is DocumentTooLarge
    assert default_reader(FileBudget(max_pdf_stream_bytes=8 * 1024 * 1024)).read("fuente.pdf", bomb)


def test_a_slow_pdf_stops_at_the_deadline() -> None:
    data = hostile.many_pages_pdf(400)
    budget = FileBudget(pdf_seconds=0.0)
    assert _refused("lento.pdf", data, budget) is DocumentTooLarge


def test_a_real_sized_pdf_and_docx_still_read() -> None:
    budget = FileBudget(max_pdf_pages=400)
    with pytest.raises(UnreadableDocument, match="texto extraíble"):  # blank pages: read to the end
        default_reader(budget).read("blanco.pdf", hostile.many_pages_pdf(400))


def _message(name: str, data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        default_reader().read(name, data)
    return caught.value.message


def test_an_upload_of_a_bomb_is_a_413_json_and_stores_nothing(client: FlaskClient) -> None:
    before = client.get("/documents").get_json()["data"]
    response = client.post(
        "/documents",
        data={"files": (io.BytesIO(hostile.zip_bomb(megabytes=60)), "bomba.docx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    body = response.get_json()
    assert body["code"] == "document_too_large" and "bomba.docx" in body["error"]
    assert client.get("/documents").get_json()["data"] == before
