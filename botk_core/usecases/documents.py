"""Use cases over single documents: add an upload, search, list, remove."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import attrs

from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import BotkError, Conflict, InvalidInput, UnreadableDocument
from botk_core.ids import new_id
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.ingest import UNREADABLE, content_hash

MAX_K = 50
UPLOAD_SOURCE = "upload"


@attrs.frozen
class AddDocumentInput:
    """One file's name and bytes, e.g. an HTTP upload."""

    name: str
    data: bytes = attrs.field(repr=False)
    source: str = UPLOAD_SOURCE


@attrs.frozen
class ReadDocument:
    """An upload read into chunks, ready to be stored."""

    upload: AddDocumentInput
    chunks: tuple[Chunk, ...]


class AddDocuments:
    """Read every file first, then store them all; one bad file stores nothing.

    Raises ``UnreadableDocument`` (or ``UnsupportedDocumentType``) naming the file.
    ``read`` and ``store`` are the two halves, for a caller (a chat turn) that
    must refuse bad files before it stores anything else.
    """

    def __init__(
        self, store: DocumentStore, reader: DocumentReader, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._reader = reader
        self._clock = clock

    def execute(self, files: Sequence[AddDocumentInput]) -> list[DocumentInfo]:
        return self.store(self.read(files))

    def read(self, files: Sequence[AddDocumentInput]) -> list[ReadDocument]:
        """Check and read every file without storing any."""
        known = {d.name: d for d in self._store.list_documents()}
        for upload in files:
            other = known.get(upload.name)
            if other is not None and other.source != upload.source:
                # An upload must not silently replace a document of the shared folder.
                raise Conflict(
                    f"{upload.name}: ya existe un documento con ese nombre; cambia el nombre del archivo"
                )
        return [ReadDocument(upload, tuple(self._read(upload))) for upload in files]

    def store(self, documents: Sequence[ReadDocument]) -> list[DocumentInfo]:
        """Store documents read by ``read``, replacing earlier uploads of the same name."""
        known = {d.name: d for d in self._store.list_documents()}
        stored = []
        for document in documents:
            upload = document.upload
            previous = known.get(upload.name)
            info = DocumentInfo(
                previous.id if previous else new_id("doc"),
                upload.name,
                content_hash(upload.data),
                len(document.chunks),
                self._clock(),
                upload.source,
            )
            self._store.put(info, document.chunks)
            stored.append(info)
        return stored

    def _read(self, upload: AddDocumentInput) -> list[Chunk]:
        try:
            return self._reader.read(upload.name, upload.data)
        except BotkError as error:
            error.message = f"{upload.name}: {error.message}"
            raise
        except Exception as error:
            # Parsers raise all sorts of things on odd files; the client gets one clear error.
            raise UnreadableDocument(f"{upload.name}: {UNREADABLE}") from error


class AddDocument:
    """Read one file and store it whole, or store nothing and raise ``UnreadableDocument``."""

    def __init__(
        self, store: DocumentStore, reader: DocumentReader, clock: Callable[[], float] = time.time
    ) -> None:
        self._many = AddDocuments(store, reader, clock)

    def execute(self, request: AddDocumentInput) -> DocumentInfo:
        return self._many.execute([request])[0]


@attrs.frozen
class SearchDocumentsInput:
    query: str
    k: int = 5


class SearchDocuments:
    """The passages that best answer a query, with their document and location."""

    def __init__(self, store: DocumentStore) -> None:
        self._store = store

    def execute(self, request: SearchDocumentsInput) -> list[Passage]:
        if not request.query.strip():
            raise InvalidInput("La consulta está vacía.")
        if not 1 <= request.k <= MAX_K:
            raise InvalidInput(f"k debe estar entre 1 y {MAX_K}.")
        return self._store.search(request.query, request.k)


class ListDocuments:
    """The stored documents, by name."""

    def __init__(self, store: DocumentStore) -> None:
        self._store = store

    def execute(self) -> list[DocumentInfo]:
        return self._store.list_documents()


class RemoveDocument:
    """Remove one document by id; ``DocumentNotFound`` when unknown."""

    def __init__(self, store: DocumentStore) -> None:
        self._store = store

    def execute(self, document_id: str) -> None:
        self._store.remove(document_id)
