"""Text and Markdown uploads: too much text is refused before parsing, pipe tables have a cell budget."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

from botk_adapters.documents import FileBudget, default_reader
from botk_adapters.documents.word_text import BodyText
from botk_core.errors import DocumentTooLarge
from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings
from tests.abuse import hostile_files as hostile
from tests.abuse.conftest import make_app

PROSE = ("El estanque de Iquiuca bajó a 1,2 m; revisar la bomba del pozo 3. " * 40).encode()
MARKDOWN = (
    b"# Informe\n\n## Resultados\n\n- **pozo 1**: 0,12 mg/L\n- *pozo 2*: 0,31 mg/L\n\n"
    b"Tabla 1. Plomo (mg/L)\n\n| Punto | Mayo 2021 | Octubre 2021 |\n|---|---|---|\n"
    + b"".join(b"| M%d | 0,0%d | <0,005 |\n" % (n, n) for n in range(30))
)


def _indexed_bytes(name: str, data: bytes) -> int:
    return sum(len(chunk.text.encode("utf-8")) for chunk in default_reader().read(name, data))


@pytest.mark.parametrize(
    ("name", "data"), [("notas.txt", PROSE), ("informe.md", MARKDOWN), ("una.txt", b"x" * 9000)]
)
def test_a_file_exactly_at_the_text_limit_is_still_read(name: str, data: bytes) -> None:
    # The check before parsing never refuses a file that the request's text budget would accept.
    at_limit = _indexed_bytes(name, data)
    assert default_reader(FileBudget(max_text_bytes=at_limit)).read(name, data)


def test_a_single_line_text_over_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(DocumentTooLarge, match="BOTK_MAX_UPLOAD_TEXT_BYTES"):
        default_reader(FileBudget(max_text_bytes=4096)).read("linea.txt", b"abcdefghij" * 100_000)


def test_markup_and_spaces_do_not_count_as_text() -> None:
    sparse = b"| a |\n|---|\n" + b"|   |\n" * 2000 + b"\n# b\n"  # 12 KB of markup, 2 letters
    assert default_reader(FileBudget(max_text_bytes=1024)).read("vacia.md", sparse)


def test_a_pipe_table_past_the_cell_budget_is_refused() -> None:
    table = b"| " + b" | ".join(b"c%d" % c for c in range(20)) + b" |\n|" + b"---|" * 20 + b"\n"
    table += b"".join(b"| " + b" | ".join(b"%d,%d" % (r, c) for c in range(20)) + b" |\n" for r in range(50))
    assert default_reader(FileBudget(max_table_cells=2000)).read("tabla.md", table)
    with pytest.raises(DocumentTooLarge, match="más de 500 celdas"):
        default_reader(FileBudget(max_table_cells=500)).read("tabla.md", table)


def test_an_upload_over_the_text_limit_is_413_but_the_shared_folder_is_not_bound_by_it(
    settings: Settings, shared_folder: Path
) -> None:
    (shared_folder / "bitacora.txt").write_bytes(PROSE * 2)  # about 11 KB of text
    app = make_app(attrs.evolve(settings, max_upload_text_bytes=4096))
    client = app.test_client()
    assert "bitacora.txt" in {d["name"] for d in client.get("/documents").get_json()["data"]}
    response = client.post(
        "/documents",
        data={"files": (io.BytesIO(b"lectura" * 3000), "linea.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    body = response.get_json()
    assert body["code"] == "document_too_large" and body["error"].startswith("linea.txt: ")
    assert "linea.txt" not in {d["name"] for d in client.get("/documents").get_json()["data"]}
    report = app.extensions["botk"].document_use_cases.ingest.execute(
        IngestDocumentsInput(str(shared_folder))
    )
    assert not report.failed


def _word(paragraphs: list[str], cells: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


LAB = _word(
    ["Informe de laboratorio & anexos", "Tabla 1. Plomo (mg/L) <límite 0,01>"],
    [["Punto", "Mayo 2021"], *[[f"M{n}", "<0,005"] for n in range(40)]],
)


@pytest.mark.parametrize("data", [LAB, hostile.dense_docx(0.05)])
def test_a_docx_exactly_at_the_text_limit_is_still_read(data: bytes) -> None:
    assert default_reader(FileBudget(max_text_bytes=_indexed_bytes("a.docx", data))).read("a.docx", data)


def test_a_docx_with_more_text_than_the_limit_is_refused_before_it_is_parsed() -> None:
    data = _word(["lectura del sensor del estanque " * 40 for _ in range(20)], [["a", "b"]])
    with pytest.raises(DocumentTooLarge, match="BOTK_MAX_UPLOAD_TEXT_BYTES"):
        default_reader(FileBudget(max_text_bytes=4096)).read("largo.docx", data)


def test_runs_cut_between_chunks_are_counted_once() -> None:
    xml = b"<w:body>" + b'<w:p><w:r><w:t xml:space="preserve">agua &amp; pozo</w:t></w:r></w:p>' * 50
    whole, pieces = BodyText(), BodyText()
    whole.feed(xml)
    for start in range(0, len(xml), 7):
        pieces.feed(xml[start : start + 7])
    # The last run waits for what follows it: a lower bound, never more than the text.
    assert pieces.feed(b"") == whole.feed(b"") == 49 * len("agua & pozo")
