"""The document use cases on one DocumentStore and reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from botk_adapters.documents.folder import LocalDocumentFolder, folder_files
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.documents import AddDocuments, ListDocuments, RemoveDocument, SearchDocuments
from botk_core.usecases.ingest import IngestDocuments
from botk_core.usecases.parse_slots import ParseSlots


@attrs.frozen
class DocumentUseCases:
    """Ingest a folder, add uploads, list, remove and search documents."""

    ingest: IngestDocuments
    add: AddDocuments
    list: ListDocuments
    remove: RemoveDocument
    search: SearchDocuments
    # The parse slots of this process that uploads (and chat attachments) read in.
    slots: ParseSlots | None = None


def document_use_cases(
    documents: DocumentStore,
    reader: DocumentReader,
    clock: Callable[[], float],
    shared_folder: str | None = None,
    slots: ParseSlots | None = None,
    upload_reader: DocumentReader | None = None,
) -> DocumentUseCases:
    """The use cases; uploads may not pass for a file of ``shared_folder`` (read at each upload)
    and are read by ``upload_reader`` (default ``reader``) only in one of the ``slots``."""
    shared_files: Callable[[], Sequence[str]] = tuple
    if shared_folder:
        shared_files = lambda: folder_files(shared_folder)  # noqa: E731
    return DocumentUseCases(
        IngestDocuments(documents, reader, LocalDocumentFolder, clock),
        AddDocuments(documents, upload_reader or reader, clock, shared_files, slots),
        ListDocuments(documents),
        RemoveDocument(documents),
        SearchDocuments(documents),
        slots,
    )
