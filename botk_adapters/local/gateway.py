"""LocalAssistantGateway: the offline, deterministic default that needs no model."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from botk_adapters.local.answer_tools import TOOL_WRITERS
from botk_adapters.local.answers import answer_question, not_found, summary, write_error
from botk_adapters.local.data_turns import DataRouter, DataTurn, RouteContext
from botk_adapters.local.followup import understand
from botk_adapters.local.question import Question, read_question
from botk_adapters.local.reply import Answer, Writer
from botk_adapters.local.routing import Route, pick_route, search_route
from botk_adapters.local.searching import search_arguments
from botk_adapters.local.section_reading import (
    Section,
    answer_in_section,
    last_sources,
    section_for,
    section_search,
)
from botk_adapters.local.smalltalk import GREETING, small_talk_reply
from botk_adapters.local.text import as_typed
from botk_adapters.local.thread_text import analysed, earlier_user_texts
from botk_adapters.local.understood import Understood
from botk_core.domain import ToolCall
from botk_core.ids import new_id
from botk_core.model import GatewayEvent, ModelReply, ModelRequest, ReplyDone, TextDelta, ToolOutput
from botk_core.tools.search import SEARCH_DOCUMENTS, SearchOutput

__all__ = ["GREETING", "LocalAssistantGateway"]

_SENTENCE = re.compile(r"((?<=[.!?:»)])\s+|\n)")


class LocalAssistantGateway:
    """Reads the thread, routes the (completed) question to a tool, then answers from its output.

    It never invents content: every answer is built from tool outputs, and a
    follow-up says which question it understood.
    """

    name = "local"
    model = "botk-local"

    def __init__(
        self,
        routes: list[Route] | None = None,
        writers: dict[str, Writer] | None = None,
        stations: Callable[[], RouteContext] | None = None,
    ) -> None:
        # Data questions go to the data tools first; ``routes`` serve the rest (by default, search).
        self._routes = routes if routes is not None else [search_route()]
        self._writers = {**TOOL_WRITERS, **(writers or {})}
        self._data = DataRouter(stations)

    def reply(self, request: ModelRequest) -> ModelReply:
        asked = analysed(request.last_user_text())
        outputs = request.tool_outputs_since_user()
        if not outputs:
            chat = small_talk_reply(asked)
            if chat is not None:
                return ModelReply(text=chat)
        earlier = earlier_user_texts(request)
        if outputs and all(o.name != SEARCH_DOCUMENTS for o in outputs):
            return self._answer_data(outputs, self._data.turn(earlier, asked), asked)
        if not outputs:
            data = self._data.turn(earlier, asked, {spec.name for spec in request.tools})
            if data is not None and data.tool is None:
                return ModelReply(text=data.text or "")
            if data is not None and data.tool is not None:
                return ModelReply(tool_calls=(_tool_call(data.tool, data.arguments),))
        understood = understand(self._data.document_history(earlier), asked)
        if outputs:
            thread = understood.question.followup or understood.alone is not None
            prefer = last_sources(request) if thread else ()
            section = section_for(request, understood)
            answer = self._answer(outputs, understood, asked, prefer, section)
            return ModelReply(text=answer.text, citations=answer.citations)
        return self._call(request, understood, asked)

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        """The same reply, streamed sentence by sentence."""
        reply = self.reply(request)
        parts = [*_SENTENCE.split(reply.text), ""]
        # split() with a group alternates text and separator; rejoin each pair.
        for piece, separator in zip(parts[::2], parts[1::2], strict=False):
            if piece or separator:
                yield TextDelta(piece + separator)
        yield ReplyDone(reply)

    def _call(self, request: ModelRequest, understood: Understood, asked: str) -> ModelReply:
        question = understood.question
        text = question.text if question.followup else asked
        chosen = pick_route(self._routes, text, {spec.name for spec in request.tools})
        if chosen is None:
            return ModelReply(text="No tengo herramientas disponibles para responder eso sin un modelo.")
        tool, arguments = chosen
        if tool != SEARCH_DOCUMENTS:
            return ModelReply(tool_calls=(_tool_call(tool, arguments),))
        calls = [_tool_call(tool, search_arguments(q, asked)) for q in understood.readings()]
        section = section_for(request, understood)
        if section is not None:
            calls.append(_tool_call(tool, section_search(asked, section)))
        return ModelReply(tool_calls=tuple(calls))

    def _answer(
        self,
        outputs: tuple[ToolOutput, ...],
        understood: Understood,
        asked: str,
        prefer: tuple[str, ...],
        section: Section | None = None,
    ) -> Answer:
        searches = [o for o in outputs if o.name == SEARCH_DOCUMENTS]
        others = [self._write(o.name, o.output, asked) for o in outputs if o.name != SEARCH_DOCUMENTS]
        if others and understood.question.followup:
            # A data tool reached through the thread ("¿y en Mamiña?" after the weather) says so too.
            others[0] = Answer(
                f"Entendí: {_heard(understood, understood.question, asked)}.\n{others[0].text}",
                others[0].citations,
            )
        answered = [self._answer_search(searches, understood, asked, prefer, section)] if searches else []
        parts = [*others, *answered]
        return Answer("\n\n".join(p.text for p in parts), tuple(c for p in parts for c in p.citations))

    def _answer_data(self, outputs: tuple[ToolOutput, ...], data: DataTurn | None, asked: str) -> ModelReply:
        """The data tools' answers; a follow-up first says the question it understood."""
        parts = [self._write(o.name, o.output, asked) for o in outputs]
        text = "\n\n".join(p.text for p in parts)
        if data is not None and data.heard:
            text = f"Entendí: {data.heard}.\n{text}"
        return ModelReply(text=text, citations=tuple(c for p in parts for c in p.citations))

    def _answer_search(
        self,
        outputs: list[ToolOutput],
        understood: Understood,
        asked: str,
        prefer: tuple[str, ...],
        section: Section | None = None,
    ) -> Answer:
        first: Answer | None = None
        # Each output read once: the readings' searches, then the section's (if the turn has one).
        parsed = (_parsed(o.output) for o in outputs)
        found = [p if isinstance(p, Answer) else SearchOutput.from_json(p).results for p in parsed]
        for question, results in zip(understood.readings(), found, strict=False):
            if isinstance(results, Answer):
                return results  # a search the tool could not run
            answer = answer_question(question, results, asked, prefer)
            if question.followup and answer.found:
                answer = Answer(
                    f"Entendí: {_heard(understood, question, asked)}.\n{answer.text}", answer.citations
                )
            if answer.found:
                return answer
            first = first or answer
        if section is not None:
            own = understood.alone or read_question(asked)
            searched = [r for r in found if not isinstance(r, Answer)]
            inside = answer_in_section(own, section, searched, understood.question)
            if inside is not None:
                heard = f"«{asked.strip()}», sobre «{section.heading}»"
                return Answer(f"Entendí: {heard}.\n{inside.text}", inside.citations)
        if first is None:
            return not_found(understood.question, asked)
        if understood.question.followup:
            heard = _heard(understood, understood.question, asked, found=False)
            return Answer(f"Entendí: {heard}.\n{first.text}", (), found=False)
        return first

    def _write(self, tool: str, raw_output: str, asked: str) -> Answer:
        parsed = _parsed(raw_output, tool)
        if isinstance(parsed, Answer):
            return parsed
        writer = self._writers.get(tool)
        if writer is None:
            return Answer(f"Resultado de {tool}: {raw_output}")
        return writer(parsed, asked)


def _heard(understood: Understood, question: Question, asked: str, found: bool = True) -> str:
    """The understood question in a few words, with the accents the user typed."""
    return as_typed(summary(question, asked, found), list(understood.said))


def _parsed(raw_output: str, tool: str = SEARCH_DOCUMENTS) -> Mapping[str, Any] | Answer:
    try:
        output = json.loads(raw_output)
    except json.JSONDecodeError:
        return Answer(f"La herramienta {tool} devolvió una respuesta que no pude leer.", found=False)
    if not isinstance(output, dict):
        return Answer(f"La herramienta {tool} devolvió una respuesta que no pude leer.", found=False)
    if "error" in output:
        return write_error(tool, output)
    return output


def _tool_call(tool: str, arguments: Mapping[str, Any]) -> ToolCall:
    return ToolCall(new_id("call"), tool, json.dumps(dict(arguments), ensure_ascii=False))
