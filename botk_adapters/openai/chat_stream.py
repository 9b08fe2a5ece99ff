"""Reading Chat Completions answers, whole or streamed, into BOTK replies.

Written for OpenAI-compatible servers too: fields they leave out (``usage``,
``delta``, ``choices``, call ids, ``index``) are tolerated, not required.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from botk_adapters.openai.chat_calls import StreamedCalls, arguments_text, finished_calls, is_function
from botk_adapters.openai.chat_mapping import usage_from
from botk_core.domain import Passage, Usage
from botk_core.errors import UpstreamError
from botk_core.model import GatewayEvent, ModelReply, ReplyDone, TextDelta


def reply_from(completion: Any, passages: list[Passage]) -> ModelReply:
    """A ModelReply from a ``ChatCompletion``; grounding passages become its citations."""
    if not completion.choices or completion.choices[0].message is None:
        raise UpstreamError("The model provider sent an answer without choices")
    message = completion.choices[0].message
    calls = finished_calls([_wire_call(call) for call in message.tool_calls or [] if is_function(call)])
    citations = tuple(p.citation() for p in passages)
    return ModelReply(message.content or "", calls, tuple(citations) or None, usage_from(completion.usage))


def _wire_call(call: Any) -> dict[str, str]:
    function = call.function
    if function is None:
        return {"id": call.id or "", "name": "", "arguments": ""}
    return {"id": call.id or "", "name": function.name or "", "arguments": arguments_text(function.arguments)}


def gateway_events(chunks: Any, passages: list[Passage]) -> Iterator[GatewayEvent]:
    """Text deltas as they come, then the whole reply with tool calls put together."""
    texts: list[str] = []
    calls = StreamedCalls()
    usage = Usage()
    for chunk in chunks:
        if chunk.usage is not None:
            usage = usage_from(chunk.usage)
        for choice in chunk.choices or []:
            delta = choice.delta
            if delta is None:  # a closing chunk with only finish_reason
                continue
            if delta.content:
                texts.append(delta.content)
                yield TextDelta(delta.content)
            for fragment in delta.tool_calls or []:
                calls.add(fragment)
    citations = tuple(p.citation() for p in passages)
    yield ReplyDone(ModelReply("".join(texts), calls.finished(), tuple(citations) or None, usage))
