"""Tool calls read from OpenAI-compatible servers, whose output differs from OpenAI's.

Real servers leave out call ids or repeat them (llama.cpp, LM Studio), send
arguments as a JSON object instead of a string, omit ``type``, and in streams
omit ``index`` or give every call ``index`` 0 (Ollama). BOTK pairs each tool
output with its call by id, so every call gets a unique, non-empty one.
"""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

from botk_core.domain import ToolCall

# Nine letters and digits: the only id shape Mistral's chat templates accept.
_ALPHABET = string.ascii_letters + string.digits


def new_call_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(9))


def arguments_text(value: Any) -> str:
    """The arguments as JSON text, whether the server sent a string or an object."""
    if value is None or value == "":
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _unique_ids(calls: list[dict[str, str]]) -> tuple[ToolCall, ...]:
    """ToolCalls with named functions, each with an id no other call of the step has."""
    seen: set[str] = set()
    result: list[ToolCall] = []
    for call in calls:
        if not call["name"]:
            continue
        call_id = call["id"]
        if not call_id or call_id in seen:
            call_id = new_call_id()
        seen.add(call_id)
        result.append(ToolCall(call_id, call["name"], call["arguments"] or "{}"))
    return tuple(result)


class StreamedCalls:
    """Puts streamed tool-call fragments together into whole calls."""

    def __init__(self) -> None:
        self._calls: list[dict[str, str]] = []
        self._slots: dict[int, int] = {}

    def add(self, fragment: Any) -> None:
        call = self._call_for(fragment)
        if fragment.id:
            call["id"] = fragment.id
        function = fragment.function
        if function is not None:
            call["name"] = function.name or call["name"]
            call["arguments"] += arguments_text(function.arguments)

    def finished(self) -> tuple[ToolCall, ...]:
        return _unique_ids(self._calls)

    def started(self) -> bool:
        return bool(self._calls)

    def all_whole(self) -> bool:
        """Whether every call has its name and arguments that are whole JSON."""
        return all(call["name"] and _is_complete_json(call["arguments"]) for call in self._calls)

    def _call_for(self, fragment: Any) -> dict[str, str]:
        index = fragment.index
        slot = self._slots.get(index) if index is not None else (len(self._calls) - 1)
        if slot is None or slot < 0 or self._starts_another(self._calls[slot], fragment):
            self._calls.append({"id": "", "name": "", "arguments": ""})
            slot = len(self._calls) - 1
        if index is not None:
            self._slots[index] = slot
        return self._calls[slot]

    @staticmethod
    def _starts_another(call: dict[str, str], fragment: Any) -> bool:
        """Whether a fragment at an already used index is in fact a new call.

        OpenAI sends a call's id and name once, in its first fragment; a
        different id, or a name after a call whose arguments are complete,
        starts another.
        """
        if fragment.id and call["id"] and fragment.id != call["id"]:
            return True
        name = fragment.function.name if fragment.function is not None else None
        return bool(name and call["name"] and not fragment.id and _is_complete_json(call["arguments"]))


def _is_complete_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
