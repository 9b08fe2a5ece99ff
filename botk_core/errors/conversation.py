"""Errors of conversations: their threads and assistants, a turn, and the tools a turn runs."""

from __future__ import annotations

from botk_core.errors.base import BotkError, Conflict, InvalidInput, NotFound


class ThreadNotFound(NotFound):
    """The thread id is unknown (or malformed, which is the same to a client)."""

    code = "thread_not_found"

    def __init__(self, thread_id: str) -> None:
        super().__init__("Conversación no encontrada.")
        self.thread_id = thread_id


class AssistantNotFound(NotFound):
    """The assistant id names no configured assistant profile."""

    code = "assistant_not_found"


class StationNotFound(NotFound):
    """The name matches no configured station and no station with readings."""

    code = "station_not_found"

    def __init__(self, message: str, known: tuple[str, ...]) -> None:
        super().__init__(message)
        self.known = known


class ContextTooLong(InvalidInput):
    """The conversation does not fit in the model's context even when shortened."""

    code = "context_too_long"


class IdempotencyKeyReused(Conflict):
    """A client_message_id already names a different message of the thread."""

    code = "idempotency_key_reused"


class ThreadFull(Conflict):
    """The thread holds as many messages as a thread may; a new conversation is needed."""

    code = "thread_full"


class ToolFailed(BotkError):
    """A tool could not do its job; the message goes to the model as output."""

    code = "tool_failed"


class ReportCompilationFailed(BotkError):
    """The TeX engine could not turn a thread's report into a PDF."""

    code = "report_compilation_failed"
