"""IngestDocuments: incremental by content hash, per-file failures, README skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_adapters.documents import default_reader
from botk_adapters.documents.folder import LocalDocumentFolder
from botk_adapters.memory import InMemoryDocumentFolder
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk
from botk_core.errors import InvalidInput, UnreadableDocument, UnsupportedDocumentType
from botk_core.usecases.documents import AddDocument, AddDocumentInput, SearchDocuments, SearchDocumentsInput
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput


class CountingReader:
    """The real reader, remembering which files it had to parse."""

    def __init__(self) -> None:
        self.parsed: list[str] = []
        self._inner = default_reader()
        self.revision = self._inner.revision

    def supports(self, name: str) -> bool:
        return self._inner.supports(name)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        self.parsed.append(name)
        return self._inner.read(name, data)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "documentos"
    folder.mkdir()
    (folder / "README.md").write_text("# Deja aquí tus documentos\n\nEste archivo no se ingiere.")
    (folder / "guia.md").write_text("# Luces\n\nLa luz roja indica batería baja.\n")
    (folder / "notas.txt").write_text("MANTENCIÓN\n\nLimpiar los paneles solares cada seis meses.\n")
    return folder


def test_first_ingest_adds_every_document_but_the_readme(folder: Path) -> None:
    store = InMemoryDocumentStore()
    report = IngestDocuments(store, default_reader(), LocalDocumentFolder).execute(
        IngestDocumentsInput(folder)
    )
    assert report.files == 2
    assert set(report.added) == {"guia.md", "notas.txt"}
    assert report.chunks == 2
    assert [d.name for d in store.list_documents()] == ["guia.md", "notas.txt"]
    assert store.search("no se ingiere") == []


def test_reingest_of_an_unchanged_folder_parses_nothing(folder: Path) -> None:
    store, reader = InMemoryDocumentStore(), CountingReader()
    IngestDocuments(store, reader, LocalDocumentFolder).execute(IngestDocumentsInput(folder))
    reader.parsed.clear()
    report = IngestDocuments(store, reader, LocalDocumentFolder).execute(IngestDocumentsInput(folder))
    assert reader.parsed == []
    assert set(report.skipped) == {"guia.md", "notas.txt"}
    assert report.chunks == 2


def test_a_file_indexed_by_an_older_reader_is_read_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, reader = InMemoryDocumentStore(), CountingReader()
    reader.revision = "an-older-reader"
    IngestDocuments(store, reader, LocalDocumentFolder).execute(IngestDocumentsInput(folder))
    reader.revision = default_reader().revision
    reader.parsed.clear()
    # After an upgrade that indexes something new, the same bytes are parsed once more, then skipped.
    report = IngestDocuments(store, reader, LocalDocumentFolder).execute(IngestDocumentsInput(folder))
    assert sorted(reader.parsed) == ["guia.md", "notas.txt"] and set(report.replaced) == {
        "guia.md",
        "notas.txt",
    }
    again = IngestDocuments(store, reader, LocalDocumentFolder).execute(IngestDocumentsInput(folder))
    assert set(again.skipped) == {"guia.md", "notas.txt"}


def test_changed_file_is_replaced_and_deleted_file_removed(folder: Path) -> None:
    store = InMemoryDocumentStore()
    use_case = IngestDocuments(store, default_reader(), LocalDocumentFolder)
    use_case.execute(IngestDocumentsInput(folder))
    first_id = next(d.id for d in store.list_documents() if d.name == "guia.md")
    (folder / "guia.md").write_text("# Luces\n\nLa luz verde indica funcionamiento normal.\n")
    (folder / "notas.txt").unlink()
    report = use_case.execute(IngestDocumentsInput(folder))
    assert report.replaced == ("guia.md",)
    assert report.removed == ("notas.txt",)
    assert [(d.id, d.name) for d in store.list_documents()] == [(first_id, "guia.md")]
    assert store.search("luz verde")[0].document == "guia.md"
    assert store.search("paneles solares") == []


def test_bad_files_are_reported_and_the_good_ones_ingested(folder: Path) -> None:
    (folder / "vacio.md").write_bytes(b"")
    (folder / "roto.docx").write_bytes(b"PK\x03\x04 esto no es un docx")
    (folder / "foto.png").write_bytes(b"\x89PNG\r\n")
    store = InMemoryDocumentStore()
    report = IngestDocuments(store, default_reader(), LocalDocumentFolder).execute(
        IngestDocumentsInput(folder)
    )
    failed = dict(report.failed)
    assert set(failed) == {"vacio.md", "roto.docx", "foto.png"}
    assert "vacío" in failed["vacio.md"]
    assert ".png" in failed["foto.png"]
    assert set(report.added) == {"guia.md", "notas.txt"}


def test_ingest_leaves_uploaded_documents_alone(folder: Path) -> None:
    store = InMemoryDocumentStore()
    AddDocument(store, default_reader()).execute(AddDocumentInput("subido.md", b"Informe del pozo."))
    report = IngestDocuments(store, default_reader(), LocalDocumentFolder).execute(
        IngestDocumentsInput(folder)
    )
    assert report.removed == ()
    assert "subido.md" in [d.name for d in store.list_documents()]


def test_progress_is_reported_per_file(folder: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    IngestDocuments(InMemoryDocumentStore(), default_reader(), LocalDocumentFolder).execute(
        IngestDocumentsInput(folder, progress=lambda done, total, name: seen.append((done, total, name)))
    )
    assert seen == [(1, 2, "guia.md"), (2, 2, "notas.txt")]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no existe"):
        IngestDocuments(InMemoryDocumentStore(), default_reader(), LocalDocumentFolder).execute(
            IngestDocumentsInput(tmp_path / "x")
        )


def test_add_document_stores_nothing_when_the_file_is_bad() -> None:
    store = InMemoryDocumentStore()
    add = AddDocument(store, default_reader())
    with pytest.raises(UnsupportedDocumentType):
        add.execute(AddDocumentInput("planilla.xlsx", b"PK\x03\x04"))
    with pytest.raises(UnreadableDocument):
        add.execute(AddDocumentInput("vacio.txt", b"  \n"))
    assert store.list_documents() == []


def test_search_use_case_rejects_empty_queries_and_bad_k() -> None:
    search = SearchDocuments(InMemoryDocumentStore())
    with pytest.raises(InvalidInput):
        search.execute(SearchDocumentsInput("  "))
    with pytest.raises(InvalidInput):
        search.execute(SearchDocumentsInput("luz", k=0))


def test_ingest_reads_any_document_folder_not_only_the_disk() -> None:
    folder = InMemoryDocumentFolder(
        {"turnos.md": b"# Turnos\n\nEl sector Pulcha riega los martes.", "roto.docx": b"PK roto"},
        "share:turnos",
    )
    store = InMemoryDocumentStore()
    report = IngestDocuments(store, default_reader(), lambda path: folder).execute(IngestDocumentsInput("x"))
    assert report.added == ("turnos.md",) and [name for name, _ in report.failed] == ["roto.docx"]
    assert store.search("riego martes Pulcha")[0].document == "turnos.md"
    assert [d.source for d in store.list_documents()] == ["share:turnos"]
