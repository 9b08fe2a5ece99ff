"""Reading Chat Completions answers, whole or streamed, into BOTK replies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from botk_adapters.openai.chat_mapping import usage_from
from botk_core.domain import Passage, ToolCall, Usage
from botk_core.errors import UpstreamError
from botk_core.model import GatewayEvent, ModelReply, ReplyDone, TextDelta


def reply_from(completion: Any, passages: list[Passage]) -> ModelReply:
    """A ModelReply from a ``ChatCompletion``; grounding passages become its citations."""
    if not completion.choices:
        raise UpstreamError("The model provider sent an answer without choices")
    message = completion.choices[0].message
    calls = tuple(
        ToolCall(call.id, call.function.name, call.function.arguments or "{}")
        for call in message.tool_calls or []
        if call.type == "function"
    )
    citations = tuple(p.citation() for p in passages)
    return ModelReply(message.content or "", calls, citations, usage_from(completion.usage))


def gateway_events(chunks: Any, passages: list[Passage]) -> Iterator[GatewayEvent]:
    """Text deltas as they come, then the whole reply with tool calls put together."""
    texts: list[str] = []
    calls: dict[int, dict[str, str]] = {}
    usage = Usage()
    for chunk in chunks:
        if chunk.usage is not None:
            usage = usage_from(chunk.usage)
        for choice in chunk.choices or []:
            delta = choice.delta
            if delta.content:
                texts.append(delta.content)
                yield TextDelta(delta.content)
            for fragment in delta.tool_calls or []:
                _merge(calls.setdefault(fragment.index, {"id": "", "name": "", "arguments": ""}), fragment)
    tool_calls = tuple(ToolCall(c["id"], c["name"], c["arguments"] or "{}") for _, c in sorted(calls.items()))
    citations = tuple(p.citation() for p in passages)
    yield ReplyDone(ModelReply("".join(texts), tool_calls, citations, usage))


def _merge(call: dict[str, str], fragment: Any) -> None:
    # The id and name come once, the arguments in pieces.
    if fragment.id:
        call["id"] = fragment.id
    if fragment.function is not None:
        call["name"] = fragment.function.name or call["name"]
        call["arguments"] += fragment.function.arguments or ""
