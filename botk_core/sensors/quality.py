"""Reading quality: values out of physical bounds, isolated spikes and drops, flat sensors.

Flagged values stay stored; ``Reading.valid`` leaves them out. The checks
look at one station's readings in time order and are repeated around every
batch of new readings, so that a value is judged with its neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from botk_core.domain import CLEAN, MEASURED, Flag, Flags, Reading
from botk_core.sensors.rules import HOUR, QualityRules

# One value of a field: its reading's position, time and value.
Point = tuple[int, float, float]


def assess(readings: Sequence[Reading], rules: QualityRules) -> list[Reading]:
    """The readings of one station, in time order, with their flags computed again."""
    flags: list[dict[str, Flag | None]] = [dict.fromkeys(MEASURED) for _ in readings]
    for field in MEASURED:
        points = [(i, r.timestamp, v) for i, r in enumerate(readings) if (v := getattr(r, field)) is not None]
        low, high = rules.bounds(field)
        for i, _, value in points:
            if not low <= value <= high:
                flags[i][field] = Flag.OUT_OF_BOUNDS
        inside = [p for p in points if flags[p[0]][field] is None]
        for i, flag in spikes(inside, rules.jump(field), rules.spike_minutes * 60, rules.spike_max_run):
            flags[i][field] = flag
        steady = [p for p in inside if flags[p[0]][field] is None]
        floor = low if field == "nivel" else None  # an empty tank reads 0 m for hours
        for i in flat_runs(steady, rules.flat_hours * HOUR, rules.flat_min_readings, floor):
            flags[i][field] = Flag.FLAT
    return [_with(r, Flags(**f)) for r, f in zip(readings, flags, strict=True)]


def changed_flags(
    context: Sequence[Reading], rules: QualityRules, since: float, until: float
) -> list[Reading]:
    """The readings of ``since..until`` whose flags change when judged within ``context``."""
    judged = assess(context, rules)
    return [
        new
        for old, new in zip(context, judged, strict=True)
        if since <= new.timestamp <= until and old.flags != new.flags
    ]


def reassessment(
    readings: Sequence[Reading], rules: QualityRules, fetch: Callable[[str, float, float], list[Reading]]
) -> list[Reading]:
    """The stored readings whose flags change now that ``readings`` are stored.

    ``fetch(station, since, until)`` reads a station's stored readings in time
    order. Each station is judged around the new readings with enough context
    on both sides for every check.
    """
    margin = rules.context_seconds()
    spans: dict[str, tuple[float, float]] = {}
    for r in readings:
        low, high = spans.get(r.estacion, (r.timestamp, r.timestamp))
        spans[r.estacion] = (min(low, r.timestamp), max(high, r.timestamp))
    changed: list[Reading] = []
    for station, (low, high) in spans.items():
        context = fetch(station, low - 2 * margin, high + 2 * margin)
        changed += changed_flags(context, rules, low - margin, high + margin)
    return changed


def spikes(points: Sequence[Point], jump: float, gap: float, max_run: int) -> Iterable[tuple[int, Flag]]:
    """Runs of at most ``max_run`` values far from both neighbours, which agree with each other.

    The last values of a series, far from the one before them, are a jump not
    yet confirmed by a next reading. A spike's neighbour is the last good value.
    """
    start, before = 1, 0
    while start < len(points):
        size = _spike_size(points, before, start, jump, gap, max_run)
        flag = Flag.SPIKE if start + size < len(points) else Flag.UNCONFIRMED
        yield from ((points[k][0], flag) for k in range(start, start + size))
        before = start + size if size else start
        start = before + 1


def _spike_size(
    points: Sequence[Point], before: int, start: int, jump: float, gap: float, max_run: int
) -> int:
    """How many values from ``start`` on form a spike after ``points[before]`` (0: none)."""
    if points[start][1] - points[before][1] > gap:
        return 0
    level = points[before][2]
    for end in range(start + 1, min(start + max_run, len(points)) + 1):
        run = points[start:end]
        if any(abs(p[2] - level) <= jump for p in run):
            return 0
        if end == len(points):
            return end - start
        after = points[end]
        if after[1] - run[-1][1] > gap:
            return 0
        if abs(after[2] - level) <= jump:
            return end - start if all(abs(p[2] - after[2]) > jump for p in run) else 0
    return 0


def flat_runs(
    points: Sequence[Point], min_seconds: float, min_count: int, floor: float | None
) -> Iterable[int]:
    """Positions in runs of exactly the same value lasting ``min_seconds`` (``floor`` excepted)."""
    start = 0
    while start < len(points):
        end = start
        while end + 1 < len(points) and points[end + 1][2] == points[start][2]:
            end += 1
        run = points[start : end + 1]
        long_enough = run[-1][1] - run[0][1] >= min_seconds and len(run) >= min_count
        if long_enough and run[0][2] != floor:
            yield from (p[0] for p in run)
        start = end + 1


def same_values(a: Reading, b: Reading) -> bool:
    """Whether two readings hold the same measurement; the quality flags are BOTK's, not the source's."""
    return _with(a, CLEAN) == _with(b, CLEAN)


def _with(reading: Reading, flags: Flags) -> Reading:
    return reading if reading.flags == flags else attrs.evolve(reading, flags=flags)
