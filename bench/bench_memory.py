"""Resident memory per gunicorn worker, idle and under load, from /proc/<pid>/status (VmRSS)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from common import Section, at_most

TARGET_MB = 150.0


def rss_mb(pid: int) -> float | None:
    """The process's resident set size in MB, or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def snapshot(workers: list[int]) -> dict[int, float]:
    found = {pid: rss_mb(pid) for pid in workers}
    return {pid: value for pid, value in found.items() if value is not None}


class RssSampler:
    """Samples the workers' RSS in the background and keeps each worker's peak."""

    def __init__(self, workers: Callable[[], list[int]], interval: float = 0.2) -> None:
        self._workers = workers
        self._interval = interval
        self._stop = threading.Event()
        self.peak: dict[int, float] = {}
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            for pid, value in snapshot(self._workers()).items():
                self.peak[pid] = max(value, self.peak.get(pid, 0.0))
            self._stop.wait(self._interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def section(measured: dict[str, tuple[dict[int, float], dict[int, float]]]) -> Section:
    """The memory part of RESULTS.md from ``{setup: (idle, peak under load)}`` per worker."""
    result = Section("6. Memory: resident memory per worker (VmRSS)")
    result.lines += [
        "Idle: after start-up and one request per worker at most; under load: the peak sampled every "
        "200 ms during the concurrency run (section 3).",
        "",
        "| server | workers | idle MB (max) | under load MB (max) |",
        "|---|---|---|---|",
    ]
    for name, (idle, peak) in measured.items():
        idle_max = max(idle.values(), default=float("nan"))
        peak_max = max(peak.values(), default=float("nan"))
        result.lines.append(f"| {name} | {len(peak) or len(idle)} | {idle_max:.1f} | {peak_max:.1f} |")
    botk = next(iter(measured.values()), ({}, {}))
    worst = max(botk[1].values(), default=0.0)
    result.targets.append(
        at_most("BOTK resident memory < 150 MB per worker under load", worst, TARGET_MB, " MB", 1)
    )
    return result
