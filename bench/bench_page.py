"""Chat page: time from opening ``/`` to a usable input, on a slow rural connection.

Debian's Chromium (driven by Playwright, never a downloaded browser) opens the
page served by BOTK on gunicorn, with Chromium's network emulation
(``Network.emulateNetworkConditions``: 400 kbit/s each way, 400 ms round trip).
The page marks ``botk:ready`` when its input is enabled and wired; the figure
is that mark's time from the start of the navigation. Cold: an empty cache
(a first visit); warm: a reload, when the versioned files come from the cache.

Run alone: ``python bench/bench_page.py [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from common import Section, at_most, not_measured, section_main
from wsgi_fake import Server, botk_options

CHROMIUM = Path(os.environ.get("BOTK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARGS.append("--disable-component-update")
KBIT = 400
RTT_MS = 400
TARGET = f"page usable < 2 s at {KBIT} kbit/s, {RTT_MS} ms RTT (cold, median)"
THROTTLE = {
    "offline": False,
    "latency": RTT_MS,
    "downloadThroughput": KBIT * 1000 / 8,
    "uploadThroughput": KBIT * 1000 / 8,
}
READY = "body[data-ready]"  # a selector: waiting on a script would need 'unsafe-eval'
FIGURES = """() => ({
    ready: performance.getEntriesByName('botk:ready')[0].startTime,
    bytes: performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
        .reduce((sum, entry) => sum + entry.transferSize, 0),
})"""


def load(page: Any, url: str, reload: bool = False) -> dict[str, float]:
    """Open (or reload) the page; seconds to the ready mark and bytes transferred."""
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    figures: dict[str, float] = page.evaluate(FIGURES)
    return {"ready": figures["ready"] / 1000, "bytes": figures["bytes"]}


def measure(runs: int) -> dict[str, list[dict[str, float]]]:
    """``runs`` cold loads, each in a fresh browser context, each followed by a warm reload."""
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    cold, warm = [], []
    with (
        tempfile.TemporaryDirectory(prefix="botk-bench-page-") as tmp,
        Server(botk_options()[0], "latency:0", Path(tmp) / "b.sqlite3") as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            context.new_cdp_session(page).send("Network.emulateNetworkConditions", THROTTLE)
            cold.append(load(page, server.url + "/"))
            warm.append(load(page, server.url + "/", reload=True))
            context.close()
        browser.close()
    return {"cold": cold, "warm": warm}


def run(quick: bool = False) -> Section:
    section = Section(f"7. Chat page: first render to a usable input ({KBIT} kbit/s, {RTT_MS} ms RTT)")
    if not CHROMIUM.exists():
        section.targets.append(not_measured(TARGET, f"{CHROMIUM} is missing (apt-get install chromium)"))
        return section
    loads = measure(1 if quick else 5)
    median = {kind: statistics.median(x["ready"] for x in runs) for kind, runs in loads.items()}
    slowest = {kind: max(x["ready"] for x in runs) for kind, runs in loads.items()}
    kilobytes = {kind: statistics.median(x["bytes"] for x in runs) / 1000 for kind, runs in loads.items()}
    section.lines += [
        f"Debian's Chromium headless, 390x844, Chromium network emulation ({KBIT} kbit/s each way, "
        f"{RTT_MS} ms latency per request); BOTK on gunicorn (deploy/gunicorn.conf.py) over 127.0.0.1. "
        f"{len(loads['cold'])} cold loads (fresh context, empty cache), each followed by a reload. Time from "
        "the start of the navigation to the page's `botk:ready` mark (input enabled and wired).",
        "",
        "| load | median s | slowest s | transferred KB |",
        "|---|---|---|---|",
        *(
            f"| {kind} | {median[kind]:.2f} | {slowest[kind]:.2f} | {kilobytes[kind]:.1f} |"
            for kind in ("cold", "warm")
        ),
        "",
        "Script and styles go gzipped and, under their versioned URLs, are cached for a year: a reload "
        "only fetches the HTML.",
    ]
    section.targets.append(at_most(TARGET, median["cold"], 2.0, " s"))
    section.data = {"median": median, "slowest": slowest, "kilobytes": kilobytes}
    return section


if __name__ == "__main__":
    section_main(run, __doc__ or "")
