"""Ages, dates and periods as people in Chile read them (America/Santiago)."""

from __future__ import annotations

from datetime import datetime

import pytest

from botk_core.sensors import spanish
from botk_core.sensors.window import choose_window
from botk_core.tools.seasons import local_zone

SANTIAGO = local_zone()
T = datetime(2023, 4, 28, 5, 2, tzinfo=SANTIAGO).timestamp()
MIN, HOUR, DAY = 60, 3600, 86_400


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (20, "hace menos de un minuto"),
        (MIN, "hace 1 minuto"),
        (59 * MIN, "hace 59 minutos"),
        (HOUR, "hace 1 hora"),
        (47 * HOUR, "hace 47 horas"),
        (3 * DAY, "hace 3 días"),
        (90 * DAY, "hace 3 meses"),
        (400 * DAY, "hace 1 año"),
        (3 * 365 * DAY + 10 * DAY, "hace 3 años"),
        (-5 * MIN, "hace menos de un minuto"),
    ],
)
def test_ages_in_words(seconds: float, words: str) -> None:
    assert spanish.ago(seconds) == words


def test_a_moment_with_its_age_in_santiago_time() -> None:
    assert spanish.when(T, T + 3 * DAY, SANTIAGO) == "hace 3 días, el 28 de abril de 2023 a las 05:02"
    one_oclock = datetime(2023, 4, 28, 1, 15, tzinfo=SANTIAGO).timestamp()
    assert spanish.moment(one_oclock, SANTIAGO) == "28 de abril de 2023 a la 01:15"


@pytest.mark.parametrize(
    ("since", "until", "words"),
    [
        (T - 7 * DAY, T, "del 21 al 28 de abril de 2023"),
        (T - 30 * DAY, T, "del 29 de marzo al 28 de abril de 2023"),
        (T - 130 * DAY, T, "del 19 de diciembre de 2022 al 28 de abril de 2023"),
        (T - 2 * HOUR, T, "el 28 de abril de 2023, de 03:02 a 05:02"),
    ],
)
def test_periods(since: float, until: float, words: str) -> None:
    assert spanish.period(since, until, SANTIAGO) == words


def test_durations_and_numbers() -> None:
    assert [spanish.duration(s) for s in (30, 35 * MIN, 4 * HOUR + 9 * MIN, 3 * DAY)] == [
        "1 minuto",
        "35 minutos",
        "4 horas",
        "3 días",
    ]
    assert spanish.decimal(1.425) in ("1,43", "1,42") and spanish.decimal(30.0, 0) == "30"
    assert spanish.day_of("2026-01-16") == "16 de enero" and spanish.day_of("mañana") == "mañana"


def test_windows_are_relative_to_now_unless_there_is_no_data_in_them() -> None:
    now = T + 400 * DAY
    current = choose_window(now, 7, now - HOUR)
    assert (current.since, current.until, current.fallback) == (now - 7 * DAY, now, False)
    assert current.name(SANTIAGO) == "los últimos 7 días"
    old = choose_window(now, 7, T)
    assert (old.since, old.until, old.fallback) == (T - 7 * DAY, T, True)
    assert old.name(SANTIAGO) == "los últimos 7 días con datos, del 21 al 28 de abril de 2023"
    assert choose_window(now, 1, None).name(SANTIAGO) == "las últimas 24 h"
