"""Concurrent chat clients for the load and crash tests, and the history checks they share."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import attrs
import requests


@attrs.define
class Client:
    """Sends numbered messages to one thread until told to stop; keeps what was acknowledged."""

    number: int
    thread_id: str
    acknowledged: list[tuple[str, str]] = attrs.field(factory=list)  # (client id, text)
    in_flight: tuple[str, str] | None = None
    errors: list[str] = attrs.field(factory=list)

    def run(self, url: str, stop: threading.Event, crash_expected: bool = False) -> None:
        session = requests.Session()
        for count in range(1_000_000):
            if stop.is_set():
                return
            key, text = f"c{self.number}-{count}", f"cliente {self.number} mensaje {count}"
            self.in_flight = (key, text)
            try:
                response = session.post(
                    url + "/chat",
                    data={"thread_id": self.thread_id, "message": text, "client_message_id": key},
                    timeout=60,
                )
            except requests.RequestException as error:
                if not crash_expected:
                    self.errors.append(f"{key}: {type(error).__name__}")
                return
            if response.status_code != 200 or response.json()["response"] != f"eco: {text}":
                self.errors.append(f"{key}: {response.status_code} {response.text[:200]}")
                return
            self.acknowledged.append((key, text))
            self.in_flight = None


def run_clients(
    url: str, clients: list[Client], seconds: float, crash_expected: bool = False
) -> threading.Event:
    """Run every client in its own thread for ``seconds``; return the stop event (already set)."""
    stop = threading.Event()
    workers = [threading.Thread(target=c.run, args=(url, stop, crash_expected)) for c in clients]
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    stop.set()
    for worker in workers:
        worker.join(timeout=90)
    return stop


def history(url: str, thread_id: str, headers: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Every message of the thread, oldest first, following the pages."""
    messages: list[dict[str, Any]] = []
    after = None
    while True:
        params = {"thread_id": thread_id, "limit": 1000, **({"after": after} if after else {})}
        page = requests.get(url + "/threadHistory", params=params, headers=headers, timeout=30).json()
        messages += page["data"]
        if not page["has_more"]:
            return messages
        after = page["last_id"]


def texts(messages: list[dict[str, Any]]) -> Iterator[tuple[str, str, str]]:
    for message in messages:
        yield message["role"], message["content"][0]["text"]["value"], message["status"]


def check_thread(url: str, thread_id: str, clients: list[Client], strict: bool = True) -> list[str]:
    """Problems in the thread's history: lost, duplicated, reordered or interleaved messages.

    ``strict``: every answered question is followed at once by its answer; else
    (after a crash and retries) its one answer may come later.
    """
    problems: list[str] = []
    rows = list(texts(history(url, thread_id)))
    users = [text for role, text, _ in rows if role == "user"]
    if len(users) != len(set(users)):
        problems.append("a user message is duplicated")
    for client in clients:
        mine = [text for text in users if text.startswith(f"cliente {client.number} ")]
        acked = [text for _, text in client.acknowledged]
        if mine[: len(acked)] != acked:
            problems.append(f"client {client.number}: acknowledged messages missing or out of order")
    answers = [text for role, text, _ in rows if role == "assistant"]
    for index, (role, text, status) in enumerate(rows):
        if role != "user" or status != "completed":
            continue
        following = rows[index + 1] if index + 1 < len(rows) else None
        if strict and (following is None or following[:2] != ("assistant", f"eco: {text}")):
            problems.append(f"turn of {text!r} is not followed by its own answer")
        if not strict and answers.count(f"eco: {text}") != 1:
            problems.append(f"turn of {text!r} has {answers.count(f'eco: {text}')} answers")
    return problems
