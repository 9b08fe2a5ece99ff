"""Database work per chat turn: write transactions and reads, counted by tracing every SQLite connection.

A plain /chat turn (zero-latency gateway, no tools) goes through the Flask
test client; every statement any BOTK connection runs is traced with
``sqlite3.Connection.set_trace_callback``, whichever SQLite file it writes
(the main database, the rate-limit buckets). A write transaction is a COMMIT, or a
write statement run on its own outside BEGIN ... COMMIT (the rate-limit bucket's upsert).
"""

from __future__ import annotations

import collections
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from bench_overhead import access_log_to
from common import Section, at_most, section_main
from wsgi_fake import build

TURNS = 50


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class StatementCounter:
    """Counts COMMITs and SELECTs per SQLite file, on every connection BOTK opens."""

    def __init__(self) -> None:
        self.commits: collections.Counter[str] = collections.Counter()
        self.reads: collections.Counter[str] = collections.Counter()

    def install(self) -> Any:
        """Trace every ``sqlite3.connect`` of this process (main database and bucket file alike)."""
        original = sqlite3.connect

        def traced(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
            conn = original(database, *args, **kwargs)
            name = Path(str(database)).name
            open_transaction = [False]  # this connection is inside BEGIN ... COMMIT
            conn.set_trace_callback(lambda sql: self._saw(name, sql, open_transaction))
            return conn

        sqlite3.connect = traced  # type: ignore[assignment]
        return original

    def _saw(self, name: str, sql: str, open_transaction: list[bool]) -> None:
        head = sql.lstrip().upper()
        if head.startswith("BEGIN"):
            open_transaction[0] = True
        elif head.startswith(("COMMIT", "ROLLBACK")):
            self.commits[name] += head.startswith("COMMIT")
            open_transaction[0] = False
        elif head.startswith(_WRITES) and not open_transaction[0]:
            self.commits[name] += 1  # one statement on its own is a write transaction too (the bucket)
        elif head.startswith("SELECT"):
            self.reads[name] += 1

    def reset(self) -> None:
        self.commits.clear()
        self.reads.clear()


def measure(turns: int = TURNS) -> tuple[float, float, dict[str, float]]:
    """Write transactions and reads per plain turn, and the writes per SQLite file."""
    counter = StatementCounter()
    counter.install()
    with (
        tempfile.TemporaryDirectory(prefix="botk-bench-tx-") as work,
        open(os.devnull, "w") as sink,
        access_log_to(sink),
    ):
        client = build(str(Path(work) / "botk.sqlite3"), "latency:0").test_client()
        thread_id = client.post("/start").get_json()["thread_id"]
        client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})  # warm-up
        counter.reset()
        for number in range(turns):
            response = client.post("/chat", data={"thread_id": thread_id, "message": f"Hola {number}"})
            assert response.status_code == 200, response.get_data(as_text=True)
    writes = sum(counter.commits.values()) / turns
    reads = sum(counter.reads.values()) / turns
    return writes, reads, {name: count / turns for name, count in counter.commits.items()}


def run(quick: bool) -> Section:
    writes, reads, by_file = measure(10 if quick else TURNS)
    section = Section("2b. Database work per plain /chat turn")
    section.lines += [
        "Traced statements of every SQLite connection over plain /chat turns (no tools, "
        "zero-latency gateway, Flask test client).",
        "",
        "| write transactions / turn | reads / turn | writes by file |",
        "|---|---|---|",
        f"| {writes:.2f} | {reads:.2f} | {', '.join(f'{k}: {v:.2f}' for k, v in sorted(by_file.items()))} |",
    ]
    section.targets.append(at_most("write transactions per plain turn <= 3", writes, 3.0, "", 2))
    return section


if __name__ == "__main__":
    section_main(run, __doc__ or "")
