"""Threads, messages, citations, tool calls and assistant profiles."""

from __future__ import annotations

from typing import Literal

import attrs

Role = Literal["user", "assistant"]
MessageStatus = Literal["completed", "pending", "failed"]


@attrs.frozen
class Usage:
    """Tokens a turn consumed at the model provider."""

    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cached_tokens + other.cached_tokens,
        )


@attrs.frozen
class Citation:
    """Where a piece of an answer comes from: document, location and quote."""

    document: str
    location: str = ""
    quote: str = ""
    document_id: str = ""


@attrs.frozen
class ToolCall:
    """The model asks for one tool run; ``arguments`` is the raw JSON text."""

    call_id: str
    name: str
    arguments: str


@attrs.frozen
class ToolRun:
    """One executed tool call and its JSON output, as kept on the message."""

    call_id: str
    name: str
    arguments: str
    output: str
    is_error: bool = False
    citations: tuple[Citation, ...] = ()


@attrs.frozen
class Thread:
    """A conversation owned by BOTK."""

    id: str
    assistant_id: str
    created_at: float


@attrs.frozen
class Message:
    """One stored message of a thread."""

    id: str
    thread_id: str
    role: Role
    content: str
    created_at: float
    status: MessageStatus = "completed"
    citations: tuple[Citation, ...] = ()
    tool_runs: tuple[ToolRun, ...] = ()
    usage: Usage | None = None
    client_message_id: str | None = None


@attrs.frozen
class MessagePage:
    """A page of messages plus whether more lie beyond it."""

    messages: tuple[Message, ...]
    has_more: bool


@attrs.frozen
class ToolSpec:
    """A tool as the model sees it: name, description and JSON schema."""

    name: str
    description: str
    parameters: dict[str, object] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class AssistantProfile:
    """BOTK's replacement for an OpenAI assistant: our own configuration."""

    id: str
    name: str
    instructions: str
    tool_names: tuple[str, ...] = ()
    vector_store_id: str | None = None
