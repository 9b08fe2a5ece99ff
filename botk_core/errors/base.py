"""The root of BOTK's errors and the broad situations every part of BOTK names."""

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


class Conflict(BotkError):
    """The request clashes with the current state (e.g. a turn in progress)."""

    code = "conflict"


class Forbidden(BotkError):
    """The request is understood but not allowed (e.g. from another site, or a read-only document)."""

    code = "forbidden"


class NotSupported(BotkError):
    """The feature needs something this installation does not have."""

    code = "not_supported"
