"""The tool loop of one chat turn: model steps and tool runs until a final text."""

from __future__ import annotations

from collections.abc import Generator, Sequence

import attrs

from botk_core.domain import AssistantProfile, Citation, Message, ToolRun, Usage
from botk_core.model import ChatItem, InputItem, ModelReply, ModelRequest, ReplyDone, TextDelta, ToolOutput
from botk_core.ports import AssistantGateway
from botk_core.tools import ToolContext, ToolRegistry

# Said when the model keeps calling tools past the round limit and then
# still returns no text: better an honest sentence than an empty answer.
NO_ANSWER = "No pude completar una respuesta con la información disponible. Intenta reformular la pregunta."


@attrs.frozen
class TurnOutcome:
    """What a finished turn produced, before it is stored."""

    text: str
    citations: tuple[Citation, ...]
    tool_runs: tuple[ToolRun, ...]
    usage: Usage


# What a running turn tells as it goes: pieces of text and the tools it ran.
TurnEvent = TextDelta | ToolRun


def history_items(messages: Sequence[Message]) -> list[InputItem]:
    """The model's view of past messages: their texts."""
    return [ChatItem(m.role, m.content) for m in messages]


class TurnRunner:
    """Calls the gateway and the tools until the model gives a final text."""

    def __init__(self, gateway: AssistantGateway, tools: ToolRegistry, max_rounds: int = 5) -> None:
        self._gateway = gateway
        self._tools = tools
        self._max_rounds = max_rounds

    def run(
        self, profile: AssistantProfile, thread_id: str, items: list[InputItem]
    ) -> Generator[TurnEvent, None, TurnOutcome]:
        """Yield text deltas and tool runs as they happen; return the outcome."""
        specs = self._tools.specs(profile.tool_names)
        runs: list[ToolRun] = []
        usage = Usage()
        rounds = 0
        while True:
            # The last round offers no tools, so the model has to answer.
            tools = specs if rounds < self._max_rounds else ()
            request = ModelRequest(profile.instructions, tuple(items), tools, profile.vector_store_id)
            reply = yield from self._step(request)
            usage += reply.usage
            if not reply.tool_calls or not tools:
                return TurnOutcome(reply.text or NO_ANSWER, _citations(reply, runs), tuple(runs), usage)
            # All calls of a step first, then their outputs: Chat Completions
            # wants parallel calls grouped in one assistant message.
            items += reply.tool_calls
            for call in reply.tool_calls:
                run = self._tools.run(call, ToolContext(thread_id))
                runs.append(run)
                items.append(ToolOutput(call.call_id, call.name, run.output))
                yield run
            rounds += 1

    def _step(self, request: ModelRequest) -> Generator[TextDelta, None, ModelReply]:
        for event in self._gateway.stream(request):
            if isinstance(event, ReplyDone):
                return event.reply
            yield event
        raise RuntimeError("the gateway's stream ended without its reply")


def _citations(reply: ModelReply, runs: list[ToolRun]) -> tuple[Citation, ...]:
    """The model's own citations, else the sources its tools returned."""
    if reply.citations is not None:
        found = reply.citations
    else:
        found = tuple(c for run in runs if not run.is_error for c in run.citations)
    unique: dict[tuple[str, str, str], Citation] = {}
    for citation in found:
        unique.setdefault((citation.document, citation.location, citation.quote), citation)
    return tuple(unique.values())
