"""SendMessage: the chat turn and its tool loop, on fakes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from botk_core.domain import ToolCall, ToolSpec
from botk_core.errors import MissingFields, PayloadTooLarge, ThreadNotFound, UpstreamTimeout
from botk_core.model import ModelReply, TextDelta, ToolOutput
from botk_core.tools import Tool, ToolContext, ToolRegistry, ToolResult, search_documents_tool
from botk_core.usecases import SendMessageInput
from botk_core.usecases.turn import NO_ANSWER
from tests.unit.builder import Core, build_core


def history(core: Core, thread_id: str) -> list[tuple[str, str, str]]:
    page = core.threads.list_messages(thread_id, limit=100)
    return [(m.role, m.content, m.status) for m in page.messages]


def test_a_turn_without_tools_stores_question_and_answer_in_order(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(text="Hola, ¿en qué ayudo?"))

    answer = core.send.execute(SendMessageInput(thread_id, "  hola  "))

    assert answer.content == "Hola, ¿en qué ayudo?"
    assert history(core, thread_id) == [
        ("user", "hola", "completed"),
        ("assistant", "Hola, ¿en qué ayudo?", "completed"),
    ]


def test_a_tool_call_is_run_and_its_output_paired_by_call_id(core: Core) -> None:
    thread_id = core.new_thread()
    call = ToolCall("call_1", "search_documents", json.dumps({"query": "luz roja"}))
    core.gateway.add(ModelReply(tool_calls=(call,)), ModelReply(text="Batería baja."))

    answer = core.send.execute(SendMessageInput(thread_id, "¿qué significa la luz roja?"))

    second = core.gateway.requests[1]
    outputs = [item for item in second.items if isinstance(item, ToolOutput)]
    assert call in second.items
    assert outputs[0].call_id == "call_1"
    assert "batería baja" in outputs[0].output
    assert [c.document for c in answer.citations] == ["guia_sensores.md"]
    assert answer.tool_runs[0].name == "search_documents" and not answer.tool_runs[0].is_error


@pytest.mark.parametrize(
    ("name", "arguments", "expected"),
    [
        ("no_such_tool", "{}", "unknown tool 'no_such_tool'"),
        ("search_documents", "{not json", "arguments are not valid JSON"),
        ("search_documents", "{}", "arguments.query is required"),
        ("search_documents", '{"query": "x", "k": 999}', "arguments.k must be <= 100"),
        ("search_documents", '{"query": 3}', "arguments.query must be of type string"),
    ],
)
def test_bad_tool_calls_become_error_outputs_for_the_model(name: str, arguments: str, expected: str) -> None:
    core = build_core()
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(tool_calls=(ToolCall("c1", name, arguments),)), ModelReply(text="Lo siento."))

    answer = core.send.execute(SendMessageInput(thread_id, "pregunta"))

    output = json.loads(answer.tool_runs[0].output)
    assert expected in output["error"]
    assert answer.content == "Lo siento."


def test_a_crashing_tool_gives_the_model_a_generic_error_not_the_exception_text() -> None:
    def explode(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        raise RuntimeError("secret internal detail")

    boom = Tool(ToolSpec("boom", "falla", {"type": "object"}), explode)
    core = build_core(ToolRegistry([boom]))
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(tool_calls=(ToolCall("c1", "boom", "{}"),)), ModelReply(text="ok"))

    answer = core.send.execute(SendMessageInput(thread_id, "hazlo"))

    assert json.loads(answer.tool_runs[0].output) == {"error": "tool 'boom' failed unexpectedly"}


def test_tools_receive_the_thread_id() -> None:
    seen: list[str] = []

    def record(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        seen.append(context.thread_id)
        return ToolResult({"ok": True})

    core = build_core(ToolRegistry([Tool(ToolSpec("rec", "r", {"type": "object"}), record)]))
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(tool_calls=(ToolCall("c1", "rec", "{}"),)), ModelReply(text="ok"))
    core.send.execute(SendMessageInput(thread_id, "x"))
    assert seen == [thread_id]


def test_the_loop_is_bounded_and_the_last_round_offers_no_tools() -> None:
    core = build_core(max_rounds=2)
    thread_id = core.new_thread()
    looping = ModelReply(tool_calls=(ToolCall("c", "search_documents", '{"query": "x"}'),))
    core.gateway.add(looping, looping, ModelReply(text=""))

    answer = core.send.execute(SendMessageInput(thread_id, "x"))

    assert [len(r.tools) > 0 for r in core.gateway.requests] == [True, True, False]
    assert answer.content == NO_ANSWER


def test_when_the_model_fails_the_question_is_kept_as_failed_and_a_retry_works(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(UpstreamTimeout("The model did not answer in time"))

    with pytest.raises(UpstreamTimeout):
        core.send.execute(SendMessageInput(thread_id, "¿cómo está el agua?"))
    assert history(core, thread_id) == [("user", "¿cómo está el agua?", "failed")]

    core.gateway.add(ModelReply(text="Bien."))
    core.send.execute(SendMessageInput(thread_id, "¿cómo está el agua?"))
    retried = core.gateway.requests[-1]
    # The failed attempt is not replayed to the model as a second question.
    assert [getattr(i, "text", None) for i in retried.items] == ["¿cómo está el agua?"]
    assert history(core, thread_id)[-1] == ("assistant", "Bien.", "completed")


@pytest.mark.parametrize("text", ["", "   ", None])
def test_an_empty_message_is_rejected_and_nothing_is_stored(core: Core, text: str | None) -> None:
    thread_id = core.new_thread()
    with pytest.raises(MissingFields, match="Missing thread_id or message"):
        core.send.execute(SendMessageInput(thread_id, text))  # type: ignore[arg-type]
    assert history(core, thread_id) == []


def test_a_too_long_message_is_rejected_and_nothing_is_stored(core: Core) -> None:
    thread_id = core.new_thread()
    with pytest.raises(PayloadTooLarge):
        core.send.execute(SendMessageInput(thread_id, "a" * 101))
    assert history(core, thread_id) == []


def test_an_unknown_thread_is_not_found(core: Core) -> None:
    with pytest.raises(ThreadNotFound):
        core.send.execute(SendMessageInput("thread_" + "0" * 32, "hola"))


def test_only_the_history_window_goes_to_the_model() -> None:
    core = build_core(window=3)
    thread_id = core.new_thread()
    for number in range(3):
        core.gateway.add(ModelReply(text=f"respuesta {number}"))
        core.send.execute(SendMessageInput(thread_id, f"pregunta {number}"))

    texts = [getattr(i, "text", None) for i in core.gateway.requests[-1].items]
    assert texts == ["pregunta 1", "respuesta 1", "pregunta 2"]


def test_streaming_yields_deltas_that_add_up_to_the_stored_answer(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(ModelReply(text="El nivel está en 1,52 m. Todo normal."))

    events = list(core.send.stream(SendMessageInput(thread_id, "nivel")))

    streamed = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert streamed == events[-1].content == "El nivel está en 1,52 m. Todo normal."


def test_search_tool_citations_carry_document_and_section() -> None:
    core = build_core()
    tool = search_documents_tool(core.documents)
    result = tool.handler({"query": "luz roja"}, ToolContext("t"))
    assert result.citations[0].document == "guia_sensores.md"
    assert result.citations[0].location == "3. Luces del sensor"


def test_parallel_tool_calls_are_replayed_grouped_then_their_outputs(core: Core) -> None:
    thread_id = core.new_thread()
    calls = (
        ToolCall("a", "search_documents", '{"query": "luz"}'),
        ToolCall("b", "search_documents", '{"query": "batería"}'),
    )
    core.gateway.add(ModelReply(tool_calls=calls), ModelReply(text="listo"))

    core.send.execute(SendMessageInput(thread_id, "luces"))

    tail = core.gateway.requests[1].items[-4:]
    assert [type(i).__name__ for i in tail] == ["ToolCall", "ToolCall", "ToolOutput", "ToolOutput"]
    assert [i.call_id for i in tail] == ["a", "b", "a", "b"]


def test_ids_with_a_trailing_newline_are_not_valid() -> None:
    from botk_core.ids import is_valid_id, new_id

    good = new_id("thread")
    assert is_valid_id(good, "thread")
    assert not is_valid_id(good + "\n", "thread")
