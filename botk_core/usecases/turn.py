"""The tool loop of one chat turn, shared by the plain and streaming forms."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import attrs

from botk_core.domain import AssistantProfile, Citation, Message, ToolRun, Usage
from botk_core.model import (
    ChatItem,
    InputItem,
    ModelReply,
    ModelRequest,
    ReplyDone,
    TextDelta,
    ToolOutput,
    collect_reply,
)
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


TurnEvent = TextDelta | ToolRun | TurnOutcome


def history_items(messages: list[Message]) -> list[InputItem]:
    """The model's view of past messages: their texts, failed turns left out."""
    return [ChatItem(m.role, m.content) for m in messages if m.status != "failed"]


class TurnRunner:
    """Calls the gateway and the tools until the model gives a final text."""

    def __init__(self, gateway: AssistantGateway, tools: ToolRegistry, max_rounds: int = 5) -> None:
        self._gateway = gateway
        self._tools = tools
        self._max_rounds = max_rounds

    def events(
        self, profile: AssistantProfile, thread_id: str, items: list[InputItem], *, stream: bool = False
    ) -> Iterator[TurnEvent]:
        """Yield text deltas and tool runs as they happen, then the outcome."""
        specs = self._tools.specs(profile.tool_names)
        runs: list[ToolRun] = []
        usage = Usage()
        for round_number in range(self._max_rounds + 1):
            # The last round offers no tools, so the model has to answer.
            tools = specs if round_number < self._max_rounds else ()
            request = ModelRequest(profile.instructions, tuple(items), tools, profile.vector_store_id)
            reply = yield from self._step(request, stream)
            usage += reply.usage
            if not reply.tool_calls or not tools:
                yield TurnOutcome(reply.text or NO_ANSWER, _citations(reply, runs), tuple(runs), usage)
                return
            # All calls of a step first, then their outputs: Chat Completions
            # wants parallel calls grouped in one assistant message.
            items += reply.tool_calls
            for call in reply.tool_calls:
                run = self._tools.run(call, ToolContext(thread_id))
                runs.append(run)
                items.append(ToolOutput(call.call_id, call.name, run.output))
                yield run

    def _step(self, request: ModelRequest, stream: bool) -> Generator[TextDelta, None, ModelReply]:
        if not stream:
            return collect_reply(self._gateway.stream(request))
        for event in self._gateway.stream(request):
            if isinstance(event, ReplyDone):
                return event.reply
            yield event
        raise RuntimeError("gateway stream ended without ReplyDone")


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
