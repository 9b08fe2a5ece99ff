"""The chat gateway's ladder of request variants, row by row, against a refusing fake server.

The fake refuses as real compatible servers do (``fake.refuses``): tools,
``stream_options``, or messages over a context size. Each row is checked on
its own, then combined, then with the BOTK_CHAT_TOOLS modes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from botk_adapters.memory import InMemoryDocumentStore
from botk_adapters.openai import (
    CapabilityBook,
    OpenAIChatGateway,
    OpenAIConfig,
    ServerCapabilities,
    make_client,
)
from botk_core.domain import Chunk, DocumentInfo, Usage
from botk_core.errors import ContextTooLong, UpstreamError
from botk_core.model import ChatItem, ModelReply, ModelRequest, collect_reply
from tests.adapters.fake_openai import FakeOpenAI, Refusals, text
from tests.adapters.openai_harness import LEVEL_SPEC

QUESTION = "¿Qué significa la luz roja del sensor?"
NO_TOOLS = "registry.ollama.ai/library/gemma:2b does not support tools"
# Each passage is about 900 characters: two fit in 2800, four do not.
TWO_PASSAGES = 2800


def manual(sections: int) -> InMemoryDocumentStore:
    """A manual whose sections all answer QUESTION, the first best."""
    documents = InMemoryDocumentStore()
    chunks = [
        Chunk(f"La luz roja del sensor indica batería baja (caso {n}). " + "detalle " * 100, f"{n}. Luces")
        for n in range(1, sections + 1)
    ]
    documents.put(DocumentInfo("d1", "guia_sensores.docx", "h"), chunks)
    return documents


def gateway(
    fake: FakeOpenAI, mode: Any = "auto", documents: Any = None, book: CapabilityBook | None = None
) -> OpenAIChatGateway:
    client = make_client(OpenAIConfig(api_key="x", base_url=fake.base_url, timeout=5, max_retries=0))
    return OpenAIChatGateway(client, "llama3.1", documents=documents, tools_mode=mode, capabilities=book)


def request(*texts: str) -> ModelRequest:
    """A step offering a tool; the texts alternate user and assistant and end with the question."""
    items = tuple(ChatItem("assistant" if n % 2 else "user", t) for n, t in enumerate(texts))
    return ModelRequest("Responde en español.", items, (LEVEL_SPEC,))


def ask(gw: OpenAIChatGateway, step: ModelRequest) -> ModelReply:
    return collect_reply(gw.stream(step))


def sent(body: dict[str, Any]) -> int:
    """How many grounding passages a request carries."""
    return len(re.findall(r"^\[\d+\] guia_sensores", body["messages"][0]["content"], re.MULTILINE))


def shape(body: dict[str, Any]) -> tuple[bool, bool, int, int]:
    """Tools sent, stream_options sent, passages, messages."""
    return "tools" in body, "stream_options" in body, sent(body), len(body["messages"])


def test_the_full_request_is_one_streamed_request_with_tools_and_usage(fake: FakeOpenAI) -> None:
    gw = gateway(fake, documents=manual(2))
    fake.script_chat(text("Hola.", usage=(7, 2, 0)))

    reply = ask(gw, request("Hola"))

    [body] = fake.bodies("/v1/chat/completions")
    assert body["stream"] is True and shape(body) == (True, True, 0, 2)
    assert (reply.text, reply.usage.input_tokens, reply.citations) == ("Hola.", 7, None)
    assert gw.capabilities == ServerCapabilities()


def test_without_stream_options_is_learned_once_and_keeps_the_tools(fake: FakeOpenAI) -> None:
    fake.refuses.stream_options = True
    gw = gateway(fake)

    first = ask(gw, request("Hola"))
    ask(gw, request("Chao"))

    shapes = [shape(b) for b in fake.bodies("/v1/chat/completions")]
    assert shapes == [(True, True, 0, 2), (True, False, 0, 2), (True, False, 0, 2)]
    assert first.text and first.usage == Usage()
    assert gw.capabilities == ServerCapabilities(stream_usage=False)


def test_without_tools_grounds_on_passages_and_is_learned_once(fake: FakeOpenAI) -> None:
    fake.refuses.tools = NO_TOOLS
    gw = gateway(fake, documents=manual(2))
    fake.script_chat(text("Batería baja."), text("Sí, batería."))

    first = ask(gw, request(QUESTION))
    ask(gw, request(QUESTION))

    shapes = [shape(b) for b in fake.bodies("/v1/chat/completions")]
    assert shapes == [(True, True, 0, 2), (False, True, 2, 2), (False, True, 2, 2)]
    assert first.text == "Batería baja."
    assert [c.location for c in first.citations or ()] == ["1. Luces", "2. Luces"]
    assert (gw.capabilities, gw.uses_tools) == (ServerCapabilities(tools=False), False)


def test_fewer_passages_are_sent_until_they_fit_and_the_budget_is_learned(fake: FakeOpenAI) -> None:
    fake.refuses.context_chars = TWO_PASSAGES
    gw = gateway(fake, mode="none", documents=manual(4))
    fake.script_chat(text("Revise la batería."), text("Otra vez."))

    reply = ask(gw, request(QUESTION))
    ask(gw, request(QUESTION))

    assert [sent(b) for b in fake.bodies("/v1/chat/completions")] == [4, 2, 2]
    assert [c.location for c in reply.citations or ()] == ["1. Luces", "2. Luces"]
    assert gw.capabilities.passage_budget == 2


LONG = "palabra " * 150


def test_a_shorter_history_is_tried_once_and_not_learned(fake: FakeOpenAI) -> None:
    fake.refuses.context_chars = 3000
    gw = gateway(fake)
    conversation = request(LONG, LONG, LONG, LONG, "¿Y ahora?")

    ask(gw, conversation)
    ask(gw, conversation)

    # system + five messages overflow; system + the question and the two before it fit.
    assert [len(b["messages"]) for b in fake.bodies("/v1/chat/completions")] == [6, 4, 6, 4]
    assert gw.capabilities == ServerCapabilities()


def test_a_conversation_that_never_fits_tries_passages_then_history_then_is_too_long(
    fake: FakeOpenAI,
) -> None:
    fake.refuses.context_chars = 10
    gw = gateway(fake, mode="none", documents=manual(1))

    with pytest.raises(ContextTooLong):
        ask(gw, request("Primera", "Uno.", "Segunda", "Dos.", QUESTION))

    shapes = [shape(b) for b in fake.bodies("/v1/chat/completions")]
    assert shapes == [(False, True, 1, 6), (False, True, 0, 6), (False, True, 0, 4)]
    assert gw.capabilities == ServerCapabilities()


def test_a_long_conversation_that_left_no_room_keeps_one_passage_in_the_budget(fake: FakeOpenAI) -> None:
    fake.refuses.context_chars = 4500
    gw = gateway(fake, mode="none", documents=manual(1))

    ask(gw, request(LONG, LONG, LONG, "Uno.", QUESTION))
    ask(gw, request(QUESTION))

    assert [sent(b) for b in fake.bodies("/v1/chat/completions")] == [1, 0, 1]
    assert gw.capabilities.passage_budget == 1


def test_a_context_too_small_for_any_passage_is_learned_from_a_short_conversation(fake: FakeOpenAI) -> None:
    fake.refuses.context_chars = 400
    gw = gateway(fake, mode="none", documents=manual(1))

    ask(gw, request(QUESTION))
    ask(gw, request(QUESTION))

    assert [sent(b) for b in fake.bodies("/v1/chat/completions")] == [1, 0, 0]
    assert gw.capabilities.passage_budget == 0


def test_the_rows_combine_in_order_and_the_next_turn_costs_one_request(fake: FakeOpenAI) -> None:
    fake.refuses = Refusals(tools=NO_TOOLS, stream_options=True, context_chars=TWO_PASSAGES)
    gw = gateway(fake, documents=manual(4))
    fake.script_chat(text("Batería baja."), text("Sí."))

    assert ask(gw, request(QUESTION)).text == "Batería baja."
    assert ask(gw, request(QUESTION)).text == "Sí."

    shapes = [shape(b)[:3] for b in fake.bodies("/v1/chat/completions")]
    assert shapes == [
        (True, True, 0),
        (False, True, 4),
        (False, False, 4),
        (False, False, 2),
        (False, False, 2),
    ]
    assert gw.capabilities == ServerCapabilities(tools=False, stream_usage=False, passage_budget=2)


def test_tools_mode_never_gives_up_the_tools(fake: FakeOpenAI) -> None:
    fake.refuses.tools = NO_TOOLS
    gw = gateway(fake, mode="tools", documents=manual(2))

    for _ in range(2):
        with pytest.raises(UpstreamError) as raised:
            ask(gw, request(QUESTION))
        assert "BOTK_CHAT_TOOLS" in raised.value.message

    assert [shape(b)[0] for b in fake.bodies("/v1/chat/completions")] == [True, True]
    assert gw.capabilities.tools is True


def test_none_mode_never_sends_tools(fake: FakeOpenAI) -> None:
    gw = gateway(fake, mode="none", documents=manual(1))

    ask(gw, request(QUESTION))

    [body] = fake.bodies("/v1/chat/completions")
    assert shape(body) == (False, True, 1, 2)
