"""A data follow-up keeps its intent with a new station, place or window; a new question inherits nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sensors.chat import Committee, field_readings
from tests.sensors.routing import routed

SEVEN_DAYS_IN_CAU_CAU = "promedio de los ultimos 7 dias en cau cau"


@pytest.mark.parametrize("turn", ["y janchima?", "¿Y Janchima?", "y en janchima", "y JANCHIMA", "y janchma?"])
def test_another_station_keeps_the_average_and_its_window(turn: str) -> None:
    assert routed(turn, [SEVEN_DAYS_IN_CAU_CAU]) == ("get_promedio", {"estacion": "Janchima", "dias": 7})


@pytest.mark.parametrize(
    ("turn", "window"),
    [
        ("¿y en las últimas 24 horas?", {"horas": 24}),
        ("y ayer?", {"desde": "2026-01-14", "hasta": "2026-01-14", "relativo": True}),
        ("y en septiembre de 2023", {"desde": "2023-09-01", "hasta": "2023-09-30"}),
        ("las ultimas 24 h", {"horas": 24}),
    ],
)
def test_another_window_keeps_the_station(turn: str, window: dict[str, object]) -> None:
    assert routed(turn, [SEVEN_DAYS_IN_CAU_CAU]) == ("get_promedio", {"estacion": "Cau-Cau", **window})


def test_a_follow_up_leans_on_the_last_data_question_through_the_thread() -> None:
    thread = [SEVEN_DAYS_IN_CAU_CAU, "y janchima?", "gracias"]
    assert routed("¿y en las últimas 24 horas?", thread) == (
        "get_promedio",
        {"estacion": "Janchima", "horas": 24},
    )


def test_the_weather_follows_the_place_and_a_weather_question_is_the_weather() -> None:
    assert routed("y en Iquiuca?", ["que tiempo hace en mamiña"]) == ("get_clima", {"location": "Iquiuca"})
    assert routed("que tiempo hace en mamiña", ["promedios por estacion del año"]) == (
        "get_clima",
        {"location": "Mamiña"},
    )


def test_the_weather_of_a_tank_is_the_forecast_of_its_place(committee: Committee) -> None:
    committee.ask("que tiempo hace en mamiña")
    answer = committee.ask("¿y janchima?")
    assert answer.startswith(
        "Entendí: «el tiempo en Janchima».\nClima en Mamiña (pronóstico de Janchima) ahora:"
    )


def test_a_question_of_its_own_inherits_nothing() -> None:
    earlier = ["¿cómo está el estanque de Cau Cau?"]
    assert routed("nivel del estanque", earlier) == ("diagnostico_hidrico_integrado", {})
    assert routed("el estanque de Pulcha", earlier) == (
        "diagnostico_hidrico_integrado",
        {"estacion": "Pulcha"},
    )
    assert routed("¿cuánto plomo salió en Miraflores?", earlier) is None


def test_a_diagnosis_follow_up_about_the_past_is_that_period_s_average() -> None:
    assert routed("¿y ayer?", ["¿cómo está el estanque de Cau Cau?"]) == (
        "get_promedio",
        {"estacion": "Cau-Cau", "desde": "2026-01-14", "hasta": "2026-01-14", "relativo": True},
    )


@pytest.fixture
def committee(tmp_path: Path, sample_documents: Path) -> Committee:
    return Committee(tmp_path, field_readings(tmp_path), documents=sample_documents)


def test_the_answer_says_the_question_it_rebuilt(committee: Committee) -> None:
    committee.ask(SEVEN_DAYS_IN_CAU_CAU)
    janchima = committee.ask("y janchima?")
    assert janchima.startswith(
        "Entendí: «promedio de Janchima en los últimos 7 días».\n"
        "Promedios de la estación Janchima en los últimos 7 días"
    )
    day = committee.ask("¿y en las últimas 24 horas?")
    assert day.startswith("Entendí: «promedio de Janchima en las últimas 24 h».\n")
    other = committee.ask("¿y de Cau Cau?")
    assert other.startswith("Entendí: «promedio de Cau-Cau en las últimas 24 h».\n")


def test_a_sensor_asked_after_a_diagnosis_is_that_sensor_of_that_tank(committee: Committee) -> None:
    committee.ask("¿cómo está el estanque de Cau Cau?")
    temperature = committee.ask("¿y la temperatura?")
    assert temperature.startswith(
        "Entendí: «la temperatura de Cau-Cau».\nLa última temperatura válida de Cau-Cau es "
    )


def test_new_questions_mid_thread_are_read_on_their_own(committee: Committee) -> None:
    committee.ask("¿cómo está el estanque de Cau Cau?")
    level = committee.ask("nivel del estanque")
    assert "Entendí" not in level and "del estanque del estanque" not in level
    committee.ask("promedios por estacion del año")
    weather = committee.ask("que tiempo hace en mamiña")
    assert weather.startswith("Clima en Mamiña ahora:")
    latest = committee.ask("cuando fue el ultimo dato de iquiuca")
    assert latest.startswith("El último dato válido de Iquiuca es de hace 2 años, el 30 de abril de 2023")


def test_a_document_follow_up_leans_on_the_document_question_not_on_the_data(committee: Committee) -> None:
    committee.ask("¿qué significa la luz roja del sensor?")
    committee.ask("¿cómo están los estanques?")
    answer = committee.ask("¿y la luz verde?")
    assert "Diagnóstico hídrico" not in answer and "verde" in answer.lower()


LAST_WEEK_IN_CAU_CAU = "promedio de cau cau la semana pasada"


@pytest.mark.parametrize(
    "turn",
    ["y la semana anterior?", "¿Y la semana anterior?", "y la semana previa", "y la anterior?", "y antes?"],
)
def test_the_week_before_moves_back_from_the_last_window(turn: str) -> None:
    # Now is Thursday 15 January 2026: last week is 5-11 January, the one before 29 December-4 January.
    assert routed(turn, [LAST_WEEK_IN_CAU_CAU]) == (
        "get_promedio",
        {"estacion": "Cau-Cau", "desde": "2025-12-29", "hasta": "2026-01-04"},
    )


@pytest.mark.parametrize(
    ("earlier", "turn", "window"),
    [
        # twice back: two weeks before last week
        (
            [LAST_WEEK_IN_CAU_CAU, "y la semana anterior?"],
            "y la semana anterior",
            ("2025-12-22", "2025-12-28"),
        ),
        (["promedio cau cau ayer"], "y el dia antes?", ("2026-01-13", "2026-01-13")),
        (["promedio cau cau ayer"], "y el dia anterior", ("2026-01-13", "2026-01-13")),
        (["promedio de cau cau en diciembre de 2025"], "y el mes anterior?", ("2025-11-01", "2025-11-30")),
        (["promedio de cau cau en diciembre de 2025"], "y el anterior", ("2025-11-01", "2025-11-30")),
        (["promedio cau cau marzo 2023"], "y el año anterior?", ("2022-03-01", "2022-03-31")),
        (["promedio cau cau en 2023"], "y el ano anterior", ("2022-01-01", "2022-12-31")),
        # the last 3 days are 12 January 12:00 to now: the week before is the whole days 5 to 11 January
        (["promedio cau cau ultimos 3 dias"], "y la semana anterior?", ("2026-01-05", "2026-01-11")),
        (["promedio cau cau ultimos 3 dias"], "y antes?", ("2026-01-09", "2026-01-11")),
        # the last 6 hours move back as local times
        (["promedio cau cau ultimas 6 horas"], "y antes?", ("2026-01-15T00:00", "2026-01-15T06:00")),
    ],
)
def test_any_window_moves_back_by_the_unit_asked(
    earlier: list[str], turn: str, window: tuple[str, str]
) -> None:
    assert routed(turn, earlier) == (
        "get_promedio",
        {"estacion": "Cau-Cau", "desde": window[0], "hasta": window[1]},
    )


@pytest.mark.parametrize("earlier", [[], ["como esta el estanque de cau cau"], ["promedio de cau cau"]])
def test_the_week_before_with_no_window_before_it_is_last_week(earlier: list[str]) -> None:
    station = {"estacion": "Cau-Cau"} if earlier else {"estacion": "todas"}
    question = "y la semana anterior?" if earlier else "promedio de la semana anterior"
    assert routed(question, earlier) == (
        "get_promedio",
        {**station, "desde": "2026-01-05", "hasta": "2026-01-11", "relativo": True},
    )


@pytest.mark.parametrize(
    ("turn", "fields"),
    [
        ("y la humedad?", ["humedad"]),
        ("¿Y LA HUMEDAD?", ["humedad"]),
        ("y de humedad", ["humedad"]),
        ("y la temperatura?", ["temperatura"]),
        ("y la temp", ["temperatura"]),
        ("y el nivel?", ["nivel"]),
        ("y la humedad y la temperatura?", ["temperatura", "humedad"]),
    ],
)
def test_a_measurement_asked_after_an_average_keeps_its_station_and_window(
    turn: str, fields: list[str]
) -> None:
    assert routed(turn, ["promedio cau cau ayer"]) == (
        "get_promedio",
        {
            "estacion": "Cau-Cau",
            "desde": "2026-01-14",
            "hasta": "2026-01-14",
            "relativo": True,
            "campos": fields,
        },
    )


def test_the_measurement_stays_when_the_next_turn_changes_the_station() -> None:
    assert routed("y en janchima?", ["promedio cau cau ayer", "y la humedad?"]) == (
        "get_promedio",
        {
            "estacion": "Janchima",
            "desde": "2026-01-14",
            "hasta": "2026-01-14",
            "relativo": True,
            "campos": ["humedad"],
        },
    )


def test_the_answers_follow_the_shifted_window_and_the_measurement(committee: Committee) -> None:
    committee.ask("promedio de janchima ayer")
    before = committee.ask("y el dia anterior?")
    assert before.startswith(
        "Entendí: «promedio de Janchima el 13 de enero de 2026».\n"
        "Promedios de la estación Janchima el 13 de enero de 2026 (144 lecturas"
    )
    humidity = committee.ask("y la humedad?")
    assert humidity.startswith(
        "Entendí: «promedio de humedad de Janchima el 13 de enero de 2026».\n"
        "Humedad promedio de la estación Janchima el 13 de enero de 2026 (144 lecturas"
    )
    assert "temperatura" not in humidity and "nivel" not in humidity
