"""What goes to an AssistantGateway and what comes back: one model step."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from botk_core.domain import Citation, ToolCall, ToolSpec, Usage


@attrs.frozen
class ChatItem:
    """A user or assistant text in the model's input."""

    role: str
    text: str


@attrs.frozen
class ToolOutput:
    """The JSON output of a tool call, paired with it by ``call_id``."""

    call_id: str
    name: str
    output: str


# A ToolCall in the input is the model's own earlier request, replayed.
InputItem = ChatItem | ToolCall | ToolOutput


@attrs.frozen
class ModelRequest:
    """Everything one model step needs."""

    instructions: str
    items: tuple[InputItem, ...]
    tools: tuple[ToolSpec, ...] = ()
    vector_store_id: str | None = None

    def last_user_text(self) -> str:
        for item in reversed(self.items):
            if isinstance(item, ChatItem) and item.role == "user":
                return item.text
        return ""

    def tool_outputs_since_user(self) -> tuple[ToolOutput, ...]:
        """The tool outputs produced after the last user message."""
        found: list[ToolOutput] = []
        for item in reversed(self.items):
            if isinstance(item, ChatItem) and item.role == "user":
                break
            if isinstance(item, ToolOutput):
                found.append(item)
        return tuple(reversed(found))


@attrs.frozen
class ModelReply:
    """One model step's result: a final text, tool calls, or both."""

    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    # None: the gateway does not cite, so the sources its tools returned are used;
    # a tuple (even empty) is the gateway's own, final choice of sources.
    citations: tuple[Citation, ...] | None = None
    usage: Usage = attrs.field(factory=Usage)


@attrs.frozen
class TextDelta:
    """A piece of the answer's text, as it streams."""

    text: str


@attrs.frozen
class ReplyDone:
    """The end of a streamed model step, with the whole reply."""

    reply: ModelReply


GatewayEvent = TextDelta | ReplyDone


def collect_reply(events: Iterable[GatewayEvent]) -> ModelReply:
    """The whole reply of a streamed model step (what its ``ReplyDone`` carries)."""
    for event in events:
        if isinstance(event, ReplyDone):
            return event.reply
    raise RuntimeError("the gateway's stream ended without its reply")
