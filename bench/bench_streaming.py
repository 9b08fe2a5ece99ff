"""Streaming: time to the first SSE byte of POST /chat/stream versus time to the whole answer.

The fake upstream streams a Responses answer one word at a time with a delay
before each word, and notes when it wrote the first one (the same monotonic
clock as the client here), so the gap between the upstream's first token and
BOTK's first byte to the client is measured directly.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import requests
from common import Section, at_most, ms, not_measured
from upstream import FakeUpstream
from wsgi_fake import Server, botk_options

LATENCY = 0.05
TOKEN_DELAY = 0.02
TARGET = "first SSE byte within 10 ms of the upstream's first token"


def one_turn(session: requests.Session, url: str, thread_id: str, upstream: FakeUpstream) -> dict[str, float]:
    """Seconds from the request to: first byte, first delta, whole answer; and the gap to upstream."""
    start = time.monotonic()
    first_byte = first_delta = None
    body = b""
    with session.post(
        url + "/chat/stream",
        data={"thread_id": thread_id, "message": "¿Cómo está el estanque?"},
        stream=True,
        timeout=30,
    ) as response:
        if response.status_code == 404:
            raise LookupError("POST /chat/stream is not served")
        response.raise_for_status()
        for chunk in response.iter_content(chunk_size=None):
            now = time.monotonic()
            first_byte = first_byte or now
            body += chunk
            if first_delta is None and b"event: delta" in body:
                first_delta = now
    end = time.monotonic()
    if first_byte is None or first_delta is None or b"event: done" not in body:
        raise RuntimeError("the stream ended without a delta and a done event")
    upstream_first = upstream.first_token_at[-1]
    return {
        "first_byte": first_byte - start,
        "first_delta": first_delta - start,
        "whole": end - start,
        "gap": first_byte - upstream_first,
        "upstream_first": upstream_first - start,
    }


def measure(reps: int) -> dict[str, float]:
    """Median of each figure over ``reps`` streamed turns (after one warm-up turn)."""
    with (
        FakeUpstream(LATENCY, TOKEN_DELAY) as upstream,
        tempfile.TemporaryDirectory(prefix="botk-bench-") as tmp,
        Server(botk_options()[0], f"openai:{upstream.base_url}", Path(tmp) / "b.sqlite3") as server,
    ):
        session = requests.Session()
        thread_id = session.post(server.url + "/start", timeout=10).json()["thread_id"]
        one_turn(session, server.url, thread_id, upstream)
        turns = [one_turn(session, server.url, thread_id, upstream) for _ in range(reps)]
    return {key: statistics.median(t[key] for t in turns) for key in turns[0]}


def run(quick: bool = False) -> Section:
    section = Section("4. Streaming: first SSE byte vs the whole answer")
    try:
        figures = measure(1 if quick else 7)
    except LookupError as missing:
        section.targets.append(not_measured(TARGET, str(missing)))
        return section
    section.lines += [
        f"Fake upstream: {LATENCY * 1000:.0f} ms before the response, then one word every "
        f"{TOKEN_DELAY * 1000:.0f} ms (Responses streaming events). BOTK: POST /chat/stream on gunicorn, "
        "OpenAIResponsesGateway with the real openai SDK. Median of the turns; times from sending "
        "the request.",
        "",
        "| upstream first token ms | BOTK first SSE byte ms | first delta event ms | whole answer ms | "
        "first byte - upstream first token ms |",
        "|---|---|---|---|---|",
        f"| {ms(figures['upstream_first'])} | {ms(figures['first_byte'])} | {ms(figures['first_delta'])} | "
        f"{ms(figures['whole'])} | {ms(figures['gap'])} |",
        "",
        f"The user sees text after {figures['first_byte'] / figures['whole']:.0%} of the time the whole "
        "answer takes (with /chat, and with API BOTK, nothing shows until the end).",
    ]
    section.targets.append(at_most(TARGET, figures["gap"] * 1000, 10.0, " ms"))
    section.data = figures
    return section
