"""Use case SendMessage: store the user's message, run the turn, store the answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import attrs

from botk_core.domain import Message, MessageStatus, Role, Thread
from botk_core.errors import IdempotencyKeyReused, InvalidInput, MissingFields, PayloadTooLarge
from botk_core.ids import new_id
from botk_core.ports import ThreadRepository
from botk_core.profile import AssistantCatalog
from botk_core.usecases.turn import TurnEvent, TurnOutcome, TurnRunner, history_items

DEFAULT_MAX_MESSAGE_CHARS = 32_000
MAX_CLIENT_ID_CHARS = 200
_REPLY_PREFIX = "reply-to:"


def reply_key(user_message_id: str) -> str:
    """The key an answer is stored under, so a retry can find it from its question."""
    return f"{_REPLY_PREFIX}{user_message_id}"


@attrs.frozen
class TurnCheck:
    """A request that passed validation: its thread, and whether it retries a known turn."""

    thread: Thread
    is_retry: bool


@attrs.frozen
class SendMessageInput:
    thread_id: str
    text: str
    client_message_id: str | None = None


class SendMessage:
    """One chat turn. The user's message is stored before the model is called,
    so it is never lost; if the turn fails it is marked failed and the error
    propagates to the caller."""

    def __init__(
        self,
        threads: ThreadRepository,
        assistants: AssistantCatalog,
        runner: TurnRunner,
        *,
        history_window: int = 20,
        max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._threads = threads
        self._assistants = assistants
        self._runner = runner
        self._history_window = history_window
        self._max_message_chars = max_message_chars
        self._clock = clock

    def execute(self, request: SendMessageInput) -> Message:
        """Run the turn and return the stored assistant message."""
        for event in self._turn(request, stream=False):
            if isinstance(event, Message):
                return event
        raise AssertionError("a turn always ends with its message")

    def stream(self, request: SendMessageInput) -> Iterator[TurnEvent | Message]:
        """Run the turn, yielding deltas and tool runs, then the stored message.

        Validation happens before the first event, so a bad request raises
        at the first ``next()`` and stores nothing.
        """
        return self._turn(request, stream=True)

    def validate(self, request: SendMessageInput) -> TurnCheck:
        """Check the request without storing anything.

        Lets a caller refuse a bad turn before doing related work (such as
        indexing the files sent with it), so a rejected request changes nothing;
        ``is_retry`` tells that the turn was already accepted once.
        """
        text = self._validated_text(request)
        thread = self._threads.get(request.thread_id)
        known = self._known_turn(thread, text, request.client_message_id)
        return TurnCheck(thread, known is not None)

    def _turn(self, request: SendMessageInput, *, stream: bool) -> Iterator[TurnEvent | Message]:
        text = self._validated_text(request)
        thread = self._threads.get(request.thread_id)
        profile = self._assistants.get_or_default(thread.assistant_id)
        with self._threads.turn_lock(thread.id):
            # Looked up under the lock, so a retry racing its original waits
            # for it and then finds its answer instead of running twice.
            user, stored_answer = self._accept(thread, text, request.client_message_id)
            if stored_answer is not None:
                yield stored_answer
                return
            recent = self._threads.recent_messages(thread.id, self._history_window)
            items = history_items([m for m in recent if m.id != user.id] + [user])
            outcome: TurnOutcome | None = None
            abandoned = False
            try:
                for event in self._runner.events(profile, thread.id, items, stream=stream):
                    if isinstance(event, TurnOutcome):
                        outcome = event
                    elif not abandoned:
                        try:
                            yield event
                        except GeneratorExit:
                            # The client stopped reading: finish the turn silently so
                            # that its answer is stored all the same.
                            abandoned = True
            finally:
                # Runs on errors and on a client that stops reading a stream.
                status: MessageStatus = "completed" if outcome else "failed"
                self._threads.update_message(attrs.evolve(user, status=status))
            assert outcome is not None
            answer = attrs.evolve(
                self._new_message(thread, "assistant", outcome.text, reply_key(user.id)),
                citations=outcome.citations,
                tool_runs=outcome.tool_runs,
                usage=outcome.usage,
            )
            self._threads.add_message(answer)
        if not abandoned:
            yield answer

    def _accept(self, thread: Thread, text: str, client_id: str | None) -> tuple[Message, Message | None]:
        """The user message of this turn, and its stored answer when a retry finds one.

        A retry of a failed (or crashed) turn reuses its stored user message,
        so the message is never duplicated.
        """
        known = self._known_turn(thread, text, client_id)
        if known is None:
            user = self._new_message(thread, "user", text, client_id, status="pending")
            self._threads.add_message(user)
            return user, None
        answer = self._threads.find_by_client_id(thread.id, reply_key(known.id))
        if answer is not None and answer.role == "assistant":
            return known, answer
        retried = attrs.evolve(known, status="pending")
        self._threads.update_message(retried)
        return retried, None

    def _known_turn(self, thread: Thread, text: str, client_id: str | None) -> Message | None:
        """The stored user message of an earlier attempt with the same key, if any."""
        known = self._threads.find_by_client_id(thread.id, client_id) if client_id else None
        if known is not None and (known.role != "user" or known.content != text):
            raise IdempotencyKeyReused("client_message_id was already used for a different message")
        return known

    def _validated_text(self, request: SendMessageInput) -> str:
        text = request.text.strip() if request.text else ""
        if not request.thread_id or not text:
            raise MissingFields("Missing thread_id or message")
        client_id = request.client_message_id
        if client_id is not None and (
            len(client_id) > MAX_CLIENT_ID_CHARS or client_id.startswith(_REPLY_PREFIX)
        ):
            raise InvalidInput(
                f"client_message_id must have at most {MAX_CLIENT_ID_CHARS} characters "
                f"and not start with '{_REPLY_PREFIX}'"
            )
        if len(text) > self._max_message_chars:
            raise PayloadTooLarge(f"message is longer than {self._max_message_chars} characters")
        return text

    def _new_message(
        self,
        thread: Thread,
        role: Role,
        text: str,
        client_id: str | None = None,
        status: MessageStatus = "completed",
    ) -> Message:
        return Message(
            id=new_id("msg"),
            thread_id=thread.id,
            role=role,
            content=text,
            created_at=self._clock(),
            status=status,
            client_message_id=client_id,
        )
