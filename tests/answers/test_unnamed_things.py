"""A question about a thing the documents never name is «No lo encontré», not a figure of another thing."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

FAQ = docx_bytes(
    "PREGUNTAS FRECUENTES – COMITÉ DE AGUA DE PALCA",
    "1. ¿Cuánto cuesta un arranque nuevo?",
    "El arranque domiciliario nuevo cuesta $152.000 e incluye el medidor y la mano de obra.",
    "2. ¿Qué sensores tiene la red?",
    "Sensor de nivel: ultrasónico, en la losa del estanque; mide cada 10 minutos.",
    "Caudalímetro: electromagnético de 2 pulgadas a la salida del estanque.",
    "3. ¿Cuánta agua necesitan los cultivos?",
    "Grupo A: hortalizas de hoja. Alrededor de 20 litros por m² a la semana",
    "Lechuga (Lactuca sativa)",
    "Acelga (Beta vulgaris)",
    "Grupo B: hortalizas de fruto. Alrededor de 30 litros por m² a la semana",
    "Tomate (Solanum lycopersicum)",
    "Zapallo (Cucurbita maxima)",
)


def _ask(text: str) -> str:
    return chat_over({"preguntas_palca.docx": FAQ}).ask(text).content


@pytest.mark.parametrize(
    "asked",
    [
        "cuanto cuesta un sensor de nivel nuevo",
        "la red tiene sensor de cloro?",
        "hay sensor de turbiedad en la red",
    ],
)
def test_a_thing_no_document_names_gets_no_figure(asked: str) -> None:
    answer = _ask(asked)
    assert "No lo encontré" in answer and "152.000" not in answer and "2 pulgadas" not in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("cuanto cuesta un arranque nuevo", "152.000"), ("la red tiene sensor de nivel?", "ultrasónico")],
)
def test_the_thing_the_documents_name_is_still_answered(asked: str, expected: str) -> None:
    answer = _ask(asked)
    assert expected in answer, answer


@pytest.mark.parametrize("asked", ["cuanta agua necesita el grupo b", "cuantos litros pa las del grupo b"])
def test_a_group_named_by_its_letter_is_that_group(asked: str) -> None:
    answer = _ask(asked)
    assert "30 litros" in answer and "20 litros" not in answer, answer


MINUTES = docx_bytes(
    "ACTA DE ASAMBLEA N° 9 – COMITÉ DE AGUA DE PALCA",
    "1. Se aprueba un presupuesto de $215.000 para repuestos de la red de sensores.",
    "2. El riego por turnos queda así: Sector Norte los lunes de 7:00 a 11:00; Sector Sur los jueves "
    "de 7:00 a 11:00.",
    "3. La batería de repuesto del caudalímetro cuesta $48.000 y la compra el tesorero.",
)


# Names the things priced above without a price of their own.
MANUAL = docx_bytes(
    "MANUAL DE LA RED DE SENSORES – PALCA",
    "Panel solar: carga la batería del nodo; se limpia con un paño húmedo una vez al mes.",
    "Antena del gateway: va atornillada sobre el techo de la sede, apuntando al estanque.",
)


def _ask_minutes(text: str) -> str:
    documents = {"acta_palca.docx": MINUTES, "preguntas_palca.docx": FAQ, "manual_palca.docx": MANUAL}
    return chat_over(documents).ask(text).content


@pytest.mark.parametrize(
    "asked",
    [
        "cuanto cuesta la antena de repuesto",
        "cuanto vale el panel de repuesto",
        "cuanto cuesta el panel solar",
    ],
)
def test_a_price_is_the_price_of_the_thing_asked(asked: str) -> None:
    answer = _ask_minutes(asked)
    assert "No lo encontré" in answer and "215.000" not in answer and "48.000" not in answer, answer


def test_the_price_of_a_thing_the_minutes_name_is_still_answered() -> None:
    answer = _ask_minutes("cuanto cuesta la bateria de repuesto")
    assert "48.000" in answer and "215.000" not in answer, answer


def test_a_sector_named_by_a_name_no_document_gives_has_no_turn() -> None:
    answer = _ask_minutes("a q hora es el turno de riego del sector la vega")
    assert "No lo encontré" in answer and "7:00" not in answer, answer


def test_a_sector_the_documents_name_gets_its_turn() -> None:
    answer = _ask_minutes("a q hora le toca el riego al sector norte")
    assert "7:00" in answer and "lunes" in answer, answer


LAB_AND_MANUAL = {
    "informe_palca.docx": docx_bytes(
        "INFORME DE ENSAYO – APR PALCA",
        [
            ["Proyecto", "Vigilancia del agua potable de Palca"],
            ["Fecha de muestreo", "12 de mayo de 2022; 9 de febrero de 2024"],
        ],
    ),
    "manual_palca.docx": docx_bytes(
        "MANUAL DE LA RED DE SENSORES – PALCA",
        "2. Red de sensores",
        "La red tiene tres sensores: nivel del estanque, presión en la plaza y cloro libre a la salida "
        "del estanque. Cada sensor envía una medición cada 10 minutos al gateway.",
    ),
    "acta_palca.docx": MINUTES,
}


@pytest.mark.parametrize("asked", ["cuando fue la asamblea de febrero", "cuando fue la reunion de febrero"])
def test_the_date_of_a_thing_is_not_another_things_date(asked: str) -> None:
    answer = chat_over(LAB_AND_MANUAL).ask(asked).content
    assert "No lo encontré" in answer and "2024" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "cuanto cloro libre salio en la plaza en el ultimo muestreo",
        "cloro libre en la plaza el primer muestreo",
    ],
)
def test_a_sampling_asked_by_its_order_is_never_answered_by_a_sensor_description(asked: str) -> None:
    answer = chat_over(LAB_AND_MANUAL).ask(asked).content
    assert "No lo encontré" in answer and "10 minutos" not in answer, answer


def test_the_date_of_the_sampling_is_still_answered() -> None:
    answer = chat_over(LAB_AND_MANUAL).ask("cuando fue el muestreo de febrero").content
    assert "9 de febrero de 2024" in answer, answer


def test_a_parameter_of_the_water_of_a_place_no_document_names_gets_no_figure() -> None:
    method = docx_bytes(
        "INFORME DE ENSAYO – APR PALCA",
        "Metodología",
        "Las muestras de agua se tomaron en botellas lavadas con ácido; las de metales se preservaron con "
        "ácido nítrico hasta pH menor a 2.",
    )
    answer = (
        chat_over({"informe_palca.docx": method, "preguntas_palca.docx": FAQ})
        .ask("cual es el ph del agua de chuquiña")
        .content
    )
    assert "No lo encontré" in answer and "2" not in answer.replace("«", "").split("busqué")[0], answer
