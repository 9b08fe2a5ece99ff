"""Use cases DeleteThread and PruneThreads: a conversation's data goes when asked, or when idle."""

from __future__ import annotations

import time
from collections.abc import Callable

from botk_core.errors import InvalidInput
from botk_core.ports import ReportStore, ThreadRepository

DAY = 86_400.0


class DeleteThread:
    """Delete a thread: its messages (and their token usage) and its report."""

    def __init__(self, threads: ThreadRepository, reports: ReportStore) -> None:
        self._threads = threads
        self._reports = reports

    def execute(self, thread_id: str) -> None:
        self._threads.delete_thread(thread_id)
        self._reports.delete(thread_id)


class PruneThreads:
    """Delete the threads with no message for ``days`` days; return how many went."""

    def __init__(
        self, threads: ThreadRepository, reports: ReportStore, clock: Callable[[], float] = time.time
    ) -> None:
        self._threads = threads
        self._reports = reports
        self._clock = clock

    def execute(self, days: float) -> int:
        if days <= 0:
            raise InvalidInput("La antigüedad debe ser de más de 0 días.")
        pruned = self._threads.prune_threads(self._clock() - days * DAY)
        for thread_id in pruned:
            self._reports.delete(thread_id)
        return len(pruned)
