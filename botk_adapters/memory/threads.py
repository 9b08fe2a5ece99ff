"""In-memory ThreadRepository for tests and for library users' own tests."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from botk_core.domain import Message, MessagePage, Thread
from botk_core.errors import InvalidInput, ThreadNotFound


class InMemoryThreadRepository:
    """Threads and messages in dicts; turn locks are per-thread ``threading.Lock``s."""

    def __init__(self) -> None:
        self._threads: dict[str, Thread] = {}
        self._messages: dict[str, list[Message]] = defaultdict(list)
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()

    def create(self, thread: Thread) -> None:
        with self._guard:
            self._threads[thread.id] = thread

    def get(self, thread_id: str) -> Thread:
        try:
            return self._threads[thread_id]
        except KeyError:
            raise ThreadNotFound(thread_id) from None

    def add_message(self, message: Message) -> None:
        self.get(message.thread_id)
        with self._guard:
            self._messages[message.thread_id].append(message)

    def update_message(self, message: Message) -> None:
        with self._guard:
            stored = self._messages[message.thread_id]
            for index, old in enumerate(stored):
                if old.id == message.id:
                    stored[index] = message

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
        with self._guard:
            ordered = list(reversed(self._messages[thread_id]) if descending else self._messages[thread_id])
        ids = [m.id for m in ordered]
        start, end = 0, len(ordered)
        if after is not None:
            start = _position(ids, after) + 1
        if before is not None:
            end = _position(ids, before)
        window = ordered[start:end]
        if before is not None and after is None:
            # Like OpenAI: "before" pages backwards, so take the items nearest the cursor.
            page = window[-limit:]
            return MessagePage(tuple(page), len(window) > limit)
        return MessagePage(tuple(window[:limit]), len(window) > limit)

    def recent_messages(self, thread_id: str, count: int) -> list[Message]:
        with self._guard:
            return list(self._messages[thread_id][-count:]) if count > 0 else []

    def find_by_client_id(self, thread_id: str, client_message_id: str) -> Message | None:
        with self._guard:
            stored = list(self._messages.get(thread_id, ()))
        return next((m for m in stored if m.client_message_id == client_message_id), None)

    @contextmanager
    def turn_lock(self, thread_id: str) -> Iterator[None]:
        with self._guard:
            lock = self._locks[thread_id]
        with lock:
            yield


def _position(ids: list[str], cursor: str) -> int:
    try:
        return ids.index(cursor)
    except ValueError:
        raise InvalidInput("cursor is not a message of this thread") from None
