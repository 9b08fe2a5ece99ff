"""The benchmark harness works: smoke durations, asserting that results come out (never speed)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> dict[str, ModuleType]:
    """The bench modules, imported the way ``python bench/run.py`` imports them."""
    monkeypatch.syspath_prepend(str(BENCH))
    return {name: importlib.import_module(name) for name in ("common", "upstream", "bench_turn_cost")}


def test_targets_say_met_or_not_and_by_how_much(bench: dict[str, ModuleType]) -> None:
    common = bench["common"]

    missed = common.at_most("p50 < 3 ms", 4.5, 3.0, " ms")
    met = common.at_least("ratio >= 0.5", 0.75, 0.5, "x")

    assert (missed.met, missed.detail) == (False, "4.50 ms vs <= 3 ms (1.50 ms over)")
    assert (met.met, met.detail) == (True, "0.75x vs >= 0.5x (0.25x over)")
    assert common.percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5


def test_the_original_flow_polls_through_every_run_status(bench: dict[str, ModuleType]) -> None:
    upstream, turn_cost = bench["upstream"], bench["bench_turn_cost"]
    with upstream.FakeUpstream(latency=0.0) as fake:
        session = requests.Session()
        thread = session.post(fake.base_url + "/threads", json={}, timeout=5).json()["id"]

        before = fake.count()
        plain = turn_cost.seed_turn(session, fake.base_url, thread, "hola", 0.001)
        plain_requests = fake.count() - before
        before = fake.count()
        with_tool = turn_cost.seed_turn(session, fake.base_url, thread, "nivel [tool]", 0.001)
        paths = [path for _, path in fake.requests[before:]]

    assert plain == with_tool == upstream.ANSWER
    # message, run, 2 polls (in_progress, completed), list messages
    assert plain_requests == 5
    # message, run, 2 polls up to requires_action, submit, 2 polls, list messages
    assert len(paths) == 8
    assert sum(p.endswith("/submit_tool_outputs") for p in paths) == 1


@pytest.mark.e2e
def test_make_bench_writes_results_with_every_target(tmp_path: Path) -> None:
    only = "turn_cost,overhead,concurrency,streaming,retrieval"
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--only", only, "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    results = (tmp_path / "RESULTS.md").read_text()
    for heading in (
        "1. Upstream",
        "2. Overhead",
        "3. Concurrency",
        "4. Streaming",
        "5c. Documents",
        "6. Memory",
    ):
        assert f"## {heading}" in results
    table = results.split("## Targets", 1)[1].split("\n## ", 1)[0]
    verdicts = [
        row.split(" | ")[1] for row in table.splitlines() if row.startswith("| ") and "---" not in row
    ]
    assert len(verdicts) == 1 + 14  # header + every target of these benchmarks (retrieval: 3 sets)
    assert set(verdicts[1:]) <= {"met", "**not met**"}, results
    assert "Python 3." in results and "cores" in results
    for chart in ("concurrency.png", "turn_cost.png"):
        assert (tmp_path / chart).read_bytes().startswith(b"\x89PNG")
