"""Overhead floor: /chat with a zero-latency gateway versus /dummy, same gunicorn server.

Latency is measured with one client (no queueing), throughput with several
clients; both endpoints in the same run against the same server process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import requests
from common import LoadResult, Section, at_least, at_most, closed_loop, ms
from wsgi_fake import Server, botk_options, build

THROUGHPUT_CLIENTS = 8


def _start(url: str) -> Any:
    def setup(session: requests.Session) -> str:
        response = session.post(url + "/start", timeout=10)
        response.raise_for_status()
        thread_id: str = response.json()["thread_id"]
        return thread_id

    return setup


def _chat(url: str) -> Any:
    def request(session: requests.Session, thread_id: str) -> None:
        response = session.post(url + "/chat", data={"thread_id": thread_id, "message": "Hola"}, timeout=30)
        response.raise_for_status()

    return request


def _dummy(url: str) -> Any:
    def request(session: requests.Session, state: Any) -> None:
        session.get(url + "/dummy", timeout=30).raise_for_status()

    return request


def in_process(db: Path, count: int) -> dict[str, float]:
    """Seconds per request through the Flask test client: the server's own work, without HTTP."""
    client = build(str(db), "latency:0").test_client()
    with open(os.devnull, "w") as sink, access_log_to(sink):
        return _time_calls(client, count)


@contextlib.contextmanager
def access_log_to(stream: TextIO) -> Iterator[None]:
    """Send BOTK's JSON access lines to ``stream``: still written, as under gunicorn, but not shown."""
    handlers = [h for h in logging.getLogger("botk.access").handlers if isinstance(h, logging.StreamHandler)]
    previous = [h.setStream(stream) for h in handlers]
    try:
        yield
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            if old is not None:  # None: the stream was already ``stream``
                handler.setStream(old)


def _time_calls(client: Any, count: int) -> dict[str, float]:
    thread_id = client.post("/start").get_json()["thread_id"]
    calls = {
        "dummy": lambda: client.get("/dummy"),
        "chat": lambda: client.post("/chat", data={"thread_id": thread_id, "message": "Hola"}),
    }
    spent = {}
    for name, call in calls.items():
        for _ in range(20):  # warm-up; also gives /chat a history window to load, as in use
            call()
        started = time.perf_counter()
        for _ in range(count):
            call()
        spent[name] = (time.perf_counter() - started) / count
    return spent


ROUNDS = 10


def measure(url: str, duration: float, warmup: float) -> tuple[dict[str, LoadResult], dict[int, float]]:
    """Both endpoints at 1 client and at THROUGHPUT_CLIENTS clients, in alternating rounds.

    Each endpoint gets ``ROUNDS`` rounds of ``duration / ROUNDS``, /dummy and /chat
    taking turns, so a burst of other work on the machine (or a worker replaced
    after its ``max_requests``) falls on both alike. Returns the pooled results and,
    per client count, the median over rounds of /chat's throughput over /dummy's.
    """
    results: dict[str, LoadResult] = {}
    ratios: dict[int, float] = {}
    piece = duration / ROUNDS
    for clients in (1, THROUGHPUT_CLIENTS):
        rounds: dict[str, list[LoadResult]] = {"dummy": [], "chat": []}
        for _ in range(ROUNDS):
            rounds["dummy"].append(closed_loop(lambda s: None, _dummy(url), clients, piece, warmup / ROUNDS))
            rounds["chat"].append(closed_loop(_start(url), _chat(url), clients, piece, warmup / ROUNDS))
        for name, runs in rounds.items():
            latencies = [x for r in runs for x in r.latencies]
            results[f"{name}@{clients}"] = LoadResult(
                clients, piece * len(runs), latencies, sum(r.errors for r in runs)
            )
        ratios[clients] = statistics.median(
            c.throughput / d.throughput if d.throughput else 0.0
            for c, d in zip(rounds["chat"], rounds["dummy"], strict=True)
        )
    return results, ratios


def run(quick: bool = False) -> Section:
    duration, warmup = (0.5, 0.2) if quick else (4.0, 1.0)
    options, source = botk_options()
    with (
        tempfile.TemporaryDirectory(prefix="botk-bench-") as tmp,
        Server(options, "latency:0", Path(tmp) / "botk.sqlite3") as server,
    ):
        results, ratios = measure(server.url, duration, warmup)
        own = in_process(Path(tmp) / "in_process.sqlite3", 50 if quick else 500)
    section = Section("2. Overhead floor: /chat (zero-latency gateway) vs /dummy")
    section.lines += [
        f"Server: gunicorn, {source}; load: Python threads with requests.Session, closed loop, "
        f"{duration:g} s per row in {ROUNDS} rounds that alternate /dummy and /chat, each after "
        f"{warmup / ROUNDS:g} s of warm-up. A /chat turn stores the user's message, runs the "
        "(instant) model step and stores the answer in SQLite. The ratios below are the median "
        "of the rounds' ratios.",
        "",
        "| endpoint | clients | requests/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        endpoint, clients = name.split("@")
        section.lines.append(
            f"| /{endpoint} | {clients} | {result.throughput:.0f} | {ms(result.p50)} | "
            f"{ms(result.p(99))} | {result.errors} |"
        )
    section.lines += [
        "",
        f"The server's own work per request (Flask test client, no HTTP): /dummy {ms(own['dummy'])} ms, "
        f"/chat {ms(own['chat'])} ms. With {THROUGHPUT_CLIENTS} clients the load generator and both workers "
        "share the cores, so throughput is bounded by CPU: the extra work of a turn (SQLite writes for "
        "the rate limit, the thread's turn lock and both messages; reading the history window) shows "
        "up there, while at 1 client it only adds the difference to the latency.",
    ]
    for clients in (1, THROUGHPUT_CLIENTS):
        section.targets.append(
            at_least(f"/chat throughput >= 0.7 x /dummy at {clients} clients", ratios[clients], 0.7, "x")
        )
    added = (results["chat@1"].p50 - results["dummy@1"].p50) * 1000
    section.targets.append(at_most("added p50 per turn < 3 ms (1 client)", added, 3.0, " ms"))
    section.data = {k: {"rps": v.throughput, "p50": v.p50, "p99": v.p(99)} for k, v in results.items()}
    return section
