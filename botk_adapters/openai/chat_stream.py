"""Reading a streamed Chat Completions answer into BOTK's gateway events.

Written for OpenAI-compatible servers too: fields they leave out (``usage``,
``delta``, ``choices``, call ids, ``index``) are tolerated, not required.

When is a stream a whole answer? OpenAI ends every choice with a
``finish_reason``; several compatible servers never send one, and a stream
cut by a crash or a proxy's timeout looks the same as theirs. So: with a
``finish_reason`` (any value) the answer is whole. Without one, text is kept,
as the user has already read it and such servers would be useless otherwise,
and tool calls are kept only when every call's arguments are whole JSON. A
stream with nothing in it, or with a call whose arguments stop midway, was
cut: it is an upstream failure, never an empty answer or a tool run with
half its arguments.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from botk_adapters.openai.chat_calls import StreamedCalls
from botk_adapters.openai.chat_mapping import usage_from
from botk_core.domain import Citation, Usage
from botk_core.errors import UpstreamUnavailable
from botk_core.model import GatewayEvent, ModelReply, ReplyDone, TextDelta

CUT = "The model server closed the stream before the answer was complete"


@attrs.define
class _Answer:
    """What has streamed in so far."""

    texts: list[str] = attrs.Factory(list)
    calls: StreamedCalls = attrs.Factory(StreamedCalls)
    usage: Usage = attrs.Factory(Usage)
    finished: bool = False

    def add(self, chunk: Any) -> Iterator[TextDelta]:
        if chunk.usage is not None:
            self.usage = usage_from(chunk.usage)
        for choice in chunk.choices or []:
            self.finished = self.finished or choice.finish_reason is not None
            delta = choice.delta
            if delta is None:  # a closing chunk with only finish_reason
                continue
            if delta.content:
                self.texts.append(delta.content)
                yield TextDelta(delta.content)
            for fragment in delta.tool_calls or []:
                self.calls.add(fragment)

    def is_whole(self) -> bool:
        if self.finished:
            return True
        if self.calls.started():
            return self.calls.all_whole()
        return bool(self.texts)


def gateway_events(chunks: Any, citations: tuple[Citation, ...] | None) -> Iterator[GatewayEvent]:
    """Text deltas as they come, then the whole reply with tool calls put together."""
    answer = _Answer()
    for chunk in chunks:
        yield from answer.add(chunk)
    if not answer.is_whole():
        raise UpstreamUnavailable(CUT)
    yield ReplyDone(ModelReply("".join(answer.texts), answer.calls.finished(), citations, answer.usage))
