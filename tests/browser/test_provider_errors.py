"""The chat page with a model behind it (a fake OpenAI-compatible server): streaming, stop, errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.adapters.fake_openai import FakeOpenAI, error, text, tool_calls
from tests.browser.conftest import BotkServer, ask, botk_serve, stored_history

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as upstream:
        yield upstream


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI) -> Iterator[BotkServer]:
    """``botk serve`` on the Chat Completions gateway, pointed at the fake server, no SDK retries."""
    with botk_serve(
        tmp_path_factory.mktemp("botk-model"),
        BOTK_GATEWAY="openai-chat",
        OPENAI_BASE_URL=fake.base_url,
        BOTK_MODEL="llama3.1",
        BOTK_OPENAI_MAX_RETRIES="0",
    ) as running:
        yield running


def test_a_provider_error_gets_a_spanish_message_and_retry_does_not_repeat_the_question(
    page: Page, server: BotkServer, fake: FakeOpenAI
) -> None:
    fake.script_chat(error(500), text("El nivel medio del estanque es **1,5 m**."))
    page.goto("/")
    page.fill("#question", "¿Cómo está el estanque?")
    page.press("#question", "Enter")

    problem = page.locator(".msg.bot .notice")
    expect(problem).to_contain_text("No se pudo contactar al servicio que redacta las respuestas")
    expect(page.locator(".msg.bot .body")).to_be_empty()
    problem.get_by_role("button", name="Reintentar").click()

    expect(page.locator(".msg.bot .body")).to_have_text("El nivel medio del estanque es 1,5 m.")
    expect(page.locator(".msg.bot .notice")).to_have_count(0)
    stored = stored_history(server, page)
    assert [(m["role"], m["content"][0]["text"]["value"]) for m in stored] == [
        ("user", "¿Cómo está el estanque?"),
        ("assistant", "El nivel medio del estanque es **1,5 m**."),
    ]
    page.reload()
    expect(page.locator(".msg.user")).to_have_count(1)


def test_the_answer_shows_while_it_is_written_and_a_stopped_one_is_marked_incomplete(
    page: Page, fake: FakeOpenAI
) -> None:
    hold = threading.Event()
    fake.script_chat(text("Primera parte de la respuesta y después todo el resto.", hold=hold))
    page.goto("/")
    page.fill("#question", "hola")
    page.press("#question", "Enter")

    answer = page.locator(".msg.bot")
    expect(answer.locator(".body")).to_have_text("Primera")  # the model is still writing the rest
    expect(answer).to_have_attribute("aria-busy", "true")
    expect(answer.get_by_role("button", name="Copiar respuesta")).to_have_count(0)
    page.get_by_role("button", name="Detener").click()
    expect(answer.locator(".state")).to_have_text("Detuviste la respuesta: este texto está incompleto.")
    expect(answer.get_by_role("button", name="Copiar respuesta")).to_have_count(0)
    expect(page.get_by_role("button", name="Enviar")).to_be_visible()

    hold.set()  # BOTK keeps the whole answer even though the page stopped reading
    answer.get_by_role("button", name="Ver la respuesta completa").click()
    expect(answer.locator(".body")).to_have_text("Primera parte de la respuesta y después todo el resto.")
    expect(answer.get_by_role("button", name="Copiar respuesta")).to_be_visible()


def test_tool_runs_are_told_in_plain_words(page: Page, fake: FakeOpenAI) -> None:
    fake.script_chat(tool_calls(("get_promedio", {"estacion": "Iquiuca"})), text("El nivel medio es 1,4 m."))
    page.goto("/")
    answer = ask(page, "¿Qué nivel promedio tiene Iquiuca?")

    expect(answer.locator(".tools")).to_have_text("Consulté los sensores de Iquiuca")
    page.reload()
    expect(page.locator(".msg.bot .tools")).to_have_text("Consulté los sensores")


def test_a_reload_while_the_answer_is_written_waits_for_it_instead_of_asking_again(
    page: Page, server: BotkServer, fake: FakeOpenAI
) -> None:
    hold = threading.Event()
    fake.script_chat(text("Respuesta que termina después de recargar.", hold=hold))
    page.goto("/")
    page.fill("#question", "¿Sigue ahí?")
    page.press("#question", "Enter")
    expect(page.locator(".msg.bot .body")).to_have_text("Respuesta")

    page.reload()
    expect(page.locator(".msg.bot .state")).to_have_text("BOTK está preparando la respuesta…")
    hold.set()
    expect(page.locator(".msg.bot .body")).to_have_text("Respuesta que termina después de recargar.")
    assert [m["role"] for m in stored_history(server, page)] == ["user", "assistant"]


def test_a_question_that_failed_before_a_reload_is_offered_again_without_a_duplicate(
    page: Page, server: BotkServer, fake: FakeOpenAI
) -> None:
    fake.script_chat(error(503))
    page.goto("/")
    page.fill("#question", "¿Hay agua en el estanque?")
    page.press("#question", "Enter")
    expect(page.locator(".msg.bot .notice")).to_be_visible()

    page.reload()
    problem = page.locator(".msg.bot .notice")
    expect(problem).to_contain_text("Esta pregunta quedó sin respuesta.")
    fake.script_chat(text("Sí, el estanque tiene agua."))
    problem.get_by_role("button", name="Reintentar").click()
    expect(page.locator(".msg.bot .body")).to_have_text("Sí, el estanque tiene agua.")
    assert [m["role"] for m in stored_history(server, page)] == ["user", "assistant"]
    expect(page.locator(".msg.user")).to_have_count(1)
