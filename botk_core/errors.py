"""The one error hierarchy of BOTK; adapters translate library errors into it."""

from __future__ import annotations


class BotkError(Exception):
    """Base of every error BOTK raises on purpose.

    ``message`` is safe to show to a client: it never carries an exception's
    text from a library, a path or a secret.
    """

    code = "botk_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(BotkError):
    """The caller sent something BOTK cannot accept."""

    code = "invalid_input"


class MissingFields(InvalidInput):
    """Required request fields are missing or empty."""

    code = "missing_fields"


class PayloadTooLarge(InvalidInput):
    """A message, upload or request body is over its limit."""

    code = "payload_too_large"


class UnsupportedMediaType(InvalidInput):
    """The request body has a content type the route does not take."""

    code = "unsupported_media_type"


class NotFound(BotkError):
    """Something named by the caller does not exist."""

    code = "not_found"


class ThreadNotFound(NotFound):
    """The thread id is unknown (or malformed, which is the same to a client)."""

    code = "thread_not_found"

    def __init__(self, thread_id: str) -> None:
        super().__init__("Conversación no encontrada.")
        self.thread_id = thread_id


class AssistantNotFound(NotFound):
    """The assistant id names no configured assistant profile."""

    code = "assistant_not_found"


class DocumentNotFound(NotFound):
    """The document id is unknown."""

    code = "document_not_found"


class StationNotFound(NotFound):
    """The name matches no configured station and no station with readings."""

    code = "station_not_found"

    def __init__(self, message: str, known: tuple[str, ...]) -> None:
        super().__init__(message)
        self.known = known


class Conflict(BotkError):
    """The request clashes with the current state (e.g. a turn in progress)."""

    code = "conflict"


class NotSupported(BotkError):
    """The feature needs something this installation does not have."""

    code = "not_supported"


class UpstreamError(BotkError):
    """A model provider or external service failed."""

    code = "upstream_error"


class UpstreamAuthError(UpstreamError):
    """The provider refused BOTK's credentials."""

    code = "upstream_auth"


class UpstreamRateLimited(UpstreamError):
    """The provider asks BOTK to slow down."""

    code = "upstream_rate_limited"

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UpstreamUnavailable(UpstreamError):
    """The provider cannot be reached or is down."""

    code = "upstream_unavailable"


class UpstreamTimeout(UpstreamError):
    """The provider did not answer in time."""

    code = "upstream_timeout"


class ContextTooLong(InvalidInput):
    """The conversation does not fit in the model's context even when shortened."""

    code = "context_too_long"


class ToolFailed(BotkError):
    """A tool could not do its job; the message goes to the model as output."""

    code = "tool_failed"


class StorageError(BotkError):
    """The storage backend failed."""

    code = "storage_error"


class SchemaTooNew(StorageError):
    """The database was written by a newer BOTK; this one refuses to open it."""

    code = "schema_too_new"


class DatabaseUnreadable(StorageError):
    """The database file is damaged or is not an SQLite database; BOTK refuses to use it."""

    code = "database_unreadable"


class UnreadableDocument(InvalidInput):
    """A document file is corrupt, encrypted, empty or has no text to index."""

    code = "unreadable_document"


class DocumentTooLarge(UnreadableDocument, PayloadTooLarge):
    """A document file is over a budget (size unpacked, pages, parse time)."""

    code = "document_too_large"


class UnsupportedDocumentType(UnreadableDocument, UnsupportedMediaType):
    """A document file has a format BOTK cannot read."""

    code = "unsupported_document_type"


class ReportCompilationFailed(BotkError):
    """The TeX engine could not turn a thread's report into a PDF."""

    code = "report_compilation_failed"


class RateLimited(BotkError):
    """The client sent more requests than its rate limit allows; retry later."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerBusy(BotkError):
    """This process is already doing as much of some heavy work as it may; retry shortly."""

    code = "busy"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unauthorized(BotkError):
    """The request lacks the API credential, or it is wrong."""

    code = "unauthorized"


class Forbidden(BotkError):
    """The request is understood but not allowed (e.g. from another site, or a read-only document)."""

    code = "forbidden"


class CrossSiteRefused(Forbidden):
    """A state-changing request sent by a page of another site."""

    code = "cross_site_refused"


class DocumentReadOnly(Forbidden):
    """A document of the shared folder cannot be changed over HTTP without admin rights."""

    code = "document_read_only"


class DocumentNameTaken(Conflict):
    """An upload's name is already used by a different document."""

    code = "document_name_taken"


class UploadQuotaExceeded(PayloadTooLarge):
    """Uploads would keep more bytes than the installation allows."""

    code = "upload_quota_exceeded"


class IdempotencyKeyReused(Conflict):
    """A client_message_id already names a different message of the thread."""

    code = "idempotency_key_reused"


class ThreadFull(Conflict):
    """The thread holds as many messages as a thread may; a new conversation is needed."""

    code = "thread_full"
