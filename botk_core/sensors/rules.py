"""The configurable thresholds: stations, reading quality and the water decision.

Every default here is documented in ``.env.example`` (``BOTK_STATIONS`` and
``BOTK_SENSOR_RULES``); change them there, not in code.
"""

from __future__ import annotations

import attrs

HOUR = 3600.0
DAY = 86_400.0


@attrs.frozen(kw_only=True)
class StationConfig:
    """A sensor station: its kind, the place of its forecast and its low thresholds."""

    name: str
    kind: str = "Estanque"
    forecast_place: str = "Mamiña"
    low_level_m: float = 1.0
    low_humidity_pct: float = 30.0


DEFAULT_STATION = StationConfig(name="Iquiuca")


@attrs.frozen(kw_only=True)
class QualityRules:
    """When a stored value is flagged and left out of averages and diagnoses.

    A spike (or drop) is a run of at most ``spike_max_run`` values that differ
    from both neighbours by more than the field's jump, with the neighbours
    within ``spike_minutes`` and close to each other: the value returned at
    once, which a tank or the air cannot do. A flat sensor repeats exactly the
    same value for ``flat_hours`` (an empty tank's 0 m is not a flat sensor).
    """

    level_max_m: float = 10.0
    level_jump_m: float = 0.5
    humidity_jump_pct: float = 25.0
    temperature_jump_c: float = 10.0
    spike_minutes: float = 60.0
    spike_max_run: int = 2
    flat_hours: float = 24.0
    flat_min_readings: int = 10

    def bounds(self, field: str) -> tuple[float, float]:
        """The physically possible range of ``field``."""
        return {"nivel": (0.0, self.level_max_m), "humedad": (0.0, 100.0), "temperatura": (-40.0, 60.0)}[
            field
        ]

    def jump(self, field: str) -> float:
        """How far a value must be from both neighbours to be a spike."""
        return {
            "nivel": self.level_jump_m,
            "humedad": self.humidity_jump_pct,
            "temperatura": self.temperature_jump_c,
        }[field]

    def context_seconds(self) -> float:
        """How far around new readings the checks must look to judge them."""
        return max(self.flat_hours * HOUR, self.spike_minutes * 60 * (self.spike_max_run + 2))


@attrs.frozen(kw_only=True)
class DecisionRules:
    """Events, trend, trust and rain: what the diagnosis and its recommendation use."""

    rain_day_pct: float = 50.0
    trend_days: float = 7.0
    horizon_days: float = 7.0
    stale_hours: float = 6.0
    min_valid_levels: int = 6
    suspect_share: float = 0.1
    events_days: float = 30.0
    empty_level_m: float = 0.05
    empty_minutes: float = 60.0
    silent_hours: float = 24.0


@attrs.frozen(kw_only=True)
class SensorRules:
    """Both sets of rules, as configured."""

    quality: QualityRules = QualityRules()
    decision: DecisionRules = DecisionRules()
