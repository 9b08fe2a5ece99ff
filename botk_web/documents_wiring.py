"""The document use cases on one DocumentStore and reader."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from botk_adapters.documents.folder import LocalDocumentFolder
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.documents import AddDocuments, ListDocuments, RemoveDocument, SearchDocuments
from botk_core.usecases.ingest import IngestDocuments


@attrs.frozen
class DocumentUseCases:
    """Ingest a folder, add uploads, list, remove and search documents."""

    ingest: IngestDocuments
    add: AddDocuments
    list: ListDocuments
    remove: RemoveDocument
    search: SearchDocuments


def document_use_cases(
    documents: DocumentStore, reader: DocumentReader, clock: Callable[[], float]
) -> DocumentUseCases:
    return DocumentUseCases(
        IngestDocuments(documents, reader, LocalDocumentFolder, clock),
        AddDocuments(documents, reader, clock),
        ListDocuments(documents),
        RemoveDocument(documents),
        SearchDocuments(documents),
    )
