"""How much of a request the worker waits for, and the pace a larger body must keep.

A body of up to ``PREBUFFER_BYTES`` is read by the worker's event loop with
the headers; a larger one is read by a thread through a ``DeadlineReader``,
which ends a body that trickles in slower than ``MIN_BODY_RATE``.
"""

from __future__ import annotations

import socket
import time
from typing import Any

PREBUFFER_BYTES = 128 * 1024
# Bytes per second a large body must average: a slow rural link, not a trickle.
MIN_BODY_RATE = 16 * 1024


class DeadlineReader:
    """A socket whose ``recv`` gives up (returns end of data) when the client falls behind.

    The deadline starts ``grace`` seconds after :meth:`start` and moves on by
    one second per ``MIN_BODY_RATE`` bytes received: a steady upload on a slow
    link is never cut, a trickle is.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.deadline = float("inf")

    def start(self, grace: float) -> None:
        """Begin a new request's budget."""
        self.deadline = time.monotonic() + grace

    def recv(self, size: int) -> bytes:
        """At most ``size`` bytes, or ``b""`` once the deadline has passed."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return b""
        previous = self.sock.gettimeout()
        self.sock.settimeout(remaining if previous is None else min(previous, remaining))
        try:
            data = self.sock.recv(size)
        except TimeoutError:
            return b""
        finally:
            self.sock.settimeout(previous)
        self.deadline += len(data) / MIN_BODY_RATE
        return data

    def gettimeout(self) -> float | None:
        return self.sock.gettimeout()

    def settimeout(self, value: float | None) -> None:
        self.sock.settimeout(value)


def body_to_wait_for(head: bytes, max_body: int | None = None) -> int | None:
    """Body bytes to read before handing the request over; None: hand it over now.

    A body declared over ``max_body`` goes over at once: the app refuses it (413)
    from its headers, with no wait for bytes that would be refused anyway.
    """
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name in (b"transfer-encoding", b"expect"):
            return None  # chunked bodies and 100-continue are the parser's job
        if name == b"content-length":
            if not value.strip().isdigit():
                return None  # the parser answers 400
            length = int(value.strip())
            if max_body is not None and length > max_body:
                return None
    # A larger body goes to a thread once its first part is in, then must keep pace.
    return min(length, PREBUFFER_BYTES)


def unread_body(req: Any) -> int:
    """Bytes of ``req``'s declared body still on the socket (0 for chunked or no body)."""
    reader = getattr(getattr(req, "body", None), "reader", None)
    length = getattr(reader, "length", 0)
    return length if isinstance(length, int) else 0
