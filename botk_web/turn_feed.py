"""A chat turn run in its own thread, read by the web layer with a timeout.

The turn must run to its end even when the client leaves (its answer is
stored all the same), and a stream must say something while a long model
step or tool runs, or a proxy's read timeout cuts it: both are the web
layer's business, not the use case's.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

_END = object()


class Waiting:
    """Nothing new from the turn within the timeout."""


WAITING = Waiting()


class TurnFeed:
    """Runs ``events`` to the end in a thread; ``next`` reads them as they come."""

    def __init__(self, events: Iterator[Any], name: str = "botk-turn") -> None:
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._ended = False
        # Not a daemon: a server stopping gracefully waits for the answer to be stored.
        self._thread = threading.Thread(target=self._run, args=(events,), name=name)
        self._thread.start()

    def next(self, timeout: float) -> Any:
        """The next event, ``WAITING`` after ``timeout`` seconds without one; raises the
        turn's error, or ``StopIteration`` after its last event."""
        if self._ended:
            raise StopIteration
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            return WAITING
        if item is _END:
            self._ended = True
            raise StopIteration
        if isinstance(item, BaseException):
            self._ended = True
            raise item
        return item

    def _run(self, events: Iterator[Any]) -> None:
        try:
            for event in events:
                self._queue.put(event)
        except BaseException as error:  # handed to the reader, who answers the client with it
            self._queue.put(error)
            return
        self._queue.put(_END)
