"""The chat page on a server with ``API_HASH``: the page asks for the key once and keeps it out of URLs."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.conftest import PHONE, BotkServer, ask, axe_violations, botk_serve, stored_history

pytestmark = pytest.mark.e2e

KEY = "clave-de-prueba-7f3a"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotkServer]:
    with botk_serve(tmp_path_factory.mktemp("botk-key"), API_HASH=KEY) as running:
        yield running


@pytest.fixture
def requests_seen(page: Page) -> list[Request]:
    seen: list[Request] = []
    page.on("request", lambda request: seen.append(request))
    return seen


def test_the_page_asks_for_the_key_refuses_a_wrong_one_and_remembers_the_right_one(
    page: Page, server: BotkServer, requests_seen: list[Request]
) -> None:
    page.goto("/")
    dialog = page.locator("#key-dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#key-input")).to_be_focused()

    page.fill("#key-input", "una-clave-equivocada")
    page.keyboard.press("Enter")
    expect(page.locator("#key-error")).to_have_text("La clave no es correcta. Revísala e inténtalo de nuevo.")
    expect(dialog).to_be_visible()
    page.fill("#key-input", KEY)
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    ask(page, "¿Qué significa la luz roja del sensor?")
    page.reload()
    expect(page.locator(".msg.user")).to_have_count(1)
    expect(dialog).to_be_hidden()

    api_calls = [
        r for r in requests_seen if urlsplit(r.url).path in ("/start", "/chat/stream", "/threadHistory")
    ]
    assert {urlsplit(r.url).path for r in api_calls} == {"/start", "/chat/stream", "/threadHistory"}
    assert {r.all_headers().get("authorization") for r in api_calls} == {f"Bearer {KEY}"}
    assert not [r.url for r in requests_seen if KEY in r.url] and KEY not in page.url
    assert len(stored_history(server, page)) == 2


def test_a_key_that_stopped_working_is_asked_again_and_the_question_goes_on_once(
    page: Page, server: BotkServer
) -> None:
    page.add_init_script("localStorage.setItem('botk.key', JSON.stringify('la-clave-de-antes'))")
    page.goto("/")
    expect(page.locator("#key-dialog")).to_be_hidden()
    page.fill("#question", "¿Qué es Kuskalla?")
    page.press("#question", "Enter")

    expect(page.locator("#key-error")).to_have_text(
        "La clave guardada ya no sirve. Escribe la clave de acceso."
    )
    page.fill("#key-input", KEY)
    page.keyboard.press("Enter")
    page.locator("text=Copiar respuesta").wait_for()
    assert [m["role"] for m in stored_history(server, page)] == ["user", "assistant"]


def test_the_api_still_needs_the_key_while_the_page_itself_is_open(server: BotkServer) -> None:
    assert requests.get(server.url + "/", timeout=5).status_code == 200
    assert requests.get(server.url + "/start", timeout=5).status_code == 401
    assert requests.get(server.url + "/start", headers={"X-API-Key": KEY}, timeout=5).status_code == 200


def test_the_key_prompt_has_no_serious_accessibility_problem(browser: Browser, server: BotkServer) -> None:
    context = browser.new_context(viewport=PHONE, base_url=server.url, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto("/")
        expect(page.locator("#key-dialog")).to_be_visible()
        page.fill("#key-input", "otra-clave-mala")
        page.keyboard.press("Enter")
        expect(page.locator("#key-error")).to_contain_text("no es correcta")
        assert axe_violations(page) == []
    finally:
        context.close()
