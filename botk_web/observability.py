"""One JSON log line per request, request ids, and what each chat turn cost."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, g, has_request_context, request

from botk_core.domain import Message
from botk_core.usecases import SendMessage, SendMessageInput
from botk_core.usecases.turn import TurnEvent
from botk_web.logging_config import current_request_id, ensure_logging

access_log = logging.getLogger("botk.access")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def request_id() -> str:
    """The caller's ``X-Request-ID`` when it is sane, else a fresh one."""
    given = request.headers.get("X-Request-ID", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def current_record() -> dict[str, Any] | None:
    """This request's log record, or None outside a request."""
    if not has_request_context():
        return None
    record: dict[str, Any] | None = g.get("botk_log")
    return record


class ObservedSendMessage:
    """SendMessage that notes the turn's thread, tokens and tool calls in the request's log record.

    Outside a request (the CLI, a library user) it notes nothing and only passes the turn on.
    """

    def __init__(self, inner: SendMessage, log_messages: bool = False) -> None:
        self._inner = inner
        self._log_messages = log_messages

    def execute(self, request: SendMessageInput) -> Message:
        record = self._start(request)
        message = self._inner.execute(request)
        self._finish(record, message)
        return message

    def stream(self, request: SendMessageInput) -> Iterator[TurnEvent | Message]:
        # The record is taken now: the stream may run in another thread, or after the request is gone.
        return self._observed(self._start(request), self._inner.stream(request))

    def _observed(
        self, record: dict[str, Any], events: Iterator[TurnEvent | Message]
    ) -> Iterator[TurnEvent | Message]:
        for event in events:
            if isinstance(event, Message):
                self._finish(record, event)
            yield event

    def _start(self, turn: SendMessageInput) -> dict[str, Any]:
        record = current_record()
        if record is None:
            record = {}
        record["thread_id"] = turn.thread_id
        if self._log_messages:
            record["message"] = turn.text
        return record

    def _finish(self, record: dict[str, Any], message: Message) -> None:
        usage = message.usage
        record["input_tokens"] = usage.input_tokens if usage else 0
        record["output_tokens"] = usage.output_tokens if usage else 0
        record["tool_calls"] = [run.name for run in message.tool_runs]
        if self._log_messages:
            record["response"] = message.content


def register_observability(app: Flask, gateway: str, model: str, level: str = "INFO") -> None:
    """Request ids in and out, and one structured access log line per request."""
    ensure_logging(level)

    @app.before_request
    def begin() -> None:
        g.botk_started = time.perf_counter()
        g.botk_log = {"request_id": request_id(), "gateway": gateway, "model": model}
        # Every line logged while this request runs (also by a stream after it returned) carries its id.
        current_request_id.set(g.botk_log["request_id"])

    @app.after_request
    def end(response: Response) -> Response:
        record = current_record() or {"request_id": request_id()}
        response.headers["X-Request-ID"] = record["request_id"]
        record.update(_request_fields(response))
        started = g.get("botk_started", time.perf_counter())
        if response.is_streamed:
            # Tokens are known only once the stream has been sent.
            response.call_on_close(lambda: _emit(record, started))
        else:
            _emit(record, started)
        # Once the response is sent, what this thread logs (gunicorn's own lines) is no longer this request's.
        response.call_on_close(lambda: current_request_id.set(None))
        return response


def _request_fields(response: Response) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "method": request.method,
        "route": request.url_rule.rule if request.url_rule else None,
        "path": request.path,
        "status": response.status_code,
        "client": request.remote_addr,
    }
    thread_id = (request.view_args or {}).get("thread_id") or request.args.get("thread_id")
    if thread_id:
        fields["thread_id"] = thread_id
    return fields


def _emit(record: dict[str, Any], started: float) -> None:
    line = {"event": "request", **record, "duration_ms": round((time.perf_counter() - started) * 1000, 1)}
    # The JSON formatter spreads ``fields``; a plain handler prints the line, encoded only then.
    access_log.info("%s", _JsonLine(line), extra={"fields": line})


class _JsonLine:
    """A log argument that becomes JSON only if a handler formats the message."""

    def __init__(self, line: dict[str, Any]) -> None:
        self.line = line

    def __str__(self) -> str:
        return json.dumps(self.line, ensure_ascii=False, default=str)
