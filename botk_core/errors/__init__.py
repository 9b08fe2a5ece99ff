"""The one error hierarchy of BOTK; adapters translate library errors into it.

``BotkError`` is the root; each subclass names a situation and carries a ``code``
(English, for clients) and a ``message`` safe to show. They are grouped by what
they are about, and every one is imported from here: ``from botk_core.errors import ThreadNotFound``.
"""

from __future__ import annotations

from botk_core.errors.access import (
    CrossSiteRefused,
    RateLimited,
    ServerBusy,
    Unauthorized,
)
from botk_core.errors.backends import (
    DatabaseUnreadable,
    SchemaTooNew,
    StorageError,
    UpstreamAuthError,
    UpstreamError,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from botk_core.errors.base import (
    BotkError,
    Conflict,
    Forbidden,
    InvalidInput,
    MissingFields,
    NotFound,
    NotSupported,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from botk_core.errors.conversation import (
    AssistantNotFound,
    ContextTooLong,
    IdempotencyKeyReused,
    ReportCompilationFailed,
    StationNotFound,
    ThreadFull,
    ThreadNotFound,
    ToolFailed,
)
from botk_core.errors.documents import (
    DocumentNameTaken,
    DocumentNotFound,
    DocumentReadOnly,
    DocumentTooLarge,
    UnreadableDocument,
    UnsupportedDocumentType,
    UploadQuotaExceeded,
)

__all__ = [
    "AssistantNotFound",
    "BotkError",
    "Conflict",
    "ContextTooLong",
    "CrossSiteRefused",
    "DatabaseUnreadable",
    "DocumentNameTaken",
    "DocumentNotFound",
    "DocumentReadOnly",
    "DocumentTooLarge",
    "Forbidden",
    "IdempotencyKeyReused",
    "InvalidInput",
    "MissingFields",
    "NotFound",
    "NotSupported",
    "PayloadTooLarge",
    "RateLimited",
    "ReportCompilationFailed",
    "SchemaTooNew",
    "ServerBusy",
    "StationNotFound",
    "StorageError",
    "ThreadFull",
    "ThreadNotFound",
    "ToolFailed",
    "Unauthorized",
    "UnreadableDocument",
    "UnsupportedDocumentType",
    "UnsupportedMediaType",
    "UploadQuotaExceeded",
    "UpstreamAuthError",
    "UpstreamError",
    "UpstreamRateLimited",
    "UpstreamTimeout",
    "UpstreamUnavailable",
]
