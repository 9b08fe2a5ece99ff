"""Failures of what BOTK relies on: a model provider or external service, and the storage backend."""

from __future__ import annotations

from botk_core.errors.base import BotkError


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


class StorageError(BotkError):
    """The storage backend failed."""

    code = "storage_error"


class SchemaTooNew(StorageError):
    """The database was written by a newer BOTK; this one refuses to open it."""

    code = "schema_too_new"


class DatabaseUnreadable(StorageError):
    """The database file is damaged or is not an SQLite database; BOTK refuses to use it."""

    code = "database_unreadable"
