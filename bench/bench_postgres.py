"""SQLite versus PostgreSQL in the same run: turn overhead, throughput, two instances, write transactions.

Every server is real gunicorn with BOTK's production settings and a fake
gateway; the PostgreSQL one is a throwaway local cluster (pg_server.py).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pg_server
import psycopg
import requests
from bench_overhead import _chat, _dummy, _start, _time_calls, access_log_to
from common import LoadResult, Section, at_least, at_most, closed_loop, ms
from wsgi_fake import Server, botk_options, build

STORAGES = ("sqlite", "postgresql")
LATENCY = 0.2
# One instance small enough that its threads, waiting on the model, are what limits it.
SMALL_INSTANCE = {"BOTK_WORKERS": "1", "BOTK_THREADS": "8"}
SCALE_CLIENTS = 32


@contextmanager
def storage(name: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """A temporary SQLite path, and for PostgreSQL a fresh database; the server environment for it."""
    with tempfile.TemporaryDirectory(prefix="botk-bench-pg-") as tmp:
        if name == "sqlite":
            yield Path(tmp) / "botk.sqlite3", {}
            return
        url = pg_server.fresh_database()
        try:
            yield Path(tmp) / "unused.sqlite3", {"BENCH_DATABASE_URL": url}
        finally:
            pg_server.drop(url)


def own_work(count: int, rounds: int = 3) -> dict[str, dict[str, float]]:
    """Seconds of server work per /dummy and per /chat turn (Flask test client, no HTTP), per storage.

    The storages take turns, round after round, and each keeps its best round: on a shared
    machine the least disturbed run is the closest to the code's own cost.
    """
    best: dict[str, dict[str, float]] = {}
    with storage("sqlite") as (db, _), storage("postgresql") as (_, env):
        apps = {
            "sqlite": build(str(db), "latency:0"),
            "postgresql": build(str(db), "latency:0", env["BENCH_DATABASE_URL"]),
        }
        with open(os.devnull, "w") as sink, access_log_to(sink):
            for _ in range(rounds):
                for name, app in apps.items():
                    spent = _time_calls(app.test_client(), count)
                    best[name] = {k: min(v, best.get(name, {}).get(k, v)) for k, v in spent.items()}
        for app in apps.values():
            app.extensions["botk"].close()
    return best


def one_client(duration: float, warmup: float, rounds: int) -> dict[str, dict[str, float]]:
    """p50 seconds of /dummy and /chat (zero-latency gateway) at 1 client, and what a turn adds.

    Both storages are served at once and take turns, round after round, each on one thread for
    the whole run; a round measures /dummy then /chat back to back, and each figure is the median
    over the rounds (``added``: of each round's /chat minus its /dummy). One window per storage,
    taken half a minute apart on a shared machine, compared two moments of the machine: the same
    code's overhead moved several-fold between back-to-back runs.
    """
    options, _ = botk_options()
    rows: dict[str, list[tuple[float, float]]] = {name: [] for name in STORAGES}
    with contextlib.ExitStack() as stack:
        servers = {
            name: stack.enter_context(Server(options, "latency:0", *stack.enter_context(storage(name))))
            for name in STORAGES
        }
        threads = {name: _start(server.url)(requests.Session()) for name, server in servers.items()}
        for number in range(rounds):
            for name in STORAGES if number % 2 == 0 else STORAGES[::-1]:
                url, thread_id = servers[name].url, threads[name]
                dummy = closed_loop(lambda s: None, _dummy(url), 1, duration, warmup)
                chat = closed_loop(lambda s, t=thread_id: t, _chat(url), 1, duration, warmup)
                rows[name].append((dummy.p50, chat.p50))
    return {
        name: {
            "dummy": statistics.median(d for d, _ in found),
            "chat": statistics.median(c for _, c in found),
            "added": statistics.median(c - d for d, c in found),
        }
        for name, found in rows.items()
    }


def http_turns(name: str, duration: float, warmup: float) -> dict[str, LoadResult]:
    """/chat (zero-latency gateway) at 8 clients, and 64 clients on a 200 ms model."""
    options, _ = botk_options()
    results = {}
    with storage(name) as (db, env):
        with Server(options, "latency:0", db, env) as server:
            results["chat@8"] = closed_loop(_start(server.url), _chat(server.url), 8, duration, warmup)
        with Server(options, f"latency:{LATENCY}", db, env) as server:
            results["slow@64"] = closed_loop(_start(server.url), _chat(server.url), 64, duration, warmup)
    return results


def spread(urls: list[str]) -> tuple[Any, Any]:
    """A client setup that gives each client the next instance, as a round-robin balancer would."""
    turn = itertools.count()

    def setup(session: requests.Session) -> tuple[str, str]:
        url = urls[next(turn) % len(urls)]
        return url, _start(url)(session)

    def request(session: requests.Session, state: tuple[str, str]) -> None:
        url, thread_id = state
        _chat(url)(session, thread_id)

    return setup, request


def instances(duration: float, warmup: float) -> dict[int, LoadResult]:
    """Turns/s with one and with two small instances on one PostgreSQL, 200 ms model."""
    options, _ = botk_options()
    found = {}
    with storage("postgresql") as (db, env):
        env = {**env, **SMALL_INSTANCE}
        with (
            Server(options, f"latency:{LATENCY}", db, env) as one,
            Server(options, f"latency:{LATENCY}", db, env) as two,
        ):
            for count, urls in ((1, [one.url]), (2, [one.url, two.url])):
                found[count] = closed_loop(*spread(urls), SCALE_CLIENTS, duration, warmup)
    return found


def write_transactions(turns: int) -> float:
    """Write transactions per plain turn on PostgreSQL: transaction ids spent, which only writes take."""
    with storage("postgresql") as (db, env):
        url = env["BENCH_DATABASE_URL"]
        app = build(str(db), "latency:0", url)
        client = app.test_client()
        with (
            open(os.devnull, "w") as sink,
            access_log_to(sink),
            psycopg.connect(url, autocommit=True) as conn,
        ):
            thread_id = client.post("/start").get_json()["thread_id"]
            client.post("/chat", data={"thread_id": thread_id, "message": "Hola"})  # warm-up
            before = _xid(conn)
            for number in range(turns):
                client.post("/chat", data={"thread_id": thread_id, "message": f"Hola {number}"})
            spent = _xid(conn) - before - 1  # the second txid_current() takes one itself
        app.extensions["botk"].close()
    return spent / turns


def _xid(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT txid_current()").fetchone()
    return int(row[0]) if row else 0


def run(quick: bool = False) -> list[Section]:
    duration, warmup = (0.6, 0.3) if quick else (4.0, 1.0)
    own = own_work(30 if quick else 300)
    single = one_client(*((0.3, 0.2, 3) if quick else (1.0, 0.3, 5)))
    http = {name: http_turns(name, duration, warmup) for name in STORAGES}
    scale = instances(duration, warmup)
    writes = write_transactions(10 if quick else 50)
    return [_turn_section(own, single, http, writes), _scale_section(scale)]


def _turn_section(
    own: dict[str, dict[str, float]],
    single: dict[str, dict[str, float]],
    http: dict[str, dict[str, LoadResult]],
    writes: float,
) -> Section:
    section = Section("9. PostgreSQL vs SQLite: a chat turn")
    section.lines += [
        f"Same app, same run; PostgreSQL: {pg_server.description()}. Turn overhead as in section 2: the "
        "p50 a /chat turn (zero-latency gateway) adds to a /dummy request over HTTP, one client, gunicorn "
        "with the production settings; both storages are served at once and measured in alternating "
        "rounds of 1 s, and each figure is the median of its rounds (the overhead: of each round's "
        "difference). Beside it the server's own work "
        "per request (Flask test client, no HTTP, best of three rounds), /chat at 8 clients and 64 "
        "clients on a "
        f"{LATENCY * 1000:.0f} ms model.",
        "",
        "| storage | turn overhead ms (HTTP p50) | /dummy p50 ms | /chat p50 ms | server work /dummy ms "
        "| server work /chat ms | /chat req/s (8) | turns/s (64 clients, 200 ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    added = {name: single[name]["added"] for name in STORAGES}
    for name in STORAGES:
        runs, work, one = http[name], own[name], single[name]
        section.lines.append(
            f"| {name} | {ms(added[name])} | {ms(one['dummy'])} | {ms(one['chat'])} "
            f"| {ms(work['dummy'])} | {ms(work['chat'])} | {runs['chat@8'].throughput:.0f} "
            f"| {runs['slow@64'].throughput:.1f} |"
        )
    ratio = added["postgresql"] / added["sqlite"] if added["sqlite"] > 0 else float("inf")
    in_process = (own["postgresql"]["chat"] - own["postgresql"]["dummy"]) / max(
        own["sqlite"]["chat"] - own["sqlite"]["dummy"], 1e-9
    )
    section.lines += [
        "",
        f"Server work a turn adds (in process, no HTTP): PostgreSQL {in_process:.2f}x SQLite's. "
        f"Write transactions per plain turn on PostgreSQL: {writes:.2f} (rate limit, accept, finish).",
    ]
    section.targets += [
        at_most("PostgreSQL turn overhead <= 2x SQLite's", ratio, 2.0, "x"),
        at_most("write transactions per plain turn on PostgreSQL <= 3", writes, 3.0),
    ]
    section.data.update(added=added, writes=writes, in_process=in_process)
    return section


def _scale_section(scale: dict[int, LoadResult]) -> Section:
    section = Section("9b. PostgreSQL: one instance vs two behind a balancer")
    env = ", ".join(f"{k}={v}" for k, v in SMALL_INSTANCE.items())
    section.lines += [
        f"{SCALE_CLIENTS} clients, a {LATENCY * 1000:.0f} ms model; each instance is gunicorn with {env}, "
        "so its threads waiting on the model are the limit, not the CPU; clients alternate between "
        "instances as a round-robin balancer sends them.",
        "",
        "| instances | turns/s | p50 ms | errors |",
        "|---|---|---|---|",
    ]
    for count, result in scale.items():
        section.lines.append(f"| {count} | {result.throughput:.1f} | {ms(result.p50)} | {result.errors} |")
    ratio = scale[2].throughput / scale[1].throughput if scale[1].throughput else 0.0
    section.targets.append(at_least("two instances >= 1.8x one instance's turns/s", ratio, 1.8, "x"))
    return section
