"""Colour follow-ups over several turns keep the component, and say a colour it lacks is not there.

Three components give the same colours different meanings; a follow-up that
names only a colour (or how it shines) asks about the component of the thread.
"""

from __future__ import annotations

import pytest

from tests.answers.documents import answers_over, chat_over, docx_bytes

MANUAL = docx_bytes(
    "MANUAL DE MONITOREO – APR CODPA",
    "2. Componentes del sistema",
    "Concentrador: equipo de la sede que recibe los datos por radio y los envía al servidor.",
    "Verde fijo: conectado al servidor.",
    "Amarillo: sin señal celular; guarda los datos hasta 72 horas.",
    "Rojo: falla de la tarjeta SIM.",
    "Rojo parpadeando: buscando la red celular.",
    "Sin luz: sin energía; revisar el enchufe.",
    "Caja de protección del sensor: caja hermética sobre la tapa del estanque.",
    "Verde parpadeando: midiendo y transmitiendo.",
    "Rojo: batería bajo el 20 %.",
    "Rojo parpadeando: el sensor no detecta la superficie del agua.",
    "Sin luz: ahorro nocturno entre las 22:00 y las 6:00.",
    "Analizador de cloro: equipo de la caseta que mide el cloro libre.",
    "Verde: lectura dentro del rango.",
    "Azul: calibración en curso; no tocar durante 10 minutos.",
    "Rojo: cloro fuera del rango; avisar al operador.",
    "Amarillo parpadeando: falta reactivo.",
)


def _chat(*turns: str) -> list[str]:
    return answers_over({"manual_codpa.docx": MANUAL}, *turns)


def test_how_a_colour_shines_is_no_component() -> None:
    answers = _chat(
        "la cajita del sensor parpadea verde q significa", "y si la roja parpadea", "y la amarilla"
    )
    assert "superficie del agua" in answers[1] and "buscando" not in answers[1], answers[1]
    # The box has no yellow light: not the chlorine analyser's, not the hub's.
    assert "No lo encontré" in answers[2] and "reactivo" not in answers[2], answers[2]
    assert "72 horas" not in answers[2], answers[2]


def test_a_colour_written_by_ear_and_a_colour_the_component_lacks() -> None:
    answers = _chat("el consentrador esta en rojo q pasa", "y en amariyo", "y la luz azul")
    assert "sin señal celular" in answers[1], answers[1]
    assert "No lo encontré" in answers[2] and "calibración" not in answers[2], answers[2]


@pytest.mark.parametrize("last", ["y el led rojo", "y la luz roja"])
def test_a_colour_without_a_way_of_shining_is_that_colour_however_it_shines(last: str) -> None:
    answers = _chat("el analisador de cloro tiene la luz azul", "y si parpadea amarillo", last)
    assert "reactivo" in answers[1], answers[1]
    assert "cloro fuera del rango" in answers[2], answers[2]
    assert "batería" not in answers[2] and "tarjeta SIM" not in answers[2], answers[2]


GATEWAY_NAMES_THE_SENSORS = docx_bytes(
    "MANUAL DE TELEMETRÍA – APR CODPA",
    "2. Componentes",
    "Gateway: recibe por radio los datos de la caja de protección del sensor y los envía al servidor.",
    "Verde: conectado.",
    "Azul: modo configuración, con la red wifi de servicio activa.",
    "Caja de protección del sensor: caja hermética con la batería y la radio del sensor de nivel.",
    "Rojo: batería baja.",
    "Verde parpadeando: transmitiendo una lectura.",
)


@pytest.mark.parametrize(
    "turns",
    [
        ("q significa la luz azul de la cajita del sensor",),
        ("q significa la luz roja de la cajita del sensor", "y la azul"),
    ],
)
def test_a_colour_the_named_component_lacks_is_not_another_components(turns: tuple[str, ...]) -> None:
    chat = chat_over({"manual_codpa.docx": GATEWAY_NAMES_THE_SENSORS})
    answer = [chat.ask(turn).content for turn in turns][-1]
    assert "No lo encontré" in answer and "configuración" not in answer, answer


def test_a_step_that_names_the_colour_still_answers_for_the_component() -> None:
    chat = chat_over({"manual_codpa.docx": GATEWAY_NAMES_THE_SENSORS})
    answer = chat.ask("q significa la luz verde del gateway").content
    assert "conectado" in answer and "transmitiendo" not in answer, answer
