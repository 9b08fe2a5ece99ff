"""Ports of a conversation: the model gateway and the thread repository."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from botk_core.domain import AcceptedTurn, Message, MessagePage, Thread
from botk_core.model import GatewayEvent, ModelRequest


class AssistantGateway(Protocol):
    """One model step: instructions, items and tool specs in; text deltas and the reply out.

    Streaming is the only form: a caller that wants the whole reply collects
    the stream with ``botk_core.model.collect_reply``.
    """

    name: str
    model: str

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        """Run one model step, yielding text deltas and then ``ReplyDone``."""
        ...


class ThreadRepository(Protocol):
    """Threads and their messages, in acceptance order, and one turn at a time per thread.

    A turn costs two writes: ``accept_turn`` (the lock and the user message) and
    ``finish_turn`` (the answer, the user message's status and the unlock).
    """

    def create(self, thread: Thread) -> None: ...

    def get(self, thread_id: str) -> Thread:
        """Return the thread or raise ``ThreadNotFound``."""
        ...

    def list_messages(
        self,
        thread_id: str,
        *,
        limit: int,
        after: str | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> MessagePage:
        """A page of messages; ``after``/``before`` are message-id cursors.

        Raises ``InvalidInput`` when a cursor is not a message of the thread.
        """
        ...

    def accept_turn(self, user: Message, *, history: int, max_messages: int | None = None) -> AcceptedTurn:
        """Hold ``user.thread_id`` and store ``user`` (status pending), in one write.

        Waits while another turn of the thread runs (``Conflict`` past the wait);
        a lock left by a dead process is taken over and the user messages it
        left pending become failed. A message stored before with the same
        ``client_message_id`` is this turn's: with another text it raises
        ``IdempotencyKeyReused`` and changes nothing; with its answer stored, that
        answer is returned and nothing is held; otherwise it is pending again.
        A new message beyond ``max_messages`` raises ``ThreadFull``. ``history``
        earlier completed messages come back with it, oldest first, as the model
        reads them: their role and text (citations and tool runs may be left out).
        """
        ...

    def finish_turn(self, turn: AcceptedTurn, answer: Message | None) -> None:
        """Store ``answer`` and complete the user message (None: mark it failed), and unlock, in one write."""
        ...

    def recover_turns(self) -> int:
        """Mark failed the user messages left pending by turns whose process died; return how many."""
        ...

    def delete_thread(self, thread_id: str) -> None:
        """Delete the thread and its messages; ``ThreadNotFound``, or ``Conflict`` during a turn."""
        ...

    def prune_threads(self, inactive_since: float) -> list[str]:
        """Delete the threads with no message since ``inactive_since``; return their ids."""
        ...
