"""A WSGI app for gunicorn-based tests: BOTK with a fake model that takes its time.

``gunicorn -c deploy/gunicorn.conf.py tests.e2e.latency_app:app``; the
latency comes from ``BOTK_TEST_LATENCY_MS`` (default 100). The answer echoes
the question, so a test can tell which answer belongs to which message.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from botk_core.domain import Usage
from botk_core.model import GatewayEvent, ModelReply, ModelRequest, ReplyDone
from botk_web.app import create_app


class LatencyGateway:
    """Answers ``eco: <question>`` after a fixed delay, like a slow provider."""

    name = "latency"
    model = "fake-latency"

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def reply(self, request: ModelRequest) -> ModelReply:
        time.sleep(self._seconds)
        return ModelReply(text=f"eco: {request.last_user_text()}", usage=Usage(10, 3))

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        yield ReplyDone(self.reply(request))


app = create_app(gateway=LatencyGateway(int(os.environ.get("BOTK_TEST_LATENCY_MS", "100")) / 1000))
