"""A gthread worker that gives a thread to a connection only once its request has arrived.

gunicorn's threaded worker hands each new connection to a thread that then
blocks reading the headers: a hundred clients that send a header line (or a
body byte) every few seconds hold every thread, and ``/health`` goes
unanswered. Here the worker's event loop reads each request's headers, and a
body of up to ``PREBUFFER_BYTES``, without blocking; only a complete request
(or the start of a larger body) reaches a thread. A request that has not
arrived ``request_read_timeout`` seconds after its connection became readable
gets a JSON 408 and is closed; an idle connection costs a file descriptor,
never a thread. A larger body is read by the thread under a deadline too
(``MIN_BODY_RATE``), so a trickling upload ends instead of holding it.
"""

from __future__ import annotations

import contextlib
import selectors
import time
from functools import partial
from typing import Any

from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import ThreadWorker

from botk_web.gunicorn_errors import json_error
from botk_web.gunicorn_pacing import (
    MIN_BODY_RATE,
    PREBUFFER_BYTES,
    DeadlineReader,
    body_to_wait_for,
    unread_body,
)

__all__ = [
    "MIN_BODY_RATE",
    "PREBUFFER_BYTES",
    "BotkThreadWorker",
    "DeadlineReader",
    "body_to_wait_for",
    "unread_body",
]

_HEADER_END = b"\r\n\r\n"
# Seconds a stopping worker keeps connections that have sent nothing yet.
STOP_LINGER = 2.0


class BotkThreadWorker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's gthread worker whose event loop, not a thread, waits for each request."""

    # Seconds a request has to arrive (``BOTK_REQUEST_READ_TIMEOUT``, set by deploy/gunicorn.conf.py).
    read_timeout = 10.0
    # The largest body the app takes (``BOTK_MAX_REQUEST_BYTES``, set by deploy/gunicorn.conf.py).
    max_body: int | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_limit: int = self.cfg.limit_request_line + self.cfg.limit_request_field_size * 4 + 8192
        self.reading: dict[Any, float] = {}  # connection -> deadline
        self.buffers: dict[Any, bytearray] = {}
        self.stopping_since: float | None = None

    def enqueue_req(self, conn: Any) -> None:
        """Wait in the event loop for the request's bytes (a thread gets it in ``hand_over``)."""
        if self.cfg.is_ssl or conn.is_http2 or negotiation.prior_knowledge_allowed(self.cfg, conn.client):
            super().enqueue_req(conn)  # TLS and HTTP/2 keep gunicorn's own handling
            return
        buffer = bytearray(conn.parser.unreader.take_buffered() if conn.parser else b"")
        self.buffers[conn] = buffer
        self.reading[conn] = time.monotonic() + self.read_timeout
        if buffer and self.is_complete(buffer):
            self.hand_over(conn)
            return
        conn.sock.setblocking(False)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_request_bytes, conn))

    def on_request_bytes(self, conn: Any, _sock: Any) -> None:
        """Take what arrived; hand the request over once it is complete."""
        try:
            data = conn.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.drop(conn)
            return
        buffer = self.buffers[conn]
        buffer += data
        self.reading[conn] += len(data) / MIN_BODY_RATE
        if self.is_complete(buffer):
            self.hand_over(conn)

    def is_complete(self, buffer: bytearray) -> bool:
        """Whether a thread can take the request: headers (and a small body) are in."""
        end = buffer.find(_HEADER_END)
        if end < 0:
            return len(buffer) > self.header_limit  # the parser refuses it
        wanted = body_to_wait_for(bytes(buffer[:end]), self.max_body)
        return wanted is None or len(buffer) - end - len(_HEADER_END) >= wanted

    def handle_request(self, req: Any, conn: Any) -> bool:
        """Serve the request; keep the connection only if little of its body is left unread.

        A request the app answered without reading its body (a 413 from the
        declared length) would leave that body to drain before the next one:
        the connection closes instead, so the client is not kept waiting.
        """
        keep: bool = super().handle_request(req, conn)
        return keep and unread_body(req) <= PREBUFFER_BYTES

    def hand_over(self, conn: Any) -> None:
        """Give the connection, with the bytes read so far, to a thread."""
        self.forget(conn)
        buffer = self.buffers.pop(conn)
        conn.sock.setblocking(True)
        fresh = conn.parser is None
        conn.init()  # the parser, on the first request of the connection (plain HTTP: no I/O)
        reader = conn.parser.unreader
        if fresh:
            reader.sock = DeadlineReader(conn.sock)
        conn.data_ready = True
        reader.unread(bytes(buffer))
        if isinstance(reader.sock, DeadlineReader):
            reader.sock.start(self.read_timeout)
        super().enqueue_req(conn)

    def forget(self, conn: Any) -> None:
        self.reading.pop(conn, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self.poller.unregister(conn.sock)

    def drop(self, conn: Any) -> None:
        """Close a connection whose request never arrived (or whose client left)."""
        self.forget(conn)
        self.buffers.pop(conn, None)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Also close connections whose request did not arrive in time (408 if it had begun)."""
        super().murder_pending()
        now = time.monotonic()
        if not self.alive and self.stopping_since is None:
            self.stopping_since = now
        # A stopping worker still takes requests already on their way; silent connections go soon.
        linger = float("inf") if self.stopping_since is None else self.stopping_since + STOP_LINGER
        late = [
            conn
            for conn, deadline in self.reading.items()
            if deadline <= now or (now >= linger and not self.buffers.get(conn))
        ]
        for conn in late:
            if self.buffers.get(conn):
                with contextlib.suppress(OSError):
                    json_error(conn.sock, 408, "Request Timeout", "")
            self.drop(conn)
