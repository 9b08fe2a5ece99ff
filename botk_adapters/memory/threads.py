"""In-memory ThreadRepository for tests and for library users' own tests."""

from __future__ import annotations

import secrets
import threading
from collections import defaultdict

import attrs

from botk_core.domain import AcceptedTurn, Message, MessagePage, MessageStatus, Thread, reply_key
from botk_core.errors import Conflict, IdempotencyKeyReused, InvalidInput, ThreadFull, ThreadNotFound

_BUSY = "Otro mensaje de esta conversación todavía se está respondiendo; intenta de nuevo en un momento."


class InMemoryThreadRepository:
    """Threads and messages in dicts; a thread's turn is held under a condition variable."""

    def __init__(self, *, lock_wait_seconds: float = 180.0) -> None:
        self._threads: dict[str, Thread] = {}
        self._messages: dict[str, list[Message]] = defaultdict(list)
        self._leases: dict[str, str] = {}
        self._changed = threading.Condition()
        self._lock_wait = lock_wait_seconds

    def create(self, thread: Thread) -> None:
        with self._changed:
            self._threads[thread.id] = thread

    def get(self, thread_id: str) -> Thread:
        try:
            return self._threads[thread_id]
        except KeyError:
            raise ThreadNotFound(thread_id) from None

    def list_messages(
        self,
        thread_id: str,
        *,
        limit: int,
        after: str | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> MessagePage:
        self.get(thread_id)
        with self._changed:
            stored = self._messages[thread_id]
            ordered = list(reversed(stored)) if descending else list(stored)
        ids = [m.id for m in ordered]
        start, end = 0, len(ordered)
        if after is not None:
            start = _position(ids, after) + 1
        if before is not None:
            end = _position(ids, before)
        window = ordered[start:end]
        if before is not None and after is None:
            # Like OpenAI: "before" pages backwards, so take the items nearest the cursor.
            return MessagePage(tuple(window[-limit:]), len(window) > limit)
        return MessagePage(tuple(window[:limit]), len(window) > limit)

    def accept_turn(self, user: Message, *, history: int, max_messages: int | None = None) -> AcceptedTurn:
        thread = self.get(user.thread_id)
        with self._changed:
            if not self._changed.wait_for(lambda: thread.id not in self._leases, self._lock_wait):
                raise Conflict(_BUSY)
            stored = self._messages[thread.id]
            known = _known(stored, user)
            if known is not None:
                answer = next((m for m in stored if m.client_message_id == reply_key(known.id)), None)
                if answer is not None and answer.role == "assistant":
                    return AcceptedTurn(thread, known, answer=answer)
                accepted, retry = attrs.evolve(known, status="pending"), True
                stored[stored.index(known)] = accepted
            else:
                if max_messages is not None and len(stored) + 2 > max_messages:
                    raise ThreadFull(f"La conversación llegó a su límite de {max_messages} mensajes.")
                accepted, retry = attrs.evolve(user, status="pending"), False
                stored.append(accepted)
            lease = secrets.token_hex(8)
            self._leases[thread.id] = lease
            earlier = [m for m in stored[: stored.index(accepted)] if m.status == "completed"]
            window = tuple(earlier[-history:]) if history > 0 else ()
            return AcceptedTurn(thread, accepted, window, lease=lease, retry=retry)

    def finish_turn(self, turn: AcceptedTurn, answer: Message | None) -> None:
        with self._changed:
            stored = self._messages[turn.thread.id]
            status: MessageStatus = "completed" if answer is not None else "failed"
            for index, message in enumerate(stored):
                if message.id == turn.user.id:
                    stored[index] = attrs.evolve(message, status=status)
            if answer is not None:
                stored.append(answer)
            if self._leases.get(turn.thread.id) == turn.lease:
                del self._leases[turn.thread.id]
            self._changed.notify_all()

    def recover_turns(self) -> int:
        # Memory dies with its process, and so do its turns: nothing can be left behind.
        return 0

    def delete_thread(self, thread_id: str) -> None:
        self.get(thread_id)
        with self._changed:
            if thread_id in self._leases:
                raise Conflict(_BUSY)
            del self._threads[thread_id]
            self._messages.pop(thread_id, None)

    def prune_threads(self, inactive_since: float) -> list[str]:
        with self._changed:
            idle = [
                thread.id
                for thread in self._threads.values()
                if thread.id not in self._leases
                and max((m.created_at for m in self._messages[thread.id]), default=thread.created_at)
                < inactive_since
            ]
            for thread_id in idle:
                del self._threads[thread_id]
                self._messages.pop(thread_id, None)
            return idle


def _known(stored: list[Message], user: Message) -> Message | None:
    if not user.client_message_id:
        return None
    known = next((m for m in stored if m.client_message_id == user.client_message_id), None)
    if known is not None and (known.role != "user" or known.content != user.content):
        raise IdempotencyKeyReused("Ese client_message_id ya se usó para otro mensaje.")
    return known


def _position(ids: list[str], cursor: str) -> int:
    try:
        return ids.index(cursor)
    except ValueError:
        raise InvalidInput("El cursor no es un mensaje de esta conversación.") from None
