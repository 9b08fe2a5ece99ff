"""Use cases StartConversation, GetHistory and ListAssistants."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from botk_core.domain import MessagePage, Thread
from botk_core.errors import InvalidInput
from botk_core.ids import new_id
from botk_core.ports import ThreadRepository
from botk_core.profile import AssistantCatalog

MAX_PAGE_SIZE = 1000


@attrs.frozen
class StartConversationInput:
    assistant_id: str | None = None


@attrs.frozen
class ConversationStarted:
    thread: Thread
    vector_store_id: str | None


class StartConversation:
    """Open a new thread with an assistant profile."""

    def __init__(
        self,
        threads: ThreadRepository,
        assistants: AssistantCatalog,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._threads = threads
        self._assistants = assistants
        self._clock = clock

    def execute(self, request: StartConversationInput) -> ConversationStarted:
        profile = self._assistants.get(request.assistant_id)
        thread = Thread(new_id("thread"), profile.id, self._clock())
        self._threads.create(thread)
        return ConversationStarted(thread, profile.vector_store_id)


@attrs.frozen
class GetHistoryInput:
    thread_id: str
    limit: int = 100
    after: str | None = None
    before: str | None = None
    descending: bool = False


class GetHistory:
    """Read a page of a thread's messages, OpenAI list style."""

    def __init__(self, threads: ThreadRepository) -> None:
        self._threads = threads

    def execute(self, request: GetHistoryInput) -> MessagePage:
        if not 1 <= request.limit <= MAX_PAGE_SIZE:
            raise InvalidInput(f"limit debe estar entre 1 y {MAX_PAGE_SIZE}.")
        self._threads.get(request.thread_id)
        return self._threads.list_messages(
            request.thread_id,
            limit=request.limit,
            after=request.after,
            before=request.before,
            descending=request.descending,
        )


class ListAssistants:
    """The ids of the configured assistant profiles."""

    def __init__(self, assistants: AssistantCatalog) -> None:
        self._assistants = assistants

    def execute(self) -> list[str]:
        return self._assistants.ids()
