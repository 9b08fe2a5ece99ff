"""What the fake OpenAI server streams: Responses events and Chat Completions chunks."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tests.adapters.fake_openai_http import new_id

if TYPE_CHECKING:
    from tests.adapters.fake_openai import Reply


def responses_payload(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    output: list[dict[str, Any]] = []
    if reply.cites and "file_search_call.results" in (body.get("include") or []):
        results = [
            {"file_id": c.file_id, "filename": c.filename, "score": 0.9, "text": c.quote} for c in reply.cites
        ]
        output.append(
            {
                "type": "file_search_call",
                "id": new_id("fs"),
                "status": "completed",
                "queries": ["consulta"],
                "results": results,
            }
        )
    for name, arguments in reply.calls:
        output.append(
            {
                "type": "function_call",
                "id": new_id("fc"),
                "call_id": new_id("call"),
                "name": name,
                "arguments": json.dumps(arguments),
                "status": "completed",
            }
        )
    if reply.text:
        annotations = [
            {"type": "file_citation", "file_id": c.file_id, "filename": c.filename, "index": len(reply.text)}
            for c in reply.cites
        ]
        content = [{"type": "output_text", "text": reply.text, "annotations": annotations}]
        output.append(
            {
                "type": "message",
                "id": new_id("msg"),
                "role": "assistant",
                "status": "completed",
                "content": content,
            }
        )
    return {
        "id": new_id("resp"),
        "object": "response",
        "created_at": 1_700_000_000,
        "status": "completed",
        "model": body.get("model"),
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": _responses_usage(reply.usage),
    }


def _responses_usage(usage: tuple[int, int, int]) -> dict[str, Any]:
    return {
        "input_tokens": usage[0],
        "output_tokens": usage[1],
        "total_tokens": usage[0] + usage[1],
        "input_tokens_details": {"cached_tokens": usage[2], "cache_write_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }


def _pieces(value: str) -> list[str]:
    words = value.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


def responses_events(reply: Reply, response: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    seq = itertools.count()
    yield (
        "response.created",
        {
            "type": "response.created",
            "sequence_number": next(seq),
            "response": {**response, "status": "in_progress", "output": []},
        },
    )
    for index, item in enumerate(response["output"]):
        if item["type"] == "message":
            for number, piece in enumerate(_pieces(reply.text)):
                yield (
                    "response.output_text.delta",
                    {
                        "type": "response.output_text.delta",
                        "sequence_number": next(seq),
                        "item_id": item["id"],
                        "output_index": index,
                        "content_index": 0,
                        "delta": piece,
                        "logprobs": [],
                    },
                )
                if number == 0 and reply.hold is not None:
                    reply.hold.wait(10)
        yield (
            "response.output_item.done",
            {
                "type": "response.output_item.done",
                "sequence_number": next(seq),
                "output_index": index,
                "item": item,
            },
        )
    yield (
        "response.completed",
        {"type": "response.completed", "sequence_number": next(seq), "response": response},
    )


def _chat_usage(usage: tuple[int, int, int]) -> dict[str, Any]:
    return {
        "prompt_tokens": usage[0],
        "completion_tokens": usage[1],
        "total_tokens": usage[0] + usage[1],
        "prompt_tokens_details": {"cached_tokens": usage[2]},
    }


def chat_events(reply: Reply, body: dict[str, Any]) -> Iterator[tuple[str | None, Any]]:
    base = {
        "id": new_id("chatcmpl"),
        "object": "chat.completion.chunk",
        "created": 1_700_000_000,
        "model": body.get("model"),
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    yield None, chunk({"role": "assistant", "content": ""})
    for number, piece in enumerate(_pieces(reply.text) if reply.text else []):
        yield None, chunk({"content": piece})
        if number == 0 and reply.hold is not None:
            reply.hold.wait(10)
    for index, (name, arguments) in enumerate(reply.calls):
        raw = json.dumps(arguments)
        head = {
            "index": index,
            "id": new_id("call"),
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }
        yield None, chunk({"tool_calls": [head]})
        for cut in range(0, len(raw), 8):  # arguments arrive in fragments, as upstream does
            yield (
                None,
                chunk({"tool_calls": [{"index": index, "function": {"arguments": raw[cut : cut + 8]}}]}),
            )
    yield None, chunk({}, "tool_calls" if reply.calls else "stop")
    if (body.get("stream_options") or {}).get("include_usage"):
        yield None, {**base, "choices": [], "usage": _chat_usage(reply.usage)}
    yield None, "[DONE]"
