"""Use case GetThreadUsage: the tokens a thread's answers consumed."""

from __future__ import annotations

import attrs

from botk_core.domain import Usage
from botk_core.ports import ThreadRepository

_PAGE = 1000


@attrs.frozen
class ThreadUsage:
    """Summed usage over a thread's answered turns."""

    thread_id: str
    turns: int
    usage: Usage


class GetThreadUsage:
    """Sum the token usage stored on a thread's assistant messages."""

    def __init__(self, threads: ThreadRepository) -> None:
        self._threads = threads

    def execute(self, thread_id: str) -> ThreadUsage:
        self._threads.get(thread_id)
        total, turns, after = Usage(), 0, None
        while True:
            page = self._threads.list_messages(thread_id, limit=_PAGE, after=after)
            answers = [m for m in page.messages if m.role == "assistant"]
            turns += len(answers)
            for message in answers:
                total += message.usage or Usage()
            if not page.has_more or not page.messages:
                return ThreadUsage(thread_id, turns, total)
            after = page.messages[-1].id
