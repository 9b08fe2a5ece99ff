"""The tool registry: looks tools up, validates arguments, runs them safely."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from botk_core.domain import Citation, ToolCall, ToolRun, ToolSpec
from botk_core.errors import BotkError
from botk_core.tools.schema import validate

log = logging.getLogger(__name__)


@attrs.frozen
class ToolContext:
    """What a tool may know about the turn that calls it."""

    thread_id: str


@attrs.frozen
class ToolResult:
    """A tool's output plus the sources it used.

    ``output`` is a JSON-serialisable mapping or an attrs instance (a typed
    result), which becomes JSON here, at the registry's edge.
    """

    output: Mapping[str, Any] | attrs.AttrsInstance
    citations: tuple[Citation, ...] = ()


Handler = Callable[[Mapping[str, Any], ToolContext], ToolResult]


@attrs.frozen
class Tool:
    """A tool: its spec for the model and the handler that runs it."""

    spec: ToolSpec
    handler: Handler


class ToolRegistry:
    """The tools of an assistant, by name."""

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools = {tool.spec.name: tool for tool in tools}

    def specs(self, names: Iterable[str] | None = None) -> tuple[ToolSpec, ...]:
        """The specs of the named tools (all when ``names`` is None)."""
        wanted = self._tools if names is None else [n for n in names if n in self._tools]
        return tuple(self._tools[name].spec for name in wanted)

    def run(self, call: ToolCall, context: ToolContext) -> ToolRun:
        """Run one call; every failure becomes an ``{"error": ...}`` output."""
        tool = self._tools.get(call.name)
        if tool is None:
            return _error_run(call, f"unknown tool '{call.name}'")
        try:
            arguments = json.loads(call.arguments or "{}")
        except json.JSONDecodeError:
            return _error_run(call, "arguments are not valid JSON")
        problems = validate(arguments, tool.spec.parameters)
        if problems:
            return _error_run(call, "invalid arguments: " + "; ".join(problems))
        try:
            result = tool.handler(arguments, context)
        except BotkError as error:
            return _error_run(call, error.message)
        except Exception:
            # The model gets a generic error; the traceback stays in our logs.
            log.exception("tool %s failed", call.name)
            return _error_run(call, f"tool '{call.name}' failed unexpectedly")
        output = json.dumps(_plain(result.output), ensure_ascii=False)
        return ToolRun(call.call_id, call.name, call.arguments, output, False, result.citations)


def _plain(output: Mapping[str, Any] | attrs.AttrsInstance) -> object:
    """A typed result as plain JSON data (tuples become lists); a mapping as it is."""
    return output if isinstance(output, Mapping) else attrs.asdict(output)


def _error_run(call: ToolCall, message: str) -> ToolRun:
    output = json.dumps({"error": message}, ensure_ascii=False)
    return ToolRun(call.call_id, call.name, call.arguments, output, is_error=True)
