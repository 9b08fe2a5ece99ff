"""Conversion between BOTK's model types and Chat Completions messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botk_core.domain import Passage, ToolCall, ToolSpec, Usage
from botk_core.model import ChatItem, InputItem, ModelRequest, ToolOutput

GROUNDING_HEADER = (
    "Fragmentos de los documentos de la organización que pueden servir para responder. "
    "Úsalos solo si vienen al caso y nombra el documento y la sección de donde sacas cada dato:"
)


def messages(instructions: str, items: tuple[InputItem, ...]) -> list[dict[str, Any]]:
    """The system message and the conversation, tool calls paired with their outputs."""
    converted: list[dict[str, Any]] = [{"role": "system", "content": instructions}]
    for item in items:
        if isinstance(item, ChatItem):
            converted.append({"role": item.role, "content": item.text})
        elif isinstance(item, ToolCall):
            _add_call(converted, item)
        elif isinstance(item, ToolOutput):
            converted.append({"role": "tool", "tool_call_id": item.call_id, "content": item.output})
    return converted


def _add_call(converted: list[dict[str, Any]], call: ToolCall) -> None:
    wire = {
        "id": call.call_id,
        "type": "function",
        "function": {"name": call.name, "arguments": call.arguments},
    }
    last = converted[-1]
    # Calls of one step share an assistant message until their outputs begin.
    if last["role"] == "assistant" and "tool_calls" in last:
        last["tool_calls"].append(wire)
    else:
        converted.append({"role": "assistant", "content": None, "tool_calls": [wire]})


def tools(specs: tuple[ToolSpec, ...]) -> list[dict[str, Any]]:
    return [
        {
            "type": "function",
            "function": {"name": s.name, "description": s.description, "parameters": s.parameters},
        }
        for s in specs
    ]


def grounded_messages(request: ModelRequest, passages: Sequence[Passage]) -> list[dict[str, Any]]:
    """Messages for a model without tools: the passages go into the system message."""
    instructions = request.instructions
    if passages:
        sources = "\n\n".join(_source(n, p) for n, p in enumerate(passages, start=1))
        instructions = f"{instructions}\n\n{GROUNDING_HEADER}\n\n{sources}"
    texts = tuple(item for item in request.items if isinstance(item, ChatItem))
    return messages(instructions, texts)


def _source(number: int, passage: Passage) -> str:
    where = f", {passage.location}" if passage.location else ""
    return f"[{number}] {passage.document}{where}\n{passage.text}"


def usage_from(usage: Any) -> Usage:
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", 0) or 0
    return Usage(usage.prompt_tokens or 0, usage.completion_tokens or 0, cached)
