"""Use cases over single documents: add an upload, search, list, remove."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from botk_core.domain import Passage
from botk_core.errors import BotkError, InvalidInput, UnreadableDocument
from botk_core.ids import new_id
from botk_core.ports import DocumentInfo, DocumentReader, DocumentStore
from botk_core.usecases.ingest import UNREADABLE, content_hash

MAX_K = 50
UPLOAD_SOURCE = "upload"


@attrs.frozen
class AddDocumentInput:
    """One file's name and bytes, e.g. an HTTP upload."""

    name: str
    data: bytes = attrs.field(repr=False)
    source: str = UPLOAD_SOURCE


class AddDocument:
    """Read one file and store it whole, or store nothing and raise ``UnreadableDocument``."""

    def __init__(
        self, store: DocumentStore, reader: DocumentReader, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._reader = reader
        self._clock = clock

    def execute(self, request: AddDocumentInput) -> DocumentInfo:
        try:
            chunks = self._reader.read(request.name, request.data)
        except BotkError:
            raise
        except Exception as error:
            # Parsers raise all sorts of things on odd files; the client gets one clear error.
            raise UnreadableDocument(UNREADABLE) from error
        old = next((d for d in self._store.list_documents() if d.name == request.name), None)
        info = DocumentInfo(
            old.id if old else new_id("doc"),
            request.name,
            content_hash(request.data),
            len(chunks),
            self._clock(),
            request.source,
        )
        self._store.put(info, chunks)
        return info


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
