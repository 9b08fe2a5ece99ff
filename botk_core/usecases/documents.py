"""Use cases over single documents: add an upload, search, list, remove."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import attrs

from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import BotkError, DocumentNotFound, InvalidInput, UnreadableDocument
from botk_core.ids import new_id
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.ingest import UNREADABLE, content_hash
from botk_core.usecases.upload_rules import (
    UPLOAD_SOURCE,
    UploadPolicy,
    check_reading,
    check_removal,
    plan_uploads,
)

__all__ = [
    "UPLOAD_SOURCE",
    "AddDocument",
    "AddDocumentInput",
    "AddDocuments",
    "ListDocuments",
    "RemoveDocument",
    "SearchDocuments",
    "SearchDocumentsInput",
    "UploadPolicy",
]

MAX_K = 50
DEFAULT_POLICY = UploadPolicy()


@attrs.frozen
class AddDocumentInput:
    """One file's name and bytes, e.g. an HTTP upload."""

    name: str
    data: bytes = attrs.field(repr=False)
    source: str = UPLOAD_SOURCE


class AddDocuments:
    """Read every file first, then store them all; one bad file stores nothing.

    Raises ``UnreadableDocument`` (or ``UnsupportedDocumentType``) naming the
    file, and before reading anything the refusals of ``upload_rules``: a name
    taken by a different document (409) or the upload budget (413).
    """

    def __init__(
        self, store: DocumentStore, reader: DocumentReader, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._reader = reader
        self._clock = clock

    def execute(
        self, files: Sequence[AddDocumentInput], policy: UploadPolicy = DEFAULT_POLICY
    ) -> list[DocumentInfo]:
        known = {d.name: d for d in self._store.list_documents()}
        hashes = [content_hash(upload.data) for upload in files]
        wanted = plan_uploads(files, hashes, known, policy)
        parsed = self._read_all(
            [(u, d) for u, d, new in zip(files, hashes, wanted, strict=True) if new], policy
        )
        stored = {upload.name: self._put(upload, digest, chunks, known) for upload, digest, chunks in parsed}
        return [stored.get(upload.name) or known[upload.name] for upload in files]

    def _put(
        self, upload: AddDocumentInput, digest: str, chunks: list[Chunk], known: dict[str, DocumentInfo]
    ) -> DocumentInfo:
        document_id = known[upload.name].id if upload.name in known else new_id("doc")
        info = DocumentInfo(
            document_id, upload.name, digest, len(chunks), self._clock(), upload.source, len(upload.data)
        )
        self._store.put(info, chunks)
        return info

    def _read_all(
        self, uploads: list[tuple[AddDocumentInput, str]], policy: UploadPolicy
    ) -> list[tuple[AddDocumentInput, str, list[Chunk]]]:
        started, text_bytes, parsed = time.monotonic(), 0, []
        for upload, digest in uploads:
            chunks = self._read(upload)
            text_bytes += sum(len(chunk.text.encode("utf-8")) for chunk in chunks)
            check_reading(upload.name, text_bytes, time.monotonic() - started, policy)
            parsed.append((upload, digest, chunks))
        return parsed

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
