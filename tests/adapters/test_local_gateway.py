"""The offline gateway: routes to search, answers only from the passages it got."""

from __future__ import annotations

import json

from botk_adapters.local import LocalAssistantGateway
from botk_core.domain import ToolSpec
from botk_core.model import ChatItem, ModelRequest, ReplyDone, TextDelta, ToolOutput
from botk_core.tools.search import SEARCH_SPEC

PASSAGE = {
    "document": "guia.md",
    "document_id": "doc_1",
    "location": "2. ¿Qué hago si la luz está roja?",
    "text": "Si la luz roja parpadea, revise la batería. Luego revise el panel solar. El cielo es azul.",
    "score": 3.2,
}


def request(*items: object, tools: tuple[ToolSpec, ...] = (SEARCH_SPEC,)) -> ModelRequest:
    return ModelRequest("instrucciones", tuple(items), tools)  # type: ignore[arg-type]


def test_a_question_becomes_a_search_call_with_the_users_words() -> None:
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "¿Qué hago si la LUZ está roja?")))
    assert reply.text == ""
    (call,) = reply.tool_calls
    assert call.name == "search_documents"
    assert json.loads(call.arguments)["query"] == "¿Qué hago si la LUZ está roja?"


def test_the_answer_quotes_the_sentence_that_answers_with_document_and_section() -> None:
    output = ToolOutput("c1", "search_documents", json.dumps({"results": [PASSAGE]}))
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "luz roja parpadea"), output))
    assert reply.text.startswith("Si la luz roja parpadea, revise la batería.")
    assert "El cielo es azul" not in reply.text
    assert "guia.md" in reply.text and "2. ¿Qué hago si la luz está roja?" in reply.text
    assert reply.citations[0].document_id == "doc_1"
    assert reply.citations[0].quote in PASSAGE["text"]


def test_unrelated_passages_are_not_quoted() -> None:
    output = ToolOutput("c1", "search_documents", json.dumps({"results": [PASSAGE]}))
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "campeonato fútbol"), output))
    assert reply.text.startswith("No lo encontré: busqué «campeonato futbol»")
    assert reply.citations == ()


def test_a_tool_error_is_reported_not_hidden() -> None:
    output = ToolOutput("c1", "search_documents", json.dumps({"error": "índice no disponible"}))
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "luz"), output))
    assert "índice no disponible" in reply.text


def test_a_greeting_gets_an_introduction_without_tools() -> None:
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "Hola!")))
    assert reply.tool_calls == () and "BOTK" in reply.text


def test_without_tools_offered_it_says_it_cannot_answer() -> None:
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "luz roja"), tools=()))
    assert reply.tool_calls == () and reply.text


def test_streaming_by_sentence_adds_up_to_the_reply() -> None:
    output = ToolOutput("c1", "search_documents", json.dumps({"results": [PASSAGE]}))
    events = list(LocalAssistantGateway().stream(request(ChatItem("user", "luz roja batería"), output)))
    done = events[-1]
    assert isinstance(done, ReplyDone)
    deltas = [e.text for e in events if isinstance(e, TextDelta)]
    assert len(deltas) > 1 and "".join(deltas) == done.reply.text


def test_one_shared_word_is_not_an_answer() -> None:
    irrigation = {**PASSAGE, "text": "Las hortalizas necesitan más riego en verano.", "location": "Riego"}
    output = ToolOutput("c1", "search_documents", json.dumps({"results": [irrigation]}))
    reply = LocalAssistantGateway().reply(
        request(ChatItem("user", "¿Qué vacunas necesitan las llamas?"), output)
    )
    assert reply.text.startswith("No lo encontré")
    assert reply.citations == ()


def test_a_light_of_another_colour_is_not_an_answer() -> None:
    output = ToolOutput("c1", "search_documents", json.dumps({"results": [PASSAGE]}))
    reply = LocalAssistantGateway().reply(request(ChatItem("user", "luz violeta"), output))
    assert reply.text.startswith("No lo encontré") and reply.citations == ()
