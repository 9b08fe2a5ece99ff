"""Seasons: southern hemisphere, decided by the calendar month where the reading was taken."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from botk_core.domain import Reading
from botk_core.tools.seasons import local_zone, season_of, season_of_month, seasonal_means

SANTIAGO = local_zone()


def ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("month", "season"),
    [(12, "Verano"), (1, "Verano"), (2, "Verano"), (3, "Otoño"), (5, "Otoño"), (6, "Invierno"),
     (8, "Invierno"), (9, "Primavera"), (11, "Primavera")],
)  # fmt: skip
def test_months_map_to_southern_seasons(month: int, season: str) -> None:
    assert season_of_month(month) == season


@pytest.mark.parametrize(
    ("utc_time", "in_utc", "in_chile"),
    [
        ("2024-03-01T02:00", "Otoño", "Verano"),  # 29 Feb 23:00 in Chile (UTC-3)
        ("2024-06-01T03:30", "Invierno", "Otoño"),  # 31 May 23:30 in Chile (UTC-4)
        ("2024-12-01T02:59", "Verano", "Primavera"),  # 30 Nov 23:59 in Chile
        ("2024-12-01T03:00", "Verano", "Verano"),  # midnight in Chile
    ],
)
def test_month_edges_depend_on_the_time_zone(utc_time: str, in_utc: str, in_chile: str) -> None:
    assert season_of(ts(utc_time), UTC) == in_utc
    assert season_of(ts(utc_time), SANTIAGO) == in_chile


def test_seasonal_means_average_each_value_over_readings_that_have_it() -> None:
    readings = [
        Reading(1, "Iquiuca", ts("2024-01-10T12:00"), temperatura=30.0, humedad=None, nivel=1.0),
        Reading(2, "Iquiuca", ts("2024-02-10T12:00"), temperatura=26.0, humedad=40.0, nivel=2.0),
        Reading(3, "Iquiuca", ts("2024-07-10T12:00"), temperatura=12.333, humedad=50.0, nivel=None),
    ]
    result = seasonal_means(readings, SANTIAGO)
    assert result == {
        "Verano": {"temperatura": 28.0, "humedad": 40.0, "nivel": 1.5, "n": 2},
        "Invierno": {"temperatura": 12.33, "humedad": 50.0, "nivel": None, "n": 1},
    }
