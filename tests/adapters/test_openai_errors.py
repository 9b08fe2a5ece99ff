"""Upstream failures become BOTK errors a client can act on; the user's message is kept.

Every test runs on both gateways: the Responses API and Chat Completions.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from botk_adapters.openai import OpenAIChatGateway, OpenAIConfig, OpenAIResponsesGateway, make_client
from botk_core.errors import (
    ContextTooLong,
    UpstreamAuthError,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from botk_core.tools import ToolRegistry
from botk_core.usecases import SendMessageInput
from tests.adapters.fake_openai import FakeOpenAI, Reply, error, text
from tests.adapters.openai_harness import ChatHarness

PATHS = {"responses": "/v1/responses", "chat": "/v1/chat/completions"}


class Chat(ChatHarness):
    """One gateway with no tools; ``ask`` gives the answer's text."""

    def __init__(self, fake: FakeOpenAI, kind: str, *, timeout: float = 5, retries: int = 0) -> None:
        config = OpenAIConfig(api_key="sk-test", base_url=fake.base_url, timeout=timeout, max_retries=retries)
        client = make_client(config)
        gateway: Any = OpenAIResponsesGateway(client, "gpt-4o")
        if kind == "chat":
            gateway = OpenAIChatGateway(client, "llama3.1")
        super().__init__(gateway, ToolRegistry(), history_window=4)
        self.fake, self.kind = fake, kind

    def ask(self, question: str) -> str:  # type: ignore[override]
        return super().ask(question).content

    def script(self, *replies: Reply) -> None:
        self.fake.scripts[self.kind].extend(replies)

    def bodies(self) -> list[Any]:
        return self.fake.bodies(PATHS[self.kind])

    def texts(self, body: dict[str, Any]) -> list[str]:
        """The conversation's texts in a request body, without the instructions."""
        if self.kind == "responses":
            return [item["content"] for item in body["input"]]
        return [message["content"] for message in body["messages"][1:]]


@pytest.fixture(params=sorted(PATHS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_rejected_key_names_the_variable_to_fix_and_keeps_the_question(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    chat.script(error(401, "invalid_api_key", "Incorrect API key provided: sk-tes*"))

    with pytest.raises(UpstreamAuthError) as raised:
        chat.ask("Hola")

    assert "OPEN_AI_API_KEY" in raised.value.message
    assert "sk-tes" not in raised.value.message
    assert chat.statuses() == [("user", "failed")]


def test_rate_limiting_carries_the_providers_retry_after(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    chat.script(error(429, "rate_limit_exceeded", headers={"Retry-After": "7"}))

    with pytest.raises(UpstreamRateLimited) as raised:
        chat.ask("Hola")

    assert raised.value.retry_after == 7


def test_a_server_error_means_the_provider_is_unavailable(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    chat.script(error(500, "server_error"))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("Hola")


def test_a_server_error_is_retried_when_retries_are_configured(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind, retries=1)
    chat.script(error(503, "server_error", headers={"retry-after-ms": "1"}), text("Ahora sí."))

    assert chat.ask("Hola") == "Ahora sí."
    assert len(chat.bodies()) == 2


def test_a_slow_provider_is_a_timeout(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind, timeout=0.2)
    chat.script(text("tarde", delay=1.0))

    with pytest.raises(UpstreamTimeout):
        chat.ask("Hola")


def test_a_provider_that_stalls_in_the_middle_of_the_answer_is_a_timeout(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind, timeout=0.3)
    stalled = threading.Event()
    chat.script(text("Empieza y después se queda callado.", hold=stalled))

    try:
        with pytest.raises(UpstreamTimeout):
            chat.ask("Hola")
    finally:
        stalled.set()
    assert chat.statuses() == [("user", "failed")]


def test_a_stream_refused_at_the_start_raises_the_same_errors(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    chat.script(error(401, "invalid_api_key"))

    with pytest.raises(UpstreamAuthError):
        list(chat.send.stream(SendMessageInput(chat.thread_id, "Hola")))

    assert chat.statuses() == [("user", "failed")]


def _two_earlier_exchanges(chat: Chat) -> None:
    chat.script(text("Uno."), text("Dos."))
    chat.ask("Primera")
    chat.ask("Segunda")


OVERFLOW = error(400, "context_length_exceeded", "Your input exceeds the context window")


def test_context_too_long_is_retried_once_with_a_shorter_history(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    _two_earlier_exchanges(chat)
    chat.script(OVERFLOW, text("Ok."))

    assert chat.ask("Tercera") == "Ok."

    full, shorter = chat.bodies()[2:]
    assert chat.texts(full) == ["Uno.", "Segunda", "Dos.", "Tercera"]
    assert chat.texts(shorter) == ["Segunda", "Dos.", "Tercera"]


def test_context_too_long_twice_is_a_clear_client_error(fake: FakeOpenAI, kind: str) -> None:
    chat = Chat(fake, kind)
    _two_earlier_exchanges(chat)
    chat.script(OVERFLOW, OVERFLOW)

    with pytest.raises(ContextTooLong) as raised:
        chat.ask("Tercera")

    assert raised.value.code == "context_too_long"
    assert len(chat.bodies()) == 4
    assert chat.statuses()[-1] == ("user", "failed")
