"""A small bounded cache of weather reports that also remembers failures for a minute."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from botk_core.errors import UpstreamError

MAX_ENTRIES = 256
FAILURE_SECONDS = 60.0


def again(error: UpstreamError) -> UpstreamError:
    """A fresh copy of a remembered error (same class and message), to raise without its old traceback."""
    return type(error)(error.message)


class TtlCache:
    """A thread-safe cache: answers live ``ttl_seconds``, failures ``failure_seconds``.

    A remembered failure is raised again at once, so that a service that is down
    makes one question wait, not every question. At most ``max_entries`` are
    kept; expired ones go first, then the oldest.
    """

    def __init__(
        self,
        ttl_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        max_entries: int = MAX_ENTRIES,
        failure_seconds: float = FAILURE_SECONDS,
    ) -> None:
        self._ttl, self._failure_ttl = ttl_seconds, failure_seconds
        self._clock = clock
        self._max = max(1, max_entries)
        self._entries: dict[object, tuple[float, Any, UpstreamError | None]] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: object, compute: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            stored_at, value, error = hit
            age = self._clock() - stored_at
            if error is not None and age < self._failure_ttl:
                raise again(error)
            if error is None and age < self._ttl:
                return value
        try:
            value = compute()
        except UpstreamError as error:
            self._store(key, None, error)
            raise
        self._store(key, value, None)
        return value

    def size(self) -> int:
        """How many entries are kept (``len`` would make an empty cache falsy)."""
        with self._lock:
            return len(self._entries)

    def _store(self, key: object, value: Any, error: UpstreamError | None) -> None:
        now = self._clock()
        with self._lock:
            self._entries.pop(key, None)  # re-inserted last: the dict stays in age order
            self._entries[key] = (now, value, error)
            longest = max(self._ttl, self._failure_ttl)
            for old in [k for k, (at, _, _) in self._entries.items() if now - at >= longest]:
                del self._entries[old]
            while len(self._entries) > self._max:
                del self._entries[next(iter(self._entries))]
