"""Time windows are honoured and said: the last hours or days, today, yesterday, a month, dates.

Now is Thursday 15 January 2026, 12:00 in Santiago.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from botk_adapters.local.route_windows import UnknownWindow, WindowWords, find_window
from botk_core.phrasing import expand_abbreviations
from botk_core.text import fold
from botk_core.tools.measurements import promedio_tool
from botk_core.tools.seasons import local_zone
from tests.sensors.chat import Committee, field_readings
from tests.sensors.routing import routed
from tests.tools.helpers import NOW, reading, run, stations_of

SANTIAGO = local_zone()


def window(text: str) -> Any:
    found = find_window(expand_abbreviations(fold(text)), NOW, SANTIAGO)
    return dict(found.arguments) if isinstance(found, WindowWords) else found


@pytest.mark.parametrize(
    ("text", "arguments"),
    [
        ("promedio de las ultimas 24 horas", {"horas": 24}),
        ("Promedio de las últimas 24 horas", {"horas": 24}),
        ("promedio 24 h en iquiuca", {"horas": 24}),
        ("promedio ultimas 24hrs", {"horas": 24}),
        ("promedio de la última hora", {"horas": 1}),
        ("promedio de ayer", {"desde": "2026-01-14", "hasta": "2026-01-14"}),
        ("PROMEDIO DE AYER", {"desde": "2026-01-14", "hasta": "2026-01-14"}),
        ("promedio de anteayer", {"desde": "2026-01-13", "hasta": "2026-01-13"}),
        ("promedio de temperatura del mes pasado", {"desde": "2025-12-01", "hasta": "2025-12-31"}),
        ("promedio de la ultima semana", {"dias": 7}),
        ("promedio de la semana pasada", {"desde": "2026-01-05", "hasta": "2026-01-11"}),
        ("promedio de los ultimos 3 dias", {"dias": 3}),
        ("promedio de los últimos tres días", {"dias": 3}),
        ("promedio de las últimas 2 semanas", {"dias": 14}),
        ("promedio de hoy", {"desde": "2026-01-15"}),
        ("promedio desde el lunes", {"desde": "2026-01-12"}),
        ("promedio desde el miércoles", {"desde": "2026-01-14"}),
        ("promedio en septiembre", {"desde": "2025-09-01", "hasta": "2025-09-30", "anio_supuesto": True}),
        ("promedio en Septiembre de 2023", {"desde": "2023-09-01", "hasta": "2023-09-30"}),
        ("promedio de enero", {"desde": "2026-01-01", "hasta": "2026-01-31", "anio_supuesto": True}),
        ("promedio en 2023", {"desde": "2023-01-01", "hasta": "2023-12-31"}),
        ("promedio del 1 al 15 de septiembre de 2023", {"desde": "2023-09-01", "hasta": "2023-09-15"}),
        (
            "promedio entre el 3 de enero y el 10 de enero",
            {"desde": "2026-01-03", "hasta": "2026-01-10", "anio_supuesto": True},
        ),
        ("promedio del 14 de septiembre de 2023", {"desde": "2023-09-14", "hasta": "2023-09-14"}),
        ("promedio del 14/09/2023", {"desde": "2023-09-14", "hasta": "2023-09-14"}),
        ("promedio desde el 10 de enero", {"desde": "2026-01-10"}),
    ],
)
def test_the_windows_people_name(text: str, arguments: dict[str, Any]) -> None:
    assert window(text) == arguments


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("promedio de la quincena", "quincena"),
        ("promedio de anoche", "anoche"),
        ("promedio del trimestre", "trimestre"),
        ("promedio del semestre", "semestre"),
        ("promedio de ayer en la tarde", "tarde"),
    ],
)
def test_a_window_botk_cannot_compute_is_named(text: str, words: str) -> None:
    assert window(text) == UnknownWindow(words)


def test_greetings_and_rates_are_not_windows() -> None:
    assert window("buenos días, ¿el promedio?") is None
    assert window("¿cuántos cm por día baja?") is None


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        ("promedio de las ultimas 24 horas", {"estacion": "todas", "horas": 24}),
        ("promedio de las últimas 24 h en iquiuca", {"estacion": "Iquiuca", "horas": 24}),
        (
            "promedio de ayer",
            {"estacion": "todas", "desde": "2026-01-14", "hasta": "2026-01-14", "relativo": True},
        ),
        (
            "¿Cómo estuvo el nivel ayer en Cau Cau?",
            {
                "estacion": "Cau-Cau",
                "desde": "2026-01-14",
                "hasta": "2026-01-14",
                "relativo": True,
                "campos": ["nivel"],
            },
        ),
    ],
)
def test_the_window_reaches_the_tool(question: str, arguments: dict[str, Any]) -> None:
    assert routed(question) == ("get_promedio", arguments)


def test_a_window_it_cannot_compute_is_said_and_no_tool_runs() -> None:
    found = routed("promedio de la quincena")
    assert found == (None, {})


def tool_over_two_days() -> Any:
    readings = [reading(i, hours, nivel=1.0 + i / 10) for i, hours in enumerate((50, 30, 20, 3, 1), start=1)]
    return promedio_tool(stations_of(readings))


def test_hours_and_dates_choose_the_readings() -> None:
    tool = tool_over_two_days()
    last_hours = run(tool, estacion="Iquiuca", horas=6)
    assert last_hours["lecturas"] == 2 and last_hours["ventana"]["pedida"] == "las últimas 6 h"
    yesterday = run(tool, estacion="Iquiuca", desde="2026-01-14", hasta="2026-01-14")
    assert yesterday["lecturas"] == 2 and yesterday["promedio"]["nivel"] == 1.25
    assert yesterday["ventana"]["pedida"] == "ayer, 14 de enero de 2026" and yesterday["ventana"]["fechas"]


def test_a_period_without_data_says_when_the_data_is_from() -> None:
    output = run(tool_over_two_days(), estacion="Iquiuca", desde="2023-09-01", hasta="2023-09-30")
    assert output["error"] == (
        "No hay lecturas de Iquiuca en septiembre de 2023. Sus datos van del 13 al 15 de enero de 2026 "
        "(el último es de hace 1 hora, el 15 de enero de 2026 a las 11:00)."
    )


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({"dias": 7, "horas": 24}, "Indica el período de una sola forma"),
        ({"desde": "14-01-2026"}, "desde debe ser una fecha como 2023-09-01"),
        ({"desde": "2026-01-14", "hasta": "2026-01-10"}, "el período está al revés"),
    ],
)
def test_a_window_said_two_ways_or_badly_is_an_error(arguments: dict[str, Any], problem: str) -> None:
    assert problem in run(tool_over_two_days(), estacion="Iquiuca", **arguments)["error"]


@pytest.fixture
def committee(tmp_path: Path) -> Committee:
    return Committee(tmp_path, field_readings(tmp_path))


def test_the_answer_says_the_window_it_used(committee: Committee) -> None:
    day = committee.ask("promedio de las ultimas 24 horas en cau cau")
    assert day.startswith("Promedios de la estación Cau-Cau en las últimas 24 h (144 lecturas")
    old = committee.ask("promedio de las últimas 24 h en iquiuca")
    assert old.startswith("No hay lecturas de Iquiuca en las últimas 24 h: el último dato es de hace 2 años")
    assert "Te muestro los promedios de las últimas 24 h con datos, del 29 al 30 de abril de 2023" in old
    yesterday = committee.ask("promedio de ayer en janchima")
    assert yesterday.startswith("Promedios de la estación Janchima ayer, 14 de enero de 2026 (144 lecturas")
    april = committee.ask("promedio de abril de 2023")
    assert april.startswith("Promedios de la estación Iquiuca en abril de 2023 (")
    assert "No hay lecturas de Cau-Cau en abril de 2023. Sus datos van del 8 al 15 de enero de 2026" in april


def test_a_month_without_data_is_said_and_the_last_month_with_data_offered(committee: Committee) -> None:
    answer = committee.ask("promedio de temperatura del mes pasado")
    # Iquiuca's data ends in April 2023: its last month with data is offered, and said so.
    assert answer.startswith(
        "No hay lecturas de Iquiuca en diciembre de 2025; te muestro abril de 2023, el último con datos.\n"
        "Temperatura promedio de la estación Iquiuca en abril de 2023 (1073 lecturas"
    )
    # The data of the other stations starts after that month: nothing later to offer, nothing invented.
    assert (
        "No hay lecturas de Cau-Cau en diciembre de 2025. Sus datos van del 8 al 15 de enero de 2026"
        in answer
    )


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "promedio de iquiuca ayer",
            "No hay lecturas de Iquiuca ayer, 14 de enero de 2026; te muestro el 30 de abril",
        ),
        ("promedio iquiuca hoy", "No hay lecturas de Iquiuca hoy; te muestro el 30 de abril de 2023"),
        (
            "promedio iquiuca la semana pasada",
            "; te muestro del 24 al 30 de abril de 2023, el último con datos.",
        ),
        ("q temp promedio tenia iquiuca el mes pasado", "; te muestro abril de 2023, el último con datos."),
        (
            "promedio de iquiuca desde el lunes",
            "; te muestro del 27 al 30 de abril de 2023, el último con datos.",
        ),
    ],
)
def test_a_period_named_from_today_without_data_offers_the_last_one_like_it(
    committee: Committee, question: str, said: str
) -> None:
    answer = committee.ask(question)
    assert said in answer.splitlines()[0]
    assert "romedio" in answer.splitlines()[1] and "de la estación Iquiuca" in answer.splitlines()[1]


def test_an_unknown_window_is_said_with_the_ones_botk_knows(committee: Committee) -> None:
    answer = committee.ask("promedio de la quincena")
    assert answer.startswith("No sé calcular promedios para «quincena». Puedo usar: las últimas N horas")


@pytest.mark.parametrize(
    ("question", "window"),
    [
        # a month and its year, however it is written
        ("promedio pulcha marzo 2023", ("2023-03-01", "2023-03-31")),
        ("promedio de pulcha en 03/2023", ("2023-03-01", "2023-03-31")),
        ("promedio pulcha 3/2023", ("2023-03-01", "2023-03-31")),
        ("promedio pulcha 2023-03", ("2023-03-01", "2023-03-31")),
        ("promedio pulcha mar 2023", ("2023-03-01", "2023-03-31")),
        ("promedio pulcha dic-25", ("2025-12-01", "2025-12-31")),
        ("promedio de pulcha 12/25", ("2025-12-01", "2025-12-31")),
        # one day
        ("promedio pulcha 14/03/2023", ("2023-03-14", "2023-03-14")),
        ("promedio pulcha 14-03-2023", ("2023-03-14", "2023-03-14")),
        ("promedio pulcha 14/3/23", ("2023-03-14", "2023-03-14")),
        ("promedio pulcha 14 marzo 2023", ("2023-03-14", "2023-03-14")),
        ("promedio pulcha el 14 de marzo 2023", ("2023-03-14", "2023-03-14")),
        # ranges
        ("promedio pulcha del 1 al 15 de marzo 2023", ("2023-03-01", "2023-03-15")),
        ("promedio pulcha del 1/3/2023 al 15/3/2023", ("2023-03-01", "2023-03-15")),
        ("promedio pulcha de enero a marzo 2023", ("2023-01-01", "2023-03-31")),
        ("promedio pulcha entre octubre y diciembre de 2024", ("2024-10-01", "2024-12-31")),
    ],
)
def test_dates_as_the_field_writes_them(question: str, window: tuple[str, str]) -> None:
    assert routed(question) == (
        "get_promedio",
        {"estacion": "Pulcha", "desde": window[0], "hasta": window[1]},
    )


@pytest.mark.parametrize(
    ("question", "window"),
    [
        ("promedio pulcha en dic", ("2025-12-01", "2025-12-31")),
        ("promedio pulcha de sept", ("2025-09-01", "2025-09-30")),
        ("promedio de pulcha de septiembre y octubre", ("2025-09-01", "2025-10-31")),
        ("promedio pulcha de noviembre a enero", ("2025-11-01", "2026-01-31")),
    ],
)
def test_months_without_their_year_are_the_latest_ones_and_say_so(
    question: str, window: tuple[str, str]
) -> None:
    assert routed(question) == (
        "get_promedio",
        {"estacion": "Pulcha", "desde": window[0], "hasta": window[1], "anio_supuesto": True},
    )


def test_a_month_without_its_year_and_without_data_is_the_latest_such_month_with_data(
    committee: Committee,
) -> None:
    # Data of April 2023 only: "en abril" (April 2026 is still to come) is April 2025, without data.
    answer = committee.ask("promedio de iquiuca en abril")
    assert answer.startswith(
        "No hay lecturas de Iquiuca en abril de 2025; te muestro abril de 2023, el último con datos.\n"
        "Promedios de la estación Iquiuca en abril de 2023 (1073 lecturas"
    )
