"""OpenAIResponsesGateway with the real openai SDK against the fake server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from botk_adapters.openai import OpenAIConfig, OpenAIResponsesGateway, make_client
from botk_core.errors import UpstreamUnavailable
from botk_core.model import TextDelta
from botk_core.usecases import SendMessageInput
from tests.adapters.fake_openai import Cite, FakeOpenAI, Reply, text, tool_calls
from tests.adapters.fake_openai_streams import responses_payload
from tests.adapters.openai_harness import LEVEL_SPEC, ChatHarness, one_document, search_and_level_tools


def Chat(fake: FakeOpenAI, vector_store_id: str | None = None) -> ChatHarness:
    """SendMessage wired on the Responses gateway, a real registry and in-memory threads."""
    config = OpenAIConfig(api_key="sk-test", base_url=fake.base_url, timeout=5, max_retries=0)
    gateway = OpenAIResponsesGateway(make_client(config), "gpt-4o")
    documents = one_document("guia.docx", "La luz roja indica batería baja.", "3. Luces")
    tools = search_and_level_tools(documents)
    return ChatHarness(gateway, tools, vector_store_id=vector_store_id, history_window=4)


def test_a_turn_without_tools_costs_one_request_with_the_exact_payload(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(text("Hola, ¿en qué te ayudo?", usage=(120, 8, 100)))

    answer = chat.ask("Hola")

    [body] = fake.bodies("/v1/responses")
    assert body["model"] == "gpt-4o"
    assert body["store"] is False
    assert body["stream"] is True
    assert body["instructions"].startswith("Eres BOTK")
    assert body["input"] == [{"type": "message", "role": "user", "content": "Hola"}]
    assert [t["name"] for t in body["tools"]] == ["search_documents", "get_promedio"]
    assert body["tools"][1] == {
        "type": "function",
        "name": "get_promedio",
        "description": "Promedios de una estación.",
        "parameters": LEVEL_SPEC.parameters,
        "strict": False,
    }
    assert "include" not in body
    assert answer.content == "Hola, ¿en qué te ayudo?"
    assert (answer.usage.input_tokens, answer.usage.output_tokens, answer.usage.cached_tokens) == (
        120,
        8,
        100,
    )


def test_a_turn_with_one_tool_costs_two_requests_and_pairs_the_call_id(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(
        tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("El nivel medio es 1,52 m.")
    )

    answer = chat.ask("¿Nivel de Iquiuca?")

    _first, second = fake.bodies("/v1/responses")
    call, output = second["input"][1:]
    assert call["type"] == "function_call" and call["name"] == "get_promedio"
    assert json.loads(call["arguments"]) == {"estacion": "Iquiuca"}
    assert output == {
        "type": "function_call_output",
        "call_id": call["call_id"],
        "output": json.dumps({"estacion": "Iquiuca", "promedio": {"nivel": 1.52}}),
    }
    assert answer.content == "El nivel medio es 1,52 m."
    assert [run.call_id for run in answer.tool_runs] == [call["call_id"]]
    assert answer.usage.input_tokens == 20


def test_parallel_tool_calls_are_all_answered_in_the_next_request(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(
        tool_calls(("get_promedio", {"estacion": "Iquiuca"}), ("search_documents", {"query": "luz roja"})),
        text("Listo."),
    )

    answer = chat.ask("Nivel y luz roja")

    second = fake.bodies("/v1/responses")[1]
    calls = [i["call_id"] for i in second["input"] if i["type"] == "function_call"]
    outputs = [i["call_id"] for i in second["input"] if i["type"] == "function_call_output"]
    assert len(set(calls)) == 2 and outputs == calls
    assert len(fake.bodies("/v1/responses")) == 2
    assert answer.citations[0].document == "guia.docx"


def test_a_multi_step_loop_replays_every_earlier_call_and_output(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(
        tool_calls(("search_documents", {"query": "luz roja"})),
        tool_calls(("get_promedio", {"estacion": "Iquiuca"})),
        text("Batería baja y nivel 1,52 m."),
    )

    answer = chat.ask("¿Qué pasa con el sensor?")

    third = fake.bodies("/v1/responses")[2]
    kinds = [(i["type"], i.get("name")) for i in third["input"]]
    assert kinds == [
        ("message", None),
        ("function_call", "search_documents"),
        ("function_call_output", None),
        ("function_call", "get_promedio"),
        ("function_call_output", None),
    ]
    assert [r.name for r in answer.tool_runs] == ["search_documents", "get_promedio"]


def test_history_goes_back_as_input_items_in_order(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(text("Uno."), text("Dos."))

    chat.ask("Primera")
    chat.ask("Segunda")

    second = fake.bodies("/v1/responses")[1]
    assert [(i["role"], i["content"]) for i in second["input"]] == [
        ("user", "Primera"),
        ("assistant", "Uno."),
        ("user", "Segunda"),
    ]


def test_file_search_citations_become_botk_citations_with_quotes(fake: FakeOpenAI) -> None:
    chat = Chat(fake, vector_store_id="vs_macaya")
    cite = Cite("plan_maestro.docx", "El estanque Cau-Cau abastece al sector alto.", "file_1")
    fake.script_responses(text("Según el plan maestro, Cau-Cau abastece el sector alto.", cites=[cite]))

    answer = chat.ask("¿Qué abastece Cau-Cau?")

    [body] = fake.bodies("/v1/responses")
    assert body["tools"][-1] == {"type": "file_search", "vector_store_ids": ["vs_macaya"]}
    assert body["include"] == ["file_search_call.results"]
    [citation] = answer.citations
    assert (citation.document, citation.quote) == (
        "plan_maestro.docx",
        "El estanque Cau-Cau abastece al sector alto.",
    )


def test_streaming_yields_deltas_then_stores_the_same_text(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(
        tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("El nivel es 1,52 m hoy.")
    )

    events = list(chat.send.stream(SendMessageInput(chat.thread_id, "nivel")))

    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert len(deltas) > 1
    assert "".join(deltas) == events[-1].content == "El nivel es 1,52 m hoy."
    assert all(body["stream"] is True for body in fake.bodies("/v1/responses"))
    assert len(fake.bodies("/v1/responses")) == 2


def _delta(piece: str) -> dict[str, Any]:
    return {
        "type": "response.output_text.delta",
        "sequence_number": 1,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "delta": piece,
        "logprobs": [],
    }


def _ended(kind: str, reply: Reply, **response: Any) -> dict[str, Any]:
    """The event that ends a stream, carrying the whole response."""
    whole = responses_payload(reply, {"model": "gpt-4o"}) | response
    return {"type": kind, "sequence_number": 2, "response": whole}


def test_an_answer_cut_by_the_output_token_limit_is_kept(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    cut = text("La respuesta se cortó en la mit")
    incomplete = _ended("response.incomplete", cut, status="incomplete")
    fake.script_responses(Reply(raw=[_delta(cut.text), incomplete]))

    answer = chat.ask("Cuéntame todo")

    assert answer.content == "La respuesta se cortó en la mit"
    assert chat.statuses() == [("user", "completed"), ("assistant", "completed")]


def test_a_response_marked_failed_is_an_upstream_error_not_an_empty_answer(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    failure = {"code": "server_error", "message": "The model failed"}
    fake.script_responses(Reply(raw=[_delta("Empiezo"), _ended("response.failed", text(""), error=failure)]))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("Hola")

    assert chat.statuses() == [("user", "failed")]


def test_a_stream_closed_before_the_response_completed_is_an_upstream_error(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(Reply(raw=[_delta("Empiezo a responder")]))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("Hola")

    assert chat.statuses() == [("user", "failed")]
