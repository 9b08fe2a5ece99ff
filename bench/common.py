"""Shared pieces of the benchmarks: sections, targets, percentiles, machine facts, a load generator."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Target:
    """A target of issue 7 and whether this run met it, with the margin in words."""

    name: str
    met: bool | None  # None: not measured in this run
    detail: str


@dataclass
class Section:
    """One benchmark's part of RESULTS.md."""

    title: str
    lines: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # file names of PNGs next to RESULTS.md
    data: dict[str, Any] = field(default_factory=dict)


def at_most(name: str, value: float, limit: float, unit: str = "", digits: int = 2) -> Target:
    """``value <= limit``; the detail says by how much it is under or over."""
    gap = abs(limit - value)
    word = "under" if value <= limit else "over"
    return Target(
        name,
        value <= limit,
        f"{value:.{digits}f}{unit} vs <= {round(limit, digits):g}{unit} ({gap:.{digits}f}{unit} {word})",
    )


def at_least(name: str, value: float, limit: float, unit: str = "", digits: int = 2) -> Target:
    """``value >= limit``; the detail says by how much it is over or under."""
    gap = abs(value - limit)
    word = "over" if value >= limit else "under"
    return Target(
        name,
        value >= limit,
        f"{value:.{digits}f}{unit} vs >= {round(limit, digits):g}{unit} ({gap:.{digits}f}{unit} {word})",
    )


def not_measured(name: str, why: str) -> Target:
    return Target(name, None, f"not measured: {why}")


def section_main(run: Callable[[bool], Section], description: str) -> None:
    """Run one benchmark section from the command line (``--quick``) and exit 1 on a missed target."""
    import argparse

    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    section = run(parser.parse_args().quick)
    print("\n".join([section.title, *section.lines, *(f"{t.name}: {t.detail}" for t in section.targets)]))
    sys.exit(0 if all(t.met for t in section.targets) else 1)


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def machine() -> dict[str, str]:
    """CPU model, cores and Python version of this machine."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


@dataclass
class LoadResult:
    """What a closed-loop load run measured inside its window."""

    clients: int
    duration: float
    latencies: list[float]
    errors: int

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.duration

    def p(self, q: float) -> float:
        return percentile(self.latencies, q)

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")


# A client: setup(session) -> state, then request(session, state) until the window closes.
Setup = Callable[[requests.Session], Any]
Request = Callable[[requests.Session, Any], None]


def closed_loop(setup: Setup, request: Request, clients: int, duration: float, warmup: float) -> LoadResult:
    """``clients`` threads, each sending one request after another over its own session.

    Only requests that complete inside ``[start + warmup, start + warmup + duration]``
    count, so start-up and the tail do not skew throughput.
    """
    ready = threading.Barrier(clients + 1)
    go = threading.Event()
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    window: list[float] = []

    def client() -> None:
        session = requests.Session()
        state = setup(session)
        ready.wait()
        go.wait()
        begin, end = window
        while (now := time.perf_counter()) < end:
            try:
                request(session, state)
                ok = True
            except Exception:
                ok = False
            done = time.perf_counter()
            if begin <= done <= end:
                with lock:
                    if ok:
                        latencies.append(done - now)
                    else:
                        errors[0] += 1
        session.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    ready.wait()  # every client has done its setup
    start = time.perf_counter()
    window.extend([start + warmup, start + warmup + duration])
    go.set()
    for thread in threads:
        thread.join(timeout=duration + warmup + 60)
    return LoadResult(clients, duration, latencies, errors[0])
