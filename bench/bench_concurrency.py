"""Concurrency: turns/s at 1, 8, 32 and 64 clients with a 200 ms model step.

BOTK's production gunicorn settings versus API BOTK's (4 sync workers) versus
the ideal (clients / latency). The same run samples the workers' memory.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import bench_memory
from bench_overhead import _chat, _start
from common import BENCH, Section, at_least, at_most, closed_loop, ms
from wsgi_fake import PRODUCTION_CONF, SEED, Server, botk_options

LATENCY = 0.2
LEVELS = (1, 8, 32, 64)


def measure(
    options: list[str], env: dict[str, str] | None, levels: tuple[int, ...], duration: float, warmup: float
) -> dict[str, object]:
    """Throughput and p50 per level, plus idle and peak RSS per worker."""
    with (
        tempfile.TemporaryDirectory(prefix="botk-bench-") as tmp,
        Server(options, f"latency:{LATENCY}", Path(tmp) / "botk.sqlite3", env) as server,
    ):
        idle = bench_memory.snapshot(server.workers())
        rows = {}
        with bench_memory.RssSampler(server.workers) as sampler:
            for clients in levels:
                result = closed_loop(_start(server.url), _chat(server.url), clients, duration, warmup)
                rows[clients] = (result.throughput, result.p50, result.errors)
        return {"rows": rows, "idle": idle, "peak": dict(sampler.peak)}


def chart(results: dict[str, dict[str, object]], levels: tuple[int, ...], path: Path) -> bool:
    """Turns/s against clients, one line per server and the ideal; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    axes.plot(levels, [c / LATENCY for c in levels], "k--", label="ideal (clients / 200 ms)")
    for name, result in results.items():
        rows = result["rows"]
        assert isinstance(rows, dict)
        axes.plot(levels, [rows[c][0] for c in levels], "o-", label=name)
    axes.set_xlabel("concurrent clients")
    axes.set_ylabel("turns per second")
    axes.set_title("Chat turns/s with a 200 ms model step")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


def setups() -> dict[str, tuple[list[str], dict[str, str] | None, str]]:
    """Name -> (gunicorn options, extra environment, description): production, more threads, seed."""
    options, source = botk_options()
    found: dict[str, tuple[list[str], dict[str, str] | None, str]] = {
        "BOTK (production settings)": (options, None, source)
    }
    if PRODUCTION_CONF.is_file():
        # Same settings with twice the threads: shows whether the threads, not the code, cap.
        more = {"BOTK_THREADS": "64"}
        found["BOTK, BOTK_THREADS=64"] = (options, more, botk_options(more)[1])
    found["seed (gunicorn 4 sync workers)"] = (SEED, None, "sync, 4 workers")
    return found


def _sizes(chosen: dict[str, tuple[list[str], dict[str, str] | None, str]]) -> list[tuple[str, str]]:
    """(workers, threads) of each threaded setup, from its description."""
    found = (re.search(r"(\d+) workers x (\d+) threads", source) for _, _, source in chosen.values())
    return [(m.group(1), m.group(2)) for m in found if m]


def run(quick: bool = False, out_dir: Path = BENCH) -> tuple[Section, Section]:
    """The concurrency section and the memory section measured in the same run."""
    levels = (1, 4) if quick else LEVELS
    duration, warmup = (0.6, 0.3) if quick else (4.0, 1.0)
    chosen = setups()
    results = {name: measure(o, env, levels, duration, warmup) for name, (o, env, _) in chosen.items()}
    section = Section("3. Concurrency: turns/s with a 200 ms model step")
    section.lines += [
        f"A fake gateway whose every model step sleeps {LATENCY * 1000:.0f} ms; each client has its own "
        f"thread and sends /chat turns one after another; {duration:g} s per row after {warmup:g} s warm-up. "
        "Servers: " + "; ".join(f"{name}: {source}" for name, (_, _, source) in chosen.items()) + ".",
        "",
        "| clients | ideal turns/s | " + " | ".join(f"{n} turns/s (p50 ms)" for n in results) + " |",
        "|---|---|" + "---|" * len(results),
    ]
    for clients in levels:
        cells = []
        for result in results.values():
            throughput, p50, errors = result["rows"][clients]  # type: ignore[index]
            cells.append(f"{throughput:.1f} ({ms(p50)})" + (f", {errors} errors" if errors else ""))
        section.lines.append(f"| {clients} | {clients / LATENCY:.0f} | " + " | ".join(cells) + " |")
    ceilings = [f"{w} x {t} threads: {int(w) * int(t) / LATENCY:.0f} turns/s" for w, t in _sizes(chosen)]
    section.lines += [
        "",
        "A server holds at most workers x threads turns at once, so its ceiling is that number / 200 ms "
        f"({'; '.join([*ceilings, '4 sync workers: 20 turns/s'])}); clients beyond it queue.",
    ]
    if chart(results, levels, out_dir / "concurrency.png"):
        section.charts.append("concurrency.png")
    rows = [r["rows"] for r in results.values()]
    botk, seed = rows[0], rows[-1]
    top = max(levels)
    ideal = top / LATENCY
    section.targets += [
        at_least(f"BOTK at {top} clients >= 0.8 x ideal", botk[top][0] / ideal, 0.8, "x"),  # type: ignore[index]
        at_most(f"seed settings at {top} clients <= 20 turns/s", seed[top][0], 20.0, " turns/s", 1),  # type: ignore[index]
    ]
    if len(rows) == 3:  # the production conf with more threads: is the cap the thread count?
        more = rows[1][top][0] / ideal  # type: ignore[index]
        section.targets.append(
            at_least(f"(extra) BOTK_THREADS=64 at {top} clients >= 0.8 x ideal", more, 0.8, "x")
        )
    memory = bench_memory.section(
        {name: (r["idle"], r["peak"]) for name, r in results.items()}  # type: ignore[misc]
    )
    return section, memory
