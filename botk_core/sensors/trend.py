"""The level's trend: centimetres per day by least squares, and days until the low threshold."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from botk_core.domain import Reading
from botk_core.sensors.rules import DAY, HOUR

MIN_POINTS = 3
MIN_SPAN_S = 12 * HOUR
STEADY_CM_PER_DAY = 0.5  # below this the level is steady, not falling or rising


@attrs.frozen
class Trend:
    """How the valid level moved over ``since..until`` (``points`` values)."""

    cm_per_day: float
    since: float
    until: float
    points: int
    days_to_threshold: float | None

    @property
    def falling(self) -> bool:
        return self.cm_per_day <= -STEADY_CM_PER_DAY

    @property
    def rising(self) -> bool:
        return self.cm_per_day >= STEADY_CM_PER_DAY


def level_trend(readings: Sequence[Reading], threshold_m: float) -> Trend | None:
    """The least-squares slope of the valid levels; None with too few values or too short a span."""
    points = [(r.timestamp, v) for r in readings if (v := r.valid("nivel")) is not None]
    if len(points) < MIN_POINTS or points[-1][0] - points[0][0] < MIN_SPAN_S:
        return None
    mean_t = sum(t for t, _ in points) / len(points)
    mean_v = sum(v for _, v in points) / len(points)
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    slope = sum((t - mean_t) * (v - mean_v) for t, v in points) / spread  # metres per second
    cm_per_day = slope * DAY * 100
    latest = points[-1][1]
    return Trend(
        cm_per_day, points[0][0], points[-1][0], len(points), _days_to(latest, threshold_m, cm_per_day)
    )


def _days_to(level_m: float, threshold_m: float, cm_per_day: float) -> float | None:
    """Days until ``threshold_m`` at this rate; 0 when already below; None when not falling."""
    if level_m < threshold_m:
        return 0.0
    if cm_per_day > -STEADY_CM_PER_DAY:
        return None
    return (level_m - threshold_m) * 100 / -cm_per_day
