"""OpenAIChatGateway (OpenAI-compatible servers) with the real SDK against the fake server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from botk_adapters.openai import OpenAIChatGateway, OpenAIConfig, make_client
from botk_core.errors import UpstreamAuthError
from botk_core.model import TextDelta
from botk_core.usecases import SendMessageInput
from tests.adapters.fake_openai import FakeOpenAI, error, text, tool_calls
from tests.adapters.openai_harness import LEVEL_SPEC, ChatHarness, one_document, search_and_level_tools

NO_TOOLS = "registry.ollama.ai/library/gemma:2b does not support tools"


def Chat(fake: FakeOpenAI, tools_mode: Any = "auto") -> ChatHarness:
    """SendMessage wired on the Chat Completions gateway."""
    client = make_client(OpenAIConfig(api_key="ollama", base_url=fake.base_url, timeout=5, max_retries=0))
    documents = one_document(
        "guia_sensores.docx",
        "La luz roja del sensor indica batería baja. Revise el panel solar.",
        "3. Luces del sensor",
    )
    gateway = OpenAIChatGateway(client, "llama3.1", documents=documents, tools_mode=tools_mode)
    return ChatHarness(gateway, search_and_level_tools(documents))


def test_a_turn_without_tools_costs_one_request_with_chat_format_tools(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(text("Hola.", usage=(50, 3, 10)))

    answer = chat.ask("Hola")

    [body] = fake.bodies("/v1/chat/completions")
    assert body["model"] == "llama3.1"
    assert (body["stream"], body["stream_options"]) == (True, {"include_usage": True})
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["messages"][0]["content"].startswith("Eres BOTK")
    assert body["tools"][1] == {
        "type": "function",
        "function": {
            "name": "get_promedio",
            "description": "Promedios de una estación.",
            "parameters": LEVEL_SPEC.parameters,
        },
    }
    assert answer.content == "Hola."
    assert (answer.usage.input_tokens, answer.usage.output_tokens, answer.usage.cached_tokens) == (50, 3, 10)


def test_a_tool_turn_costs_two_requests_with_the_call_answered_by_id(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("Nivel medio 1,52 m."))

    answer = chat.ask("¿Nivel?")

    second = fake.bodies("/v1/chat/completions")[1]
    assistant, tool = second["messages"][2:]
    [call] = assistant["tool_calls"]
    assert call["function"] == {"name": "get_promedio", "arguments": json.dumps({"estacion": "Iquiuca"})}
    assert tool == {
        "role": "tool",
        "tool_call_id": call["id"],
        "content": json.dumps({"estacion": "Iquiuca", "promedio": {"nivel": 1.52}}),
    }
    assert answer.content == "Nivel medio 1,52 m."
    assert len(fake.bodies("/v1/chat/completions")) == 2


def test_parallel_calls_each_get_their_tool_message_after_the_call(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(
        tool_calls(("get_promedio", {"estacion": "Iquiuca"}), ("search_documents", {"query": "luz roja"})),
        text("Listo."),
    )

    answer = chat.ask("Nivel y luz roja")

    messages = fake.bodies("/v1/chat/completions")[1]["messages"]
    announced: list[str] = []
    for message in messages:
        announced += [c["id"] for c in message.get("tool_calls") or []]
        if message["role"] == "tool":
            assert message["tool_call_id"] in announced
    assert len([m for m in messages if m["role"] == "tool"]) == 2
    assert answer.citations[0].document == "guia_sensores.docx"


def test_a_multi_step_loop_replays_every_earlier_call_and_output(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(
        tool_calls(("search_documents", {"query": "luz roja"})),
        tool_calls(("get_promedio", {"estacion": "Iquiuca"})),
        text("Batería baja y nivel 1,52 m."),
    )

    answer = chat.ask("¿Qué pasa con el sensor?")

    third = fake.bodies("/v1/chat/completions")[2]["messages"]
    shape = [(m["role"], [c["function"]["name"] for c in m.get("tool_calls") or []]) for m in third]
    assert shape == [
        ("system", []),
        ("user", []),
        ("assistant", ["search_documents"]),
        ("tool", []),
        ("assistant", ["get_promedio"]),
        ("tool", []),
    ]
    assert [third[3]["tool_call_id"], third[5]["tool_call_id"]] == [
        third[2]["tool_calls"][0]["id"],
        third[4]["tool_calls"][0]["id"],
    ]
    assert [r.name for r in answer.tool_runs] == ["search_documents", "get_promedio"]
    assert answer.content == "Batería baja y nivel 1,52 m."


def test_streaming_puts_fragmented_tool_arguments_together(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(
        tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("El nivel es 1,52 m.", usage=(9, 4, 0))
    )

    events = list(chat.send.stream(SendMessageInput(chat.thread_id, "nivel")))

    answer = events[-1]
    assert (
        "".join(e.text for e in events if isinstance(e, TextDelta)) == answer.content == "El nivel es 1,52 m."
    )
    assert json.loads(answer.tool_runs[0].arguments) == {"estacion": "Iquiuca"}
    assert answer.tool_runs[0].is_error is False
    assert all(b["stream_options"] == {"include_usage": True} for b in fake.bodies("/v1/chat/completions"))
    assert answer.usage.input_tokens == 19


def test_without_tools_the_passages_ground_the_answer_and_become_its_citations(fake: FakeOpenAI) -> None:
    chat = Chat(fake, tools_mode="none")
    fake.script_chat(text("La luz roja indica batería baja (guia_sensores.docx, 3. Luces del sensor)."))

    answer = chat.ask("¿Qué significa la luz roja del sensor?")

    [body] = fake.bodies("/v1/chat/completions")
    assert "tools" not in body
    system = body["messages"][0]["content"]
    assert "[1] guia_sensores.docx, 3. Luces del sensor" in system
    assert "La luz roja del sensor indica batería baja." in system
    [citation] = answer.citations
    assert (citation.document, citation.location) == ("guia_sensores.docx", "3. Luces del sensor")


def test_a_server_without_tool_support_is_detected_once_and_grounding_takes_over(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(error(400, None, NO_TOOLS), text("Batería baja."), text("De nada."))

    first = chat.ask("¿Qué significa la luz roja del sensor?")
    chat.ask("Gracias")

    refused, grounded, later = fake.bodies("/v1/chat/completions")
    assert "tools" in refused and "tools" not in grounded and "tools" not in later
    assert first.content == "Batería baja."
    assert first.citations[0].document == "guia_sensores.docx"
    assert chat.gateway.uses_tools is False


def test_grounded_streaming_answers_with_citations(fake: FakeOpenAI) -> None:
    chat = Chat(fake, tools_mode="none")
    fake.script_chat(text("Revise el panel solar."))

    events = list(chat.send.stream(SendMessageInput(chat.thread_id, "luz roja del sensor")))

    assert events[-1].content == "Revise el panel solar."
    assert events[-1].citations[0].quote.startswith("La luz roja")


def test_a_rejected_key_is_an_auth_error(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_chat(error(401, "invalid_api_key"))

    with pytest.raises(UpstreamAuthError):
        chat.ask("Hola")
