"""A question about one tank gets a short answer: what it asks first, the tank in one line.

Iquiuca's data ends on 30 April 2023 (silent since), Pulcha sends data and is low,
Janchima sends data and is normal; now is 15 January 2026.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sensors.chat import Committee, field_readings


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> Committee:
    tmp_path: Path = tmp_path_factory.mktemp("one_tank")
    return Committee(tmp_path, field_readings(tmp_path))


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("cual es la ultima temperatura de janchima", "La última temperatura válida de Janchima es 25,5 °C"),
        ("ultima humedad de janchima", "La última humedad válida de Janchima es "),
        ("nivel de janchima", "El último nivel válido del estanque de Janchima es 1,80 m"),
        ("ultima medicion de janchima", "El último dato válido de Janchima es de hace 5 minutos"),
        ("cuando fue el ultimo dato de janchma", "El último dato válido de Janchima es de hace 5 minutos"),
    ],
)
def test_a_value_of_one_tank_is_answered_in_two_lines(
    committee: Committee, question: str, first: str
) -> None:
    committee.new_thread()
    lines = committee.ask(question).splitlines()
    assert lines[0].startswith(first)
    assert lines[1:] == [
        "En resumen, Janchima: uso normal (condición normal): el nivel (1,80 m) está sobre el umbral "
        "de 1,0 m; último dato hace 5 minutos."
    ]


@pytest.mark.parametrize(
    "question",
    [
        "el sensor de iquiuca esta funcionando?",
        "el sensor de iquiuca funciona?",
        "iquiuca sigue enviando datos?",
        "la estacion de iquiuca esta operativa",
    ],
)
def test_a_silent_station_is_not_working_and_says_since_when(committee: Committee, question: str) -> None:
    committee.new_thread()
    answer = committee.ask(question)
    assert answer.startswith(
        "No: Iquiuca no envía datos desde el 30 de abril de 2023 a las 19:14 (hace 2 años)"
    )
    assert answer.endswith(
        "En resumen, Iquiuca: sin datos recientes (último dato hace 2 años): revisar la estación."
    )
    assert "uso normal" not in answer


@pytest.mark.parametrize("question", ["el sensor de pulcha funciona?", "pulcha esta enviando datos?"])
def test_a_station_that_sends_data_works(committee: Committee, question: str) -> None:
    committee.new_thread()
    answer = committee.ask(question)
    assert answer.startswith("Sí: Pulcha envía datos; el último es de hace 15 minutos")
    assert "\nEn resumen, Pulcha: racionar el agua (condición crítica)" in answer


@pytest.mark.parametrize(
    "question",
    [
        "iquiuca dejo de mandar datos?",
        "la estacion de iquiuca dejo de enviar datos",
        "se callo iquiuca?",
        "iquiuca no envia datos?",
    ],
)
def test_a_silence_until_now_is_an_event(committee: Committee, question: str) -> None:
    committee.new_thread()
    answer = committee.ask(question)
    assert answer.startswith(
        "Sí.\nIquiuca no envía datos desde el 30 de abril de 2023 a las 19:14 (hace 2 años)."
    )


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("promedio de pica", "pica"),
        ("promedio de la estacion huara", "huara"),
        ("promedio de temperatura de Pozo Almonte", "Pozo Almonte"),
        ("nivel promedio de chusmiza ultimos 7 dias", "chusmiza"),
    ],
)
def test_an_average_of_an_unknown_station_lists_the_known_ones(
    committee: Committee, question: str, name: str
) -> None:
    committee.new_thread()
    assert committee.ask(question) == (
        f"No hay una estación llamada «{name}». Estaciones conocidas: Iquiuca, Cau-Cau, Cementerios, "
        "Janchima, Pulcha, Puquios."
    )


@pytest.mark.parametrize(
    "question",
    ["que eventos hubo en iquiuca", "que paso con el estanque de iquiuca", "q problemas hubo en iquiuca"],
)
def test_what_happened_lists_the_silence_until_now_first_then_the_past(
    committee: Committee, question: str
) -> None:
    committee.new_thread()
    lines = committee.ask(question).splitlines()
    assert lines[:3] == [
        "Iquiuca no envía datos desde el 30 de abril de 2023 a las 19:14 (hace 2 años).",
        "En los datos de Iquiuca (del 1 al 30 de abril de 2023):",
        "- El estanque estuvo vacío 4 horas (el 12 de abril de 2023, de 02:13 a 06:22).",
    ]
