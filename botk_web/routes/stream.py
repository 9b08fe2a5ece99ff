"""``POST /chat/stream``: the /chat turn as Server-Sent Events.

Events: ``delta`` (a piece of text), ``tool`` (a tool ran, with its arguments), ``citation`` (one
source of the answer), ``done`` (the stored message's id and text) and
``error``; a comment line every 15 s while nothing else is sent. A bad
request, an unknown thread or a provider that fails before the first event
get the ordinary JSON error and status, like /chat.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from flask import Blueprint, Response
from flask.typing import ResponseReturnValue

from botk_core.domain import Message, ToolRun
from botk_core.errors import BotkError
from botk_core.model import TextDelta
from botk_web.routes import services
from botk_web.routes.chat import chat_input
from botk_web.serialize import citation_json, tool_run_json, usage_json
from botk_web.turn_feed import WAITING, TurnFeed

log = logging.getLogger(__name__)

bp = Blueprint("stream", __name__)

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
KEEPALIVE_SECONDS = 15.0
KEEPALIVE = ": sigo trabajando\n\n"


@bp.post("/chat/stream")
def chat_stream() -> ResponseReturnValue:
    feed = TurnFeed(services().send_message.stream(chat_input()))
    # Waiting for the first event here lets validation and early upstream errors
    # answer with their HTTP status instead of an event in a 200 stream.
    try:
        first = feed.next(KEEPALIVE_SECONDS)
    except StopIteration:
        first = WAITING
    return Response(_sse(first, feed), mimetype="text/event-stream", headers=SSE_HEADERS)


def _sse(first: Any, feed: TurnFeed) -> Iterator[str]:
    """Serialise the turn's events; a client that leaves stops only this, not the turn."""
    event = first
    try:
        while True:
            yield KEEPALIVE if event is WAITING else _frames(event)
            event = feed.next(KEEPALIVE_SECONDS)
    except StopIteration:
        return
    except BotkError as error:
        yield _frame("error", {"error": error.message, "code": error.code})
    except Exception as error:
        log.error("streamed turn failed", exc_info=error)
        yield _frame("error", {"error": "Error interno del servidor.", "code": "internal_error"})


def _frames(event: Any) -> str:
    if isinstance(event, TextDelta):
        return _frame("delta", {"text": event.text})
    if isinstance(event, ToolRun):
        return _frame("tool", {**tool_run_json(event), "call_id": event.call_id})
    if isinstance(event, Message):
        citations = "".join(_frame("citation", citation_json(c)) for c in event.citations)
        return citations + _frame("done", _done(event))
    return ""


def _done(message: Message) -> dict[str, Any]:
    return {
        "message_id": message.id,
        "thread_id": message.thread_id,
        "response": message.content,
        "usage": usage_json(message.usage),
    }


def _frame(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
