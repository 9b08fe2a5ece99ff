"""The README's picture of the chat page: Chromium at phone size after one question (``make screenshot``)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import PHONE, ask, botk_serve, chromium

QUESTION = "¿Qué hago si la luz del sensor está roja?"


def take(out: Path) -> None:
    """Start ``botk serve`` on the sample documents, ask, and save the phone-sized screenshot."""
    with (
        tempfile.TemporaryDirectory(prefix="botk-shot-") as tmp,
        botk_serve(Path(tmp)) as server,
        chromium() as browser,
    ):
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, base_url=server.url, locale="es-CL"
        )
        page = context.new_page()
        page.goto("/")
        ask(page, QUESTION)
        page.evaluate("document.getElementById('log').scrollTop = 1e6")  # the sources and the copy button
        page.evaluate("document.activeElement.blur()")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        context.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/pagina-chat.png")
    take(target)
    print(f"wrote {target}")
