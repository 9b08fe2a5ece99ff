"""Upstream failures become BOTK errors a client can act on; the user's message is kept."""

from __future__ import annotations

import pytest

from botk_adapters.openai import OpenAIConfig, OpenAIResponsesGateway, make_client
from botk_core.errors import (
    ContextTooLong,
    UpstreamAuthError,
    UpstreamRateLimited,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from botk_core.tools import ToolRegistry
from botk_core.usecases import (
    SendMessageInput,
)
from tests.adapters.fake_openai import FakeOpenAI, error, text
from tests.adapters.openai_harness import ChatHarness


class Chat(ChatHarness):
    """The Responses gateway with no tools; ``ask`` gives the answer's text."""

    def __init__(self, fake: FakeOpenAI, *, timeout: float = 5, retries: int = 0) -> None:
        config = OpenAIConfig(api_key="sk-test", base_url=fake.base_url, timeout=timeout, max_retries=retries)
        super().__init__(
            OpenAIResponsesGateway(make_client(config), "gpt-4o"), ToolRegistry(), history_window=4
        )

    def ask(self, question: str) -> str:  # type: ignore[override]
        return super().ask(question).content


def test_a_rejected_key_names_the_variable_to_fix_and_keeps_the_question(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(error(401, "invalid_api_key", "Incorrect API key provided: sk-tes*"))

    with pytest.raises(UpstreamAuthError) as raised:
        chat.ask("Hola")

    assert "OPEN_AI_API_KEY" in raised.value.message
    assert "sk-tes" not in raised.value.message
    assert chat.statuses() == [("user", "failed")]


def test_rate_limiting_carries_the_providers_retry_after(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(error(429, "rate_limit_exceeded", headers={"Retry-After": "7"}))

    with pytest.raises(UpstreamRateLimited) as raised:
        chat.ask("Hola")

    assert raised.value.retry_after == 7


def test_a_server_error_means_the_provider_is_unavailable(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(error(500, "server_error"))

    with pytest.raises(UpstreamUnavailable):
        chat.ask("Hola")


def test_a_server_error_is_retried_when_retries_are_configured(fake: FakeOpenAI) -> None:
    chat = Chat(fake, retries=1)
    fake.script_responses(error(503, "server_error", headers={"retry-after-ms": "1"}), text("Ahora sí."))

    assert chat.ask("Hola") == "Ahora sí."
    assert len(fake.bodies("/v1/responses")) == 2


def test_a_slow_provider_is_a_timeout(fake: FakeOpenAI) -> None:
    chat = Chat(fake, timeout=0.2)
    fake.script_responses(text("tarde", delay=1.0))

    with pytest.raises(UpstreamTimeout):
        chat.ask("Hola")


def test_a_stream_refused_at_the_start_raises_the_same_errors(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    fake.script_responses(error(401, "invalid_api_key"))

    with pytest.raises(UpstreamAuthError):
        list(chat.send.stream(SendMessageInput(chat.thread_id, "Hola")))

    assert chat.statuses() == [("user", "failed")]


def _two_earlier_exchanges(chat: Chat, fake: FakeOpenAI) -> None:
    fake.script_responses(text("Uno."), text("Dos."))
    chat.ask("Primera")
    chat.ask("Segunda")


def test_context_too_long_is_retried_once_with_a_shorter_history(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    _two_earlier_exchanges(chat, fake)
    fake.script_responses(
        error(400, "context_length_exceeded", "Your input exceeds the context window"), text("Ok.")
    )

    assert chat.ask("Tercera") == "Ok."

    full, shorter = fake.bodies("/v1/responses")[2:]
    assert [i["content"] for i in full["input"]] == ["Uno.", "Segunda", "Dos.", "Tercera"]
    assert [i["content"] for i in shorter["input"]] == ["Segunda", "Dos.", "Tercera"]


def test_context_too_long_twice_is_a_clear_client_error(fake: FakeOpenAI) -> None:
    chat = Chat(fake)
    _two_earlier_exchanges(chat, fake)
    overflow = error(400, "context_length_exceeded", "Your input exceeds the context window")
    fake.script_responses(overflow, overflow)

    with pytest.raises(ContextTooLong) as raised:
        chat.ask("Tercera")

    assert raised.value.code == "context_too_long"
    assert len(fake.bodies("/v1/responses")) == 4


def test_a_response_marked_failed_is_an_upstream_error_not_an_empty_answer() -> None:
    from types import SimpleNamespace

    from botk_adapters.openai.responses_mapping import reply_from
    from botk_core.errors import UpstreamUnavailable

    with pytest.raises(UpstreamUnavailable):
        reply_from(SimpleNamespace(status="failed", output=[], usage=None))
