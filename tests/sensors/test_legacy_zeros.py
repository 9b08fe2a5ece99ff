"""Which 0.0 of the old service's file means "not measured", and which is a real empty tank."""

from __future__ import annotations

from botk_adapters.sensors.legacy_zeros import not_measured
from botk_core.domain import Reading

MIN = 60.0


def series(levels: list[float], step: float = 3 * MIN, **values: float) -> list[Reading]:
    return [
        Reading(i + 1, "Iquiuca", 1_680_000_000 + i * step, nivel=v, **values) for i, v in enumerate(levels)
    ]


def levels(readings: list[Reading]) -> list[float | None]:
    return [r.nivel for r in not_measured(readings)[0]]


def test_one_or_two_zeros_between_normal_levels_are_not_measured() -> None:
    assert levels(series([1.4, 0.0, 1.41, 1.4, 0.0, 0.0, 1.42])) == [1.4, None, 1.41, 1.4, None, None, 1.42]


def test_a_short_burst_of_zeros_minutes_apart_is_not_measured_either() -> None:
    assert levels(series([1.4, 0.0, 0.0, 0.0, 0.0, 1.4], step=MIN)) == [1.4, None, None, None, None, 1.4]


def test_hours_of_zeros_followed_by_a_slow_refill_are_a_real_empty_tank() -> None:
    zeros = [0.0] * 60  # three hours
    readings = series([1.4, *zeros, 0.03, 0.05, 0.08])
    assert levels(readings) == [1.4, *zeros, 0.03, 0.05, 0.08]


def test_zeros_at_the_edges_and_fields_never_measured() -> None:
    assert levels(series([0.0, 1.4, 1.41, 0.0])) == [None, 1.4, 1.41, None]
    readings, counts = not_measured(series([1.4, 1.4, 1.4], humedad=0.0, bateria=0.0))
    assert [r.humedad for r in readings] == [None] * 3 and [r.bateria for r in readings] == [None] * 3
    assert counts == {"nivel": 0, "humedad": 3, "temperatura": 0, "bateria": 3}


def test_a_zero_next_to_low_values_is_kept() -> None:
    assert levels(series([0.1, 0.0, 0.12])) == [0.1, 0.0, 0.12]


def test_stations_are_judged_apart() -> None:
    one = series([1.4, 0.0, 1.4])
    other = [Reading(100 + r.id_dato, "Cau Cau", r.timestamp + 60, nivel=0.0) for r in one]
    readings, counts = not_measured([*one, *other])
    assert [r.nivel for r in readings] == [1.4, None, 1.4, None, None, None]
    assert counts["nivel"] == 4
