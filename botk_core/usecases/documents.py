"""Use cases over single documents: add an upload, search, list, remove."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from botk_core.domain import DocumentInfo, Passage
from botk_core.errors import DocumentNotFound, InvalidInput
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.add_documents import DEFAULT_POLICY, AddDocumentInput, AddDocuments, ReadDocument
from botk_core.usecases.upload_rules import UPLOAD_SOURCE, UploadPolicy, check_removal

__all__ = [
    "UPLOAD_SOURCE",
    "AddDocument",
    "AddDocumentInput",
    "AddDocuments",
    "ListDocuments",
    "ReadDocument",
    "RemoveDocument",
    "SearchDocuments",
    "SearchDocumentsInput",
    "UploadPolicy",
]

MAX_K = 50


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
    """Remove one document by id; ``DocumentNotFound`` when unknown, ``DocumentReadOnly``
    for a document of the shared folder unless ``policy.admin``."""

    def __init__(self, store: DocumentStore) -> None:
        self._store = store

    def execute(self, document_id: str, policy: UploadPolicy = DEFAULT_POLICY) -> None:
        found = next((d for d in self._store.list_documents() if d.id == document_id), None)
        if found is None:
            raise DocumentNotFound("Documento no encontrado")
        check_removal(found, policy)
        self._store.remove(document_id)
