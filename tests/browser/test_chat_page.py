"""The chat page in Chromium at phone size, against the offline assistant."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import (
    PHONE,
    BotkServer,
    ask,
    axe_violations,
    no_sideways_scroll,
    stored_history,
)

pytestmark = pytest.mark.e2e

ZAFIRO = "¿Cada cuánto se limpia el estanque Zafiro?"
LIGHT = "¿Qué significa la luz roja del sensor?"
CONVERSATION_SHARE = """() => {
    const log = document.getElementById('log');
    const bar = document.getElementById('bar');
    const pinned = getComputedStyle(bar).position === 'sticky';
    return (log.clientHeight - (pinned ? bar.offsetHeight : 0)) / window.innerHeight;
}"""


def test_an_answer_comes_with_its_sources_and_a_tapped_source_shows_its_quote(page: Page) -> None:
    page.goto("/")
    answer = ask(page, ZAFIRO)

    expect(answer.locator(".tools")).to_contain_text("Busqué en los documentos")
    expect(answer.locator(".body strong").first).to_have_text("cada tres meses")
    expect(page.locator("#announcer")).to_contain_text("Respuesta de BOTK:")
    chip = answer.locator(".chip", has_text="prueba_formato.md")
    expect(chip).to_contain_text("Mantención del estanque Zafiro")
    chip.click()
    dialog = page.locator("#source-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2")).to_have_text("prueba_formato.md")
    expect(dialog.locator(".quote")).to_contain_text("El estanque Zafiro se limpia **cada tres meses**")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(chip).to_be_focused()


def test_markup_in_documents_and_questions_is_shown_as_text_never_run(page: Page) -> None:
    page.goto("/")
    answer = ask(page, ZAFIRO)
    ask(page, '<img src=x onerror="window.pwned=2"> <b>hola</b>')

    expect(answer.locator(".body")).to_contain_text('<img src=x onerror="window.pwned=1">')
    expect(page.locator(".msg.user").last).to_have_text('<img src=x onerror="window.pwned=2"> <b>hola</b>')
    assert page.locator("#messages img, #messages b").count() == 0
    assert page.evaluate("window.pwned") is None
    # The policy forbids inline script: a script element the page did not ship never runs.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.inline = 1';"
        " document.body.append(s); }"
    )
    assert page.evaluate("window.inline") is None
    policy = page.request.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_a_reload_shows_the_conversation_and_earlier_ones_stay_on_the_device(page: Page) -> None:
    page.goto("/")
    first = ask(page, LIGHT).locator(".body").inner_text()
    page.reload()

    expect(page.locator(".msg.user")).to_have_text([LIGHT])
    expect(page.locator(".msg.bot .chip").first).to_be_visible()
    assert page.locator(".msg.bot .body").inner_text() == first

    page.get_by_role("button", name="Nueva conversación").click()
    expect(page.locator(".msg")).to_have_count(0)
    expect(page.locator("#welcome")).to_be_visible()
    ask(page, ZAFIRO)
    page.get_by_role("button", name="Anteriores").click()
    listed = page.locator("#thread-list .btn")
    expect(listed).to_have_count(2)
    listed.filter(has_text=LIGHT).click()
    expect(page.locator(".msg.user")).to_have_text([LIGHT])


def test_a_cut_connection_shows_the_stored_answer_not_the_half_received(
    page: Page, server: BotkServer
) -> None:
    def cut_after_first_piece(route: Route) -> None:
        whole = route.fetch().text()  # BOTK answers and stores the whole turn
        first = whole.split("\n\n")[0] + "\n\n"
        route.fulfill(status=200, headers={"Content-Type": "text/event-stream"}, body=first)

    page.route("**/chat/stream", cut_after_first_piece)
    page.goto("/")
    answer = ask(page, LIGHT)

    stored = stored_history(server, page)
    assert [m["role"] for m in stored] == ["user", "assistant"]
    shown = answer.locator(".body").inner_text()
    assert _words(shown) == _words(stored[1]["content"][0]["text"]["value"])
    expect(answer.locator(".chip").first).to_be_visible()


def test_the_page_fits_a_phone_at_normal_and_double_text_size(page: Page) -> None:
    page.goto("/")
    ask(page, LIGHT)
    assert no_sideways_scroll(page)
    assert page.eval_on_selector("#question", "node => parseFloat(getComputedStyle(node).fontSize)") >= 16

    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert no_sideways_scroll(page)
    box = page.locator("#question").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    page.set_viewport_size({"width": 360, "height": 640})
    assert no_sideways_scroll(page)
    # The bar and the input leave most of the screen to the conversation even with large text.
    assert page.evaluate(CONVERSATION_SHARE) >= 0.5
    small_targets = page.evaluate(
        """() => [...document.querySelectorAll('button:not([hidden])')]
            .filter((b) => b.offsetParent !== null && b.getBoundingClientRect().height < 44)
            .map((b) => b.textContent)"""
    )
    assert small_targets == []


def test_keyboard_alone_reaches_the_input_asks_and_opens_a_source(page: Page) -> None:
    page.goto("/")
    names = []
    for _ in range(6):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    assert names[0] == "new-thread" and names.index("question") < names.index("send")

    page.focus("#question")
    page.keyboard.type(LIGHT)
    page.keyboard.press("Enter")
    page.locator("text=Copiar respuesta").wait_for()
    page.locator(".chip").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#source-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#source-dialog")).to_be_hidden()


def test_the_copy_button_copies_the_answer(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/")
    answer = ask(page, LIGHT)

    answer.get_by_role("button", name="Copiar respuesta").click()
    expect(answer.get_by_role("button", name="Copiada")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert _words(copied) == _words(answer.locator(".body").inner_text())


def test_axe_finds_no_serious_accessibility_problem(browser: Browser, server: BotkServer) -> None:
    # Only here the policy is bypassed, so that axe (an inline script) can be injected.
    context = browser.new_context(viewport=PHONE, base_url=server.url, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto("/")
        assert axe_violations(page) == []
        ask(page, ZAFIRO)
        assert axe_violations(page) == []
        page.locator(".chip").first.click()
        assert axe_violations(page) == []
    finally:
        context.close()


def _words(text: str) -> list[str]:
    """The words of a text, whatever the line breaks and list markers the page adds."""
    return re.findall(r"\w+", text.replace("- ", " "))
