"""A known station is found wherever the question names it: any case, accents, hyphens, one typo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from botk_adapters.local.route_stations import Lexicon
from tests.sensors.chat import Committee, field_readings
from tests.sensors.routing import STATIONS, routed

AVERAGE, DIAGNOSIS = "get_promedio", "diagnostico_hidrico_integrado"


@pytest.mark.parametrize(
    ("question", "arguments"),
    [
        ("promedio del nivel en janchima", {"estacion": "Janchima", "campos": ["nivel"]}),
        ("Promedio del nivel en JANCHIMA", {"estacion": "Janchima", "campos": ["nivel"]}),
        ("promedio del nivel en cau cau", {"estacion": "Cau-Cau", "campos": ["nivel"]}),
        ("promedio del nivel en caucau", {"estacion": "Cau-Cau", "campos": ["nivel"]}),
        ("promedio en pulcha", {"estacion": "Pulcha"}),
        ("promedio en pulcah", {"estacion": "Pulcha"}),  # a typo
        ("promedio de los ultimos 7 dias en cau cau", {"estacion": "Cau-Cau", "dias": 7}),
        ("promedio de los últimos 7 días en Cau-Cau", {"estacion": "Cau-Cau", "dias": 7}),
        ("promedio de los cementerios", {"estacion": "Cementerios"}),
    ],
)
def test_a_named_station_gets_its_own_average(question: str, arguments: dict[str, Any]) -> None:
    assert routed(question) == (AVERAGE, {**arguments})


@pytest.mark.parametrize(
    ("question", "station"),
    [
        ("como esta pulcha", "Pulcha"),
        ("¿Cómo está Pulcha?", "Pulcha"),
        ("como esta janchima", "Janchima"),
        ("como esta janchma", "Janchima"),  # a typo
        ("como esta cau-cau", "Cau-Cau"),
        ("¿cómo está CAU CAU?", "Cau-Cau"),
        ("el estanque de Iquiuca", "Iquiuca"),
        ("el estanque de iquiuca", "Iquiuca"),
        ("cual es la temperatura en iquiuca", "Iquiuca"),
        ("¿Cuál es el nivel de Puquios?", "Puquios"),
        ("cuando fue el ultimo dato de iquiuca", "Iquiuca"),
        ("janchima", "Janchima"),
        ("diagnostico de cau-cau", "Cau-Cau"),
        ("nivel de janchima", "Janchima"),
        ("¿cuánta agua queda en Cau Cau?", "Cau-Cau"),
        ("Diagnóstico hídrico de PULCHA", "Pulcha"),
    ],
)
def test_a_known_station_on_its_own_goes_to_its_data(question: str, station: str) -> None:
    assert routed(question) == (DIAGNOSIS, {"estacion": station})


@pytest.mark.parametrize(
    "question",
    [
        "¿cuánto nitrito había en Pulcha?",
        "¿quién instaló el sensor de Janchima?",
        "¿cuándo se construyó el estanque de Cau Cau?",
        "¿qué dice el manual del estanque de Iquiuca?",
        "¿qué es el diagnóstico hídrico de Iquiuca?",
    ],
)
def test_a_station_named_in_a_document_question_leaves_it_to_the_documents(question: str) -> None:
    assert routed(question) is None


def test_the_latest_data_of_every_station() -> None:
    assert routed("¿cuándo fue la última lectura?") == (DIAGNOSIS, {})
    assert routed("cual es el ultimo dato") == (DIAGNOSIS, {})


def test_a_name_the_deployment_does_not_know_is_still_taken_after_estanque_de() -> None:
    assert routed("¿cómo está el estanque de la Escuela?") == (DIAGNOSIS, {"estacion": "Escuela"})
    assert routed("¿Cómo está Quipisca?") == (DIAGNOSIS, {"estacion": "Quipisca"})


def test_a_common_word_or_a_short_name_is_never_taken_for_a_station_by_a_typo() -> None:
    lexicon = Lexicon.of([*STATIONS, "Sobra", "Pozo"])
    assert lexicon.station("lo que hay sobre el sensor") is None  # "sobre" is a word, not "Sobra"
    assert lexicon.station("cuantos pozos hay") is None  # too short a name to guess
    assert lexicon.station("el estanque de pulcah") == lexicon.station("el estanque de pulcha")


@pytest.fixture
def committee(tmp_path: Path, sample_documents: Path) -> Committee:
    return Committee(tmp_path, field_readings(tmp_path), documents=sample_documents)


def test_each_named_station_answers_from_its_readings(committee: Committee) -> None:
    average = committee.ask("promedio del nivel en janchima")
    assert average.startswith("Nivel del estanque promedio de la estación Janchima (1008 lecturas")
    assert "humedad" not in average
    assert "Cau-Cau" not in average
    tank = committee.ask("el estanque de Iquiuca")
    # Its data ends in April 2023: that silence comes first, then the verdict on its last data.
    assert tank.startswith(
        "Iquiuca no envía datos desde el 30 de abril de 2023 a las 19:14 (hace 2 años): hay que"
    )
    assert "\nDiagnóstico hídrico de Iquiuca: Condición" in tank and tank.count("no envía datos") == 1
    assert "Fuente:" not in tank
    temperature = committee.ask("cual es la temperatura en iquiuca")
    assert temperature.startswith("La última temperatura válida de Iquiuca es ")
    assert "(hace 2 años, el 30 de abril de 2023 a las" in temperature
    assert committee.ask("como esta cau-cau").startswith(
        "Diagnóstico hídrico de Cau-Cau: Condición moderada."
    )
