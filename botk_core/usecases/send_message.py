"""Use case SendMessage: accept the user's message, run the turn, store the answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator
from typing import Protocol

import attrs

from botk_core.domain import AcceptedTurn, Message, is_reserved_key, reply_key
from botk_core.errors import InvalidInput, MissingFields, PayloadTooLarge
from botk_core.ids import new_id
from botk_core.ports import ThreadRepository
from botk_core.profile import AssistantCatalog
from botk_core.usecases.add_documents import AddDocumentInput, AddDocuments, ReadDocument
from botk_core.usecases.turn import TurnEvent, TurnOutcome, TurnRunner, history_items
from botk_core.usecases.upload_rules import UploadPolicy

MAX_CLIENT_ID_CHARS = 200


@attrs.frozen
class TurnLimits:
    """How much history a turn shows the model, and how big messages and threads may grow."""

    history_window: int = 20
    max_message_chars: int = 32_000
    max_thread_messages: int | None = None


@attrs.frozen
class SendMessageInput:
    """A user's message; ``attachments`` are files to index with it (once, even when retried)."""

    thread_id: str
    text: str
    client_message_id: str | None = None
    attachments: tuple[AddDocumentInput, ...] = ()
    # The caller's rights and the upload budget that the attachments must respect.
    attachment_policy: UploadPolicy = attrs.field(factory=UploadPolicy)


class MessageSender(Protocol):
    """What callers of a chat turn rely on: SendMessage, or a decorator of it (logging)."""

    def execute(self, request: SendMessageInput) -> Message: ...

    def stream(self, request: SendMessageInput) -> Iterator[TurnEvent | Message]: ...


class SendMessage:
    """One chat turn: accept, run, finish.

    The user's message is stored before the model is called, so it is never
    lost; if the turn fails it is marked failed and the error propagates.
    """

    def __init__(
        self,
        threads: ThreadRepository,
        assistants: AssistantCatalog,
        runner: TurnRunner,
        *,
        attachments: AddDocuments | None = None,
        limits: TurnLimits = TurnLimits(),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._threads = threads
        self._assistants = assistants
        self._runner = runner
        self._attachments = attachments
        self._limits = limits
        self._clock = clock

    def execute(self, request: SendMessageInput) -> Message:
        """Run the turn and return the stored assistant message."""
        turn = self._turn(request)
        try:
            while True:
                next(turn)
        except StopIteration as finished:
            answer: Message = finished.value
            return answer

    def stream(self, request: SendMessageInput) -> Iterator[TurnEvent | Message]:
        """Run the turn, yielding text deltas and tool runs, then the stored message.

        Nothing happens before the first ``next()``, which validates and accepts
        the turn (a bad request raises there and stores nothing). A consumer
        that stops early ends the turn as failed: read the stream to its end.
        """
        answer = yield from self._turn(request)
        yield answer

    def _turn(self, request: SendMessageInput) -> Generator[TurnEvent, None, Message]:
        user = self._user_message(request)
        # Files are read before anything is stored, so a bad one refuses the whole turn.
        files = self._read_attachments(request)
        # The window counts the new message too.
        turn = self._threads.accept_turn(
            user, history=self._limits.history_window - 1, max_messages=self._limits.max_thread_messages
        )
        if turn.answer is not None:
            return turn.answer
        answer: Message | None = None
        try:
            if files and not turn.retry and self._attachments is not None:
                self._attachments.store(files)
            profile = self._assistants.get_or_default(turn.thread.assistant_id)
            items = history_items((*turn.history, turn.user))
            outcome = yield from self._runner.run(profile, turn.thread.id, items)
            answer = self._answer(turn, outcome)
            return answer
        finally:
            self._threads.finish_turn(turn, answer)

    def _read_attachments(self, request: SendMessageInput) -> list[ReadDocument]:
        if not request.attachments:
            return []
        if self._attachments is None:
            raise InvalidInput("Este asistente no recibe archivos.")
        return self._attachments.read(request.attachments, request.attachment_policy)

    def _user_message(self, request: SendMessageInput) -> Message:
        text = request.text.strip() if request.text else ""
        if not request.thread_id or not text:
            raise MissingFields("Missing thread_id or message")
        client_id = request.client_message_id
        if client_id is not None and (len(client_id) > MAX_CLIENT_ID_CHARS or is_reserved_key(client_id)):
            raise InvalidInput(
                f"client_message_id debe tener como máximo {MAX_CLIENT_ID_CHARS} caracteres "
                f"y no empezar con '{reply_key('')}'."
            )
        if len(text) > self._limits.max_message_chars:
            raise PayloadTooLarge(f"El mensaje supera los {self._limits.max_message_chars} caracteres.")
        return Message(
            new_id("msg"),
            request.thread_id,
            "user",
            text,
            self._clock(),
            "pending",
            client_message_id=client_id,
        )

    def _answer(self, turn: AcceptedTurn, outcome: TurnOutcome) -> Message:
        return Message(
            id=new_id("msg"),
            thread_id=turn.thread.id,
            role="assistant",
            content=outcome.text,
            created_at=self._clock(),
            citations=outcome.citations,
            tool_runs=outcome.tool_runs,
            usage=outcome.usage,
            client_message_id=reply_key(turn.user.id),
        )
