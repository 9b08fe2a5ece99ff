"""ParseSlots: how many requests of this process may read uploaded files at the same time.

Reading a heavy file takes a few hundred megabytes for a few seconds; a
process serving many threads would otherwise read every upload at once and
run out of memory. A request beyond the slots waits a little, then gets
``ServerBusy`` (429 with ``Retry-After``: more was asked at once than the
process reads) before anything is read or stored.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from botk_core.errors import ServerBusy

BUSY = "El servidor está leyendo otros documentos; vuelva a intentarlo en unos segundos."


class ParseSlots:
    """At most ``size`` holders at once; a newcomer waits up to ``wait_seconds`` for a slot."""

    def __init__(self, size: int = 2, wait_seconds: float = 5.0) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.size = size
        self.wait_seconds = wait_seconds
        self._slots = threading.BoundedSemaphore(size)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold a slot for the block; ``ServerBusy`` when none frees in time."""
        if not self._slots.acquire(timeout=self.wait_seconds):
            raise ServerBusy(BUSY, retry_after=max(1, math.ceil(self.wait_seconds)))
        try:
            yield
        finally:
            self._slots.release()
