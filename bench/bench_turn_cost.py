"""Upstream cost of a turn: BOTK on the Responses API versus API BOTK's Assistants-style polling.

Both run against one fake upstream that adds a fixed latency to every
request. BOTK is a real gunicorn server whose ``OpenAIResponsesGateway`` uses
the real openai SDK; API BOTK's flow is reproduced as its request pattern
with raw HTTP (its own Flask hop is left out, which only flatters it).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import requests
from common import BENCH, Section, Target, at_most, ms
from upstream import TOOL_MARK, FakeUpstream
from wsgi_fake import Server, botk_options

LATENCY = 0.05
# openai-python's runs.poll() sleeps 1000 ms between retrieves unless the
# server sends an ``openai-poll-after-ms`` header (openai/lib/_assistants_runs.py).
SDK_POLL_INTERVAL = 1.0
TERMINAL = {"requires_action", "cancelled", "completed", "failed", "expired", "incomplete"}
QUESTIONS = {"no tool": "¿Cómo está el agua hoy?", "one tool": f"¿Qué dice la guía del nivel? {TOOL_MARK}"}


def _poll(session: requests.Session, run_url: str, interval: float) -> dict[str, Any]:
    """Retrieve the run until it reaches a terminal status, as runs.poll() does."""
    while True:
        run: dict[str, Any] = session.get(run_url, timeout=30).json()
        if run["status"] in TERMINAL:
            return run
        time.sleep(interval)


def seed_turn(session: requests.Session, base: str, thread_id: str, text: str, interval: float) -> str:
    """Message, run, poll, tool outputs, poll, list messages: API BOTK's turn."""
    thread = f"{base}/threads/{thread_id}"
    session.post(f"{thread}/messages", json={"role": "user", "content": text}, timeout=30)
    run = session.post(f"{thread}/runs", json={"assistant_id": "asst_seed"}, timeout=30).json()
    run = _poll(session, f"{thread}/runs/{run['id']}", interval)
    while run["status"] == "requires_action":
        calls = run["required_action"]["submit_tool_outputs"]["tool_calls"]
        outputs = [{"tool_call_id": c["id"], "output": '{"results": []}'} for c in calls]
        session.post(
            f"{thread}/runs/{run['id']}/submit_tool_outputs", json={"tool_outputs": outputs}, timeout=30
        )
        run = _poll(session, f"{thread}/runs/{run['id']}", interval)
    messages = session.get(f"{thread}/messages", timeout=30).json()["data"]
    answer: str = messages[0]["content"][0]["text"]["value"]
    return answer


def _timed(upstream: FakeUpstream, turn: Any, reps: int) -> tuple[float, int]:
    """Median seconds and upstream requests of ``reps`` turns."""
    turn()  # warm-up: imports, connections and the SDK client are made on first use
    times, counts = [], []
    for _ in range(reps):
        before, start = upstream.count(), time.perf_counter()
        turn()
        times.append(time.perf_counter() - start)
        counts.append(upstream.count() - before)
    return statistics.median(times), max(counts)


def measure(reps: int, interval: float, latency: float) -> dict[str, dict[str, tuple[float, int]]]:
    """BOTK, API BOTK's flow polling at ``interval``, and the same flow with no wait between polls."""
    results: dict[str, dict[str, tuple[float, int]]] = {"BOTK": {}, "seed": {}, "seed, no wait": {}}
    # Every request costs `latency`, streamed or not: the model's text is not spread over time here.
    with (
        FakeUpstream(latency, token_delay=0.0) as upstream,
        tempfile.TemporaryDirectory(prefix="botk-bench-") as tmp,
    ):
        with Server(botk_options()[0], f"openai:{upstream.base_url}", Path(tmp) / "b.sqlite3") as botk:
            web = requests.Session()
            thread_id = web.post(botk.url + "/start", timeout=10).json()["thread_id"]
            for kind, text in QUESTIONS.items():
                payload = {"thread_id": thread_id, "message": text}
                results["BOTK"][kind] = _timed(
                    upstream,
                    lambda p=payload: web.post(botk.url + "/chat", data=p, timeout=30).raise_for_status(),
                    reps,
                )
        session = requests.Session()
        seed_thread = session.post(upstream.base_url + "/threads", json={}, timeout=10).json()["id"]
        for name, wait in (("seed", interval), ("seed, no wait", 0.0)):
            for kind, text in QUESTIONS.items():
                results[name][kind] = _timed(
                    upstream,
                    lambda t=text, w=wait: seed_turn(session, upstream.base_url, seed_thread, t, w),
                    reps,
                )
    return results


def chart(results: dict[str, dict[str, tuple[float, int]]], latency: float, path: Path) -> bool:
    """Turn latency, BOTK beside API BOTK, per kind of turn; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(6.4, 2.8), dpi=100)
    labels = [f"{who}, {kind}" for kind in QUESTIONS for who in ("seed", "BOTK")]
    values = [results[who][kind][0] * 1000 for kind in QUESTIONS for who in ("seed", "BOTK")]
    bars = axes.barh(labels, values, color=["tab:green", "tab:blue"] * len(QUESTIONS))
    axes.bar_label(bars, labels=[f"{v:.0f} ms" for v in values], padding=3)
    axes.invert_yaxis()
    axes.set_xlabel("end-to-end turn latency (ms)")
    axes.set_title(f"One turn against the same {latency * 1000:.0f} ms-per-request upstream")
    axes.set_xlim(0, max(values) * 1.2)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


def run(quick: bool = False, out_dir: Path = BENCH) -> Section:
    reps, interval, latency = (1, 0.02, 0.005) if quick else (3, SDK_POLL_INTERVAL, LATENCY)
    results = measure(reps, interval, latency)
    default = " (the SDK's default)" if interval == SDK_POLL_INTERVAL else ""
    section = Section("1. Upstream cost of a turn")
    section.lines += [
        f"One fake upstream, {latency * 1000:.0f} ms added to every request. BOTK: POST /chat on a gunicorn "
        "server, OpenAIResponsesGateway with the real openai SDK. Seed: create message, create run, poll "
        f"every {interval * 1000:.0f} ms{default} until a terminal status, submit tool outputs, "
        f"poll, list messages. Median of {reps} turns.",
        "",
        "The seed's flow is also timed with no wait between polls: its floor, the fairest comparison.",
        "",
        "| turn | BOTK requests | BOTK ms | seed requests | seed ms | BOTK / seed "
        "| seed no-wait ms | BOTK / no-wait |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ratios = {}
    for kind in QUESTIONS:
        (b_time, b_count), (s_time, s_count) = results["BOTK"][kind], results["seed"][kind]
        fast = results["seed, no wait"][kind][0]
        ratios[kind] = b_time / fast
        section.lines.append(
            f"| {kind} | {b_count} | {ms(b_time)} | {s_count} | {ms(s_time)} | {b_time / s_time:.3f} "
            f"| {ms(fast)} | {ratios[kind]:.3f} |"
        )
    if chart(results, latency, out_dir / "turn_cost.png"):
        section.charts.append("turn_cost.png")
    tool_count = results["BOTK"]["one tool"][1]
    section.targets += [
        Target("one-tool turn = 2 upstream requests", tool_count == 2, f"{tool_count} requests (target 2)"),
        at_most(
            "plain turn latency <= 0.26 x API BOTK's flow with no poll wait", ratios["no tool"], 0.26, "x", 3
        ),
        at_most(
            "one-tool turn latency <= 0.34 x API BOTK's flow with no poll wait",
            ratios["one tool"],
            0.34,
            "x",
            3,
        ),
    ]
    section.data = results
    return section
