"""Sensor data at scale: importing 100k readings (with their quality checks) and the tools on them.

Run: ``python bench/bench_sensors.py [--quick]`` or through ``bench/run.py``.
"""

from __future__ import annotations

import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path

from common import Section, at_most, ms, percentile

from botk_adapters.memory.weather import FakeWeather
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_core.domain import Reading, ToolCall
from botk_core.sensors.stations import Stations
from botk_core.tools import ToolContext, ToolRegistry
from botk_core.tools.diagnosis import DIAGNOSTICO, diagnostico_tool
from botk_core.tools.measurements import GET_PROMEDIO, promedio_tool
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput

TITLE = "8. Sensors: importing a large history and the tools on it"
NOW = 1_767_225_600.0
TARGETS_MS = {"get_promedio (all readings)": 100.0, "get_promedio (7 days)": 20.0, "diagnosis": 250.0}


def readings(count: int) -> list[Reading]:
    """One station, a reading every 3 minutes up to NOW, with a daily cycle and rare glitches."""
    rng = random.Random(11)
    out = []
    for i in range(count):
        ts = NOW - (count - i) * 180
        daily = math.sin(2 * math.pi * (ts % 86_400) / 86_400)
        level = 0.0 if rng.random() < 0.01 else round(1.4 + 0.1 * daily + rng.uniform(-0.01, 0.01), 3)
        out.append(
            Reading(
                i + 1,
                "Iquiuca",
                ts,
                "Estanque",
                nivel=level,
                humedad=40 - 8 * daily,
                temperatura=24 + 6 * daily,
            )
        )
    return out


def timed(registry: ToolRegistry, name: str, arguments: dict, reps: int) -> list[float]:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        run = registry.run(ToolCall("c", name, json.dumps(arguments)), ToolContext("thread_bench"))
        times.append(time.perf_counter() - start)
        assert not run.is_error, run.output
    return times


def run(quick: bool = False) -> Section:
    count, reps = (5_000, 3) if quick else (100_000, 15)
    section = Section(TITLE)
    with tempfile.TemporaryDirectory() as folder:
        repo = SqliteMeasurementRepository(Path(folder) / "bench.sqlite3")
        data = readings(count)
        start = time.perf_counter()
        ImportMeasurements(repo).execute(ImportMeasurementsInput(data))
        imported = time.perf_counter() - start
        stations = Stations(repo, clock=lambda: NOW)
        registry = ToolRegistry([promedio_tool(stations), diagnostico_tool(stations, FakeWeather())])
        results = {
            "get_promedio (all readings)": timed(registry, GET_PROMEDIO, {"estacion": "Iquiuca"}, reps),
            "get_promedio (7 days)": timed(registry, GET_PROMEDIO, {"estacion": "Iquiuca", "dias": 7}, reps),
            "diagnosis": timed(registry, DIAGNOSTICO, {}, reps),
        }
    section.lines += [
        f"{count} readings of one station (one every 3 minutes, 1 % glitches), SQLite file, import in "
        f"batches of 500 with the quality checks: {imported:.1f} s ({count / imported:,.0f} readings/s).",
        "Times in ms.",
        "",
        "| tool | p50 | p95 |",
        "|---|---|---|",
        *(f"| {name} | {ms(percentile(t, 50))} | {ms(percentile(t, 95))} |" for name, t in results.items()),
    ]
    for name, limit in TARGETS_MS.items():
        section.targets.append(
            at_most(f"{name} p50 <= {limit:g} ms", percentile(results[name], 50) * 1000, limit, " ms")
        )
    return section


if __name__ == "__main__":
    result = run("--quick" in sys.argv)
    print("\n".join(result.lines))
    for target in result.targets:
        print(f"{'met' if target.met else 'MISSED'}: {target.name}: {target.detail}")
    sys.exit(0 if all(t.met for t in result.targets) else 1)
