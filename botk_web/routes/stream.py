"""``POST /chat/stream``: the /chat turn as Server-Sent Events.

Events: ``delta`` (a piece of text), ``tool`` (a tool ran, with its arguments), ``citation`` (one
source of the answer), ``done`` (the stored message's id and text) and
``error``. A bad request, an unknown thread or a provider that fails before
the first event get the ordinary JSON error and status, like /chat.
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
from botk_web.routes.chat import chat_input, services
from botk_web.serialize import citation_json

log = logging.getLogger(__name__)

bp = Blueprint("stream", __name__)

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


@bp.post("/chat/stream")
def chat_stream() -> ResponseReturnValue:
    events = services().send_message.stream(chat_input())
    # Taking the first event here lets validation and early upstream errors
    # answer with their HTTP status instead of an event in a 200 stream.
    first = next(events)
    return Response(_sse(first, events), mimetype="text/event-stream", headers=SSE_HEADERS)


def _sse(first: Any, events: Iterator[Any]) -> Iterator[str]:
    """Serialise the turn's events; closing this generator closes the turn's."""
    try:
        yield from _frames(first)
        for event in events:
            yield from _frames(event)
    except BotkError as error:
        yield _frame("error", {"error": error.message, "code": error.code})
    except Exception:
        log.exception("streamed turn failed")
        yield _frame("error", {"error": "Internal error", "code": "internal_error"})
    finally:
        # A client that leaves midway closes us; the use case then finishes and stores the answer.
        events.close()  # type: ignore[attr-defined]


def _frames(event: Any) -> Iterator[str]:
    if isinstance(event, TextDelta):
        yield _frame("delta", {"text": event.text})
    elif isinstance(event, ToolRun):
        yield _frame("tool", _tool(event))
    elif isinstance(event, Message):
        for citation in event.citations:
            yield _frame("citation", citation_json(citation))
        yield _frame("done", _done(event))


def _tool(run: ToolRun) -> dict[str, Any]:
    """A tool run with its arguments (so a client can say which station or place it looked at)."""
    try:
        arguments = json.loads(run.arguments or "{}")
    except ValueError:
        arguments = {}
    return {
        "name": run.name,
        "call_id": run.call_id,
        "is_error": run.is_error,
        "arguments": arguments if isinstance(arguments, dict) else {},
    }


def _done(message: Message) -> dict[str, Any]:
    usage = message.usage
    return {
        "message_id": message.id,
        "thread_id": message.thread_id,
        "response": message.content,
        "usage": None
        if usage is None
        else {
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "cached_tokens": usage.cached_tokens,
        },
    }


def _frame(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
