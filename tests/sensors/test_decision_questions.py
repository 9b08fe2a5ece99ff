"""Saving, releasing or using the water now goes to the diagnosis; the manual's rules go to the documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sensors.chat import Committee, field_readings
from tests.sensors.routing import routed

DIAGNOSIS = "diagnostico_hidrico_integrado"


@pytest.mark.parametrize(
    "question",
    [
        "guardamos o soltamos agua esta semana?",
        "¿Guardamos o soltamos agua esta semana?",
        "GUARDAMOS O SOLTAMOS AGUA ESTA SEMANA",
        "guradamos o soltmos agua esta semana?",  # two typos
        "¿Conviene guardar o liberar agua esta semana?",
        "conviene guardar o liberar el agua",
        "conviene guardar o liverar agua esta semana",
        "hay que ahorrar agua?",
        "¿Hay que ahorar agua?",
        "soltamos el agua o no",
        "¿Soltamos el agua o no?",
        "que hacemos con el agua",
        "¿Qué hacemos con el agua?",
        "podemos regar esta semana?",
        "¿Podemos regar hoy?",
        "alcanza el agua?",
        "¿Alcanzará el agua esta semana?",
        "como estamos de agua",
        "¿Cómo estamos de agua?",
        "¿repartimos el agua esta semana?",
        "debemos racionar el agua?",
    ],
)
def test_a_decision_about_the_water_now_goes_to_the_diagnosis(question: str) -> None:
    assert routed(question) == (DIAGNOSIS, {})


@pytest.mark.parametrize(
    ("question", "station"),
    [
        ("¿guardamos agua en Cau Cau esta semana?", "Cau-Cau"),
        ("soltamos el agua de janchima o no", "Janchima"),
        ("¿alcanza el agua en PULCHA?", "Pulcha"),
    ],
)
def test_a_decision_for_a_named_tank_is_for_that_tank(question: str, station: str) -> None:
    assert routed(question) == (DIAGNOSIS, {"estacion": station})


@pytest.mark.parametrize(
    "question",
    [
        "¿cuándo conviene guardar agua según el manual?",
        "cuando conviene guardar agua",
        "¿Qué dice el manual sobre guardar agua?",
        "¿cómo podemos ahorrar agua?",
        "consejos para ahorrar agua",
        "¿por qué hay que ahorrar agua?",
        "¿quién decide cuándo soltar el agua?",
        "¿qué criterios usa la directiva para liberar agua?",
        # Advice and facts about watering and saving water: the documents answer them.
        "cuanto hay q regar la lechuga",
        "puedo regar en verano con el agua de la llave",
        "¿Cuánta agua se ahorra con riego por goteo?",
        "¿Cómo se riegan los árboles frutales?",
        "cuidados del agua en invierno",
        "multa por regar fuera de turno",
        "desde q porcentaje se considera q va a llover",
        # Another person of an action's verb is not a typo of it: the committee's rules.
        "si no pago me cortan el agua?",
        "q plantas nativas gastan poca agua",
    ],
)
def test_what_the_documents_say_about_saving_water_stays_a_document_search(question: str) -> None:
    assert routed(question) is None


def test_the_committee_gets_a_recommendation_per_tank_even_with_documents(
    tmp_path: Path, sample_documents: Path
) -> None:
    chat = Committee(tmp_path, field_readings(tmp_path), documents=sample_documents)
    answer = chat.ask("guardamos o soltamos agua esta semana?")
    assert answer.startswith("Recomendación por estanque:\n- Cau-Cau: guardar agua (condición moderada): ")
    assert "\n- Pulcha: racionar el agua (condición crítica): el nivel (0,85 m) está bajo el umbral" in answer
    # Data years old is a station to check, never "uso normal".
    assert "\n- Iquiuca: sin datos recientes (último dato hace 2 años): revisar la estación.\n" in answer
    # A station that sends data with its level sensor stuck: the sensor is to be checked.
    assert "\n- Puquios: revisar el sensor: " in answer
    assert "Fuente:" not in answer
    rules = chat.ask("¿cuándo conviene guardar agua según el manual?")
    assert "Fuente:" in rules and "Diagnóstico hídrico" not in rules
