"""Conversion between BOTK's model types and Responses API items."""

from __future__ import annotations

from typing import Any

from botk_core.domain import Citation, ToolCall, ToolSpec, Usage
from botk_core.model import ChatItem, InputItem, ModelReply, ModelRequest, ToolOutput

# Quote length kept from a file_search result, like the local store's citations.
QUOTE_CHARS = 300


def input_items(items: tuple[InputItem, ...]) -> list[dict[str, Any]]:
    """Responses input items: messages, replayed function calls and their outputs."""
    converted: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, ChatItem):
            converted.append({"type": "message", "role": item.role, "content": item.text})
        elif isinstance(item, ToolCall):
            converted.append(
                {
                    "type": "function_call",
                    "call_id": item.call_id,
                    "name": item.name,
                    "arguments": item.arguments,
                }
            )
        elif isinstance(item, ToolOutput):
            converted.append({"type": "function_call_output", "call_id": item.call_id, "output": item.output})
    return converted


def tools(request: ModelRequest) -> list[dict[str, Any]]:
    """Flat function tools, plus hosted file_search when a vector store is set."""
    converted: list[dict[str, Any]] = [function_tool(spec) for spec in request.tools]
    if request.vector_store_id:
        converted.append({"type": "file_search", "vector_store_ids": [request.vector_store_id]})
    return converted


def function_tool(spec: ToolSpec) -> dict[str, Any]:
    # strict=False: BOTK's schemas have optional parameters, which strict mode forbids.
    return {
        "type": "function",
        "name": spec.name,
        "description": spec.description,
        "parameters": spec.parameters,
        "strict": False,
    }


def reply_from(response: Any) -> ModelReply:
    """A ModelReply from the SDK ``Response`` a stream ends with: text, tool calls, citations, usage."""
    texts: list[str] = []
    calls: list[ToolCall] = []
    annotations: list[Any] = []
    quotes: dict[str, str] = {}
    for item in response.output or []:
        if item.type == "message":
            for part in item.content:
                if part.type == "output_text":
                    texts.append(part.text)
                    annotations += part.annotations or []
        elif item.type == "function_call":
            calls.append(ToolCall(item.call_id, item.name, item.arguments or "{}"))
        elif item.type == "file_search_call":
            for result in item.results or []:
                quotes.setdefault(result.file_id or "", (result.text or "")[:QUOTE_CHARS])
    citations = _citations(annotations, quotes)
    return ModelReply("".join(texts), tuple(calls), tuple(citations) or None, usage_from(response.usage))


def _citations(annotations: list[Any], quotes: dict[str, str]) -> tuple[Citation, ...]:
    found: dict[str, Citation] = {}
    for note in annotations:
        if note.type == "file_citation" and note.file_id not in found:
            found[note.file_id] = Citation(note.filename, "", quotes.get(note.file_id, ""), note.file_id)
    return tuple(found.values())


def usage_from(usage: Any) -> Usage:
    if usage is None:
        return Usage()
    details = getattr(usage, "input_tokens_details", None)
    cached = getattr(details, "cached_tokens", 0) or 0
    return Usage(usage.input_tokens or 0, usage.output_tokens or 0, cached)
