"""Errors of the documents BOTK searches: unknown, unreadable, too large, or not to be changed."""

from __future__ import annotations

from botk_core.errors.base import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
)


class DocumentNotFound(NotFound):
    """The document id is unknown."""

    code = "document_not_found"


class UnreadableDocument(InvalidInput):
    """A document file is corrupt, encrypted, empty or has no text to index."""

    code = "unreadable_document"


class DocumentTooLarge(UnreadableDocument, PayloadTooLarge):
    """A document file is over a budget (size unpacked, pages, parse time)."""

    code = "document_too_large"


class UnsupportedDocumentType(UnreadableDocument, UnsupportedMediaType):
    """A document file has a format BOTK cannot read."""

    code = "unsupported_document_type"


class DocumentReadOnly(Forbidden):
    """A document of the shared folder cannot be changed over HTTP without admin rights."""

    code = "document_read_only"


class DocumentNameTaken(Conflict):
    """An upload's name is already used by a different document."""

    code = "document_name_taken"


class UploadQuotaExceeded(PayloadTooLarge):
    """Uploads would keep more bytes than the installation allows."""

    code = "upload_quota_exceeded"
