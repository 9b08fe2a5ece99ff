"""Which data tool the offline assistant picks for a question, and for which station."""

from __future__ import annotations

import pytest

from botk_adapters.local.data_turns import DataRouter


@pytest.mark.parametrize(
    ("question", "tool", "arguments"),
    [
        ("¿cómo están los estanques?", "diagnostico_hidrico_integrado", {}),
        ("como estan los tanques", "diagnostico_hidrico_integrado", {}),
        (
            "¿cómo está el estanque de Cau Cau esta semana?",
            "diagnostico_hidrico_integrado",
            {"estacion": "Cau Cau"},
        ),
        ("¿Cómo está Quipisca?", "diagnostico_hidrico_integrado", {"estacion": "Quipisca"}),
        ("¿cómo está el agua en Iquiuca?", "diagnostico_hidrico_integrado", {"estacion": "Iquiuca"}),
        ("¿cómo están los estanques de Macaya?", "diagnostico_hidrico_integrado", {}),
        (
            "cual es el nivel del estanque de la Escuela",
            "diagnostico_hidrico_integrado",
            {"estacion": "Escuela"},
        ),
        ("promedio de los últimos 7 días", "get_promedio", {"estacion": "todas", "dias": 7}),
        ("promedio del estanque de Cau-Cau", "get_promedio", {"estacion": "Cau-Cau"}),
        ("promedios por estación del año", "get_promedio_estacional", {}),
        ("¿cómo está compuesto el sensor?", "search_documents", {"query": "¿cómo está compuesto el sensor?"}),
        ("¿cómo está la situación del sensor de nivel?", "search_documents", None),
    ],
)
def test_data_questions_reach_their_tool(question: str, tool: str, arguments: dict | None) -> None:
    turn = DataRouter().turn([], question)
    chosen, given = (turn.tool, turn.arguments) if turn else ("search_documents", {"query": question})
    assert chosen == tool
    if arguments is not None:
        assert dict(given) == arguments


@pytest.mark.parametrize(
    "question",
    [
        "q mide el sensor del tanque",
        "que miden los sensores del estanque de Iquiuca",
        "para que sirve el sensor de nivel",
        "con cuantas boletas impagas cortan el agua",
        "a cuantos meses de deuda cortan el agua",
        "en cuantos dias reponen el agua despues del corte",
        # A lab parameter spelled right is not a typo of an action («hierro» / «cierro»).
        "hierro del estanque comunitario de iquiuca en oct 2021",
        "cuanto hierro tenia el agua del estanque de Iquiuca",
        # What a device runs on, and advice on using less water.
        "el sensor del bofedal con q funciona",
        "con que bateria funciona el sensor del estanque",
        "de q se alimenta la estacion de iquiuca",
        "q pila lleva la cajita del sensor",
        "tips pa gastar menos agua en la casa",
        "consejos para usar menos agua",
        "ideas pa ocupar menos agua en el riego",
        "como gastar menos agua",
        # Whether a cut is announced is a rule of the committee.
        "avisan antes de cortar el agua x arreglos",
        "con cuanta anticipacion nos avisan si van a cortar el agua del estanque",
    ],
)
def test_what_a_device_is_for_and_the_rules_of_the_service_are_for_the_documents(question: str) -> None:
    assert DataRouter().turn([], question) is None


@pytest.mark.parametrize(
    "question",
    [
        "que marca el sensor del estanque de Iquiuca",
        "cortamos el agua?",
        "como esta el estanque de Iquiuca",
        "cierro la llave del estanque de iquiuca?",
        "esta funcionando el sensor de iquiuca",
        "gastamos menos agua esta semana?",
    ],
)
def test_a_reading_or_a_decision_now_still_reaches_the_data(question: str) -> None:
    turn = DataRouter().turn([], question)
    assert turn is not None and turn.tool == "diagnostico_hidrico_integrado", turn
