"""JSON shapes of the HTTP contract (OpenAI thread.message style)."""

from __future__ import annotations

import json
from typing import Any

from botk_core.domain import Citation, Message, MessagePage, ToolRun, Usage

_STATUS = {"completed": "completed", "pending": "in_progress", "failed": "incomplete"}


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "document": citation.document,
        "document_id": citation.document_id,
        "location": citation.location,
        "quote": citation.quote,
    }


def annotation_json(citation: Citation) -> dict[str, Any]:
    """A citation as an OpenAI-style ``file_citation`` annotation."""
    return {
        "type": "file_citation",
        "text": citation.document,
        "file_citation": {"file_id": citation.document_id, **citation_json(citation)},
    }


def message_json(message: Message) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": message.id,
        "object": "thread.message",
        "created_at": int(message.created_at),
        "thread_id": message.thread_id,
        "role": message.role,
        "status": _STATUS[message.status],
        "content": [
            {
                "type": "text",
                "text": {
                    "value": message.content,
                    "annotations": [annotation_json(c) for c in message.citations],
                },
            }
        ],
    }
    if message.role == "assistant":
        data["tool_calls"] = [tool_run_json(run) for run in message.tool_runs]
        if message.usage:
            data["usage"] = usage_json(message.usage)
    return data


def tool_run_json(run: ToolRun) -> dict[str, Any]:
    """A tool run with its arguments (so a client can say which station or place it looked at)."""
    try:
        arguments = json.loads(run.arguments or "{}")
    except ValueError:
        arguments = {}
    return {
        "name": run.name,
        "is_error": run.is_error,
        "arguments": arguments if isinstance(arguments, dict) else {},
    }


def usage_json(usage: Usage | None) -> dict[str, int] | None:
    if usage is None:
        return None
    return {
        "input_tokens": usage.input_tokens,
        "output_tokens": usage.output_tokens,
        "cached_tokens": usage.cached_tokens,
    }


def page_json(page: MessagePage) -> dict[str, Any]:
    data = [message_json(m) for m in page.messages]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": page.has_more,
    }
