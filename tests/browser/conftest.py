"""Debian's Chromium, driven by Playwright, against real ``botk serve`` processes on 127.0.0.1.

The browser is started once per session and every test gets a fresh context
(empty storage and cache) at phone size. Each module starts one server with
the settings it needs (``server`` fixture). Without /usr/bin/chromium these
tests fail; a developer without it may set ``BOTK_SKIP_BROWSER=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import pytest

from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, bootstrap
from tests.e2e.conftest import ROOT, free_port, wait_until_up

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

pytestmark = pytest.mark.e2e

CHROMIUM = Path(os.environ.get("BOTK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
PHONE = {"width": 390, "height": 844}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# A document whose text carries markup and formatting, as an organisation's files may.
HOSTILE_DOC = (
    "# Estanque Zafiro\n\n## Mantención del estanque Zafiro\n\n"
    'El estanque Zafiro se limpia **cada tres meses** con <img src=x onerror="window.pwned=1"> '
    "cepillo suave y agua clorada.\n"
)


@attrs.frozen
class BotkServer:
    """A running ``botk serve``: its base URL and database file."""

    url: str
    database: Path


@contextmanager
def botk_serve(workdir: Path, **env: str) -> Iterator[BotkServer]:
    """``botk serve`` on a free port with the sample documents (and one hostile document) indexed."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "botk.sqlite3"
    extra = workdir / "extra_docs"
    extra.mkdir(exist_ok=True)
    (extra / "prueba_formato.md").write_text(HOSTILE_DOC, encoding="utf-8")
    ingest = bootstrap(Settings(database_path=str(database))).document_use_cases.ingest
    for folder in (ROOT / "documentos_macaya", extra):
        ingest.execute(IngestDocumentsInput(folder))
    port = free_port()
    environment = {
        k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith(("BOTK_", "API_HASH"))
    }
    # All browser traffic comes from 127.0.0.1: the limiter runs, with room for a whole module.
    environment.update(BOTK_DATABASE=str(database), PORT=str(port), BOTK_RATE_LIMIT="100000")
    environment.update(BOTK_RATE_LIMIT_BURST="10000", BOTK_REPORTS_DIR=str(workdir / "reports"), **env)
    process = subprocess.Popen(
        [sys.executable, "-m", "botk_web.cli", "serve"],
        cwd=workdir,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield BotkServer(url, database)
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright (no browser is ever downloaded)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("BOTK_SKIP_BROWSER") == "1":
            pytest.skip("BOTK_SKIP_BROWSER=1 and no Chromium: browser tests not run")
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install chromium`")
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotkServer]:
    """The offline assistant (no model, no key): answers from the documents."""
    with botk_serve(tmp_path_factory.mktemp("botk")) as running:
        yield running


@pytest.fixture
def context(browser: Browser, server: BotkServer) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, base_url=server.url, locale="es-CL", has_touch=True)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page that fails the test on any script error."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"script errors on the page: {errors}"


def ask(page: Page, question: str) -> Any:
    """Type a question, press Enter, wait until its answer is whole; the answer's locator."""
    count = page.locator(".msg.bot").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    answer = page.locator(".msg.bot").nth(count)
    answer.locator("text=Copiar respuesta").wait_for()
    return answer


def stored_history(server: BotkServer, page: Page) -> list[dict[str, Any]]:
    """The messages BOTK stored for the page's current conversation (read with the page's key)."""
    thread_id = page.evaluate("JSON.parse(localStorage.getItem('botk.thread'))")
    key = page.evaluate("JSON.parse(localStorage.getItem('botk.key'))")
    response = page.request.get(
        f"{server.url}/threadHistory?thread_id={thread_id}",
        headers={"Authorization": f"Bearer {key}"} if key else {},
    )
    assert response.ok, response.text()
    data: list[dict[str, Any]] = json.loads(response.text())["data"]
    return data


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now (context with bypass_csp)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [v for v in result if v["impact"] in ("serious", "critical")]


def no_sideways_scroll(page: Page) -> bool:
    """Nothing is wider than the viewport: the page never scrolls sideways."""
    return bool(
        page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')].filter((node) => {
                    const box = node.getBoundingClientRect();
                    return box.width > 0 && (box.right > width + 1 || box.left < -1);
                });
                return document.documentElement.scrollWidth <= width && wide.length === 0;
            }"""
        )
    )
