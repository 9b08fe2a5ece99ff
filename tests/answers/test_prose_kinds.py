"""Who/what/when/how-much questions answered by prose or key/value rows, by the kind of value they ask."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

RECORD = docx_bytes(
    "Registro de la bomba de Sibaya",
    "Tabla 1: Responsables de la operación",
    [
        ["Encargado de la bomba", "Juan Mamani Condori"],
        ["Revisión del tablero eléctrico", "Ana Flores Ticona"],
        ["Traslado de repuestos", "Transportes Cariquima"],
        ["Correo de la junta", "junta@sibaya.cl"],
        ["Fono de emergencia", "+56 9 7777 1234"],
        ["Lectura del medidor", "cada 7 días"],
    ],
    "1. Instalación",
    "La bomba sumergible quedó operando el 3 de marzo de 2021, después de dos semanas de pruebas.",
    "Las muestras del pozo se mantienen refrigeradas a 6 °C hasta el análisis.",
)
FAQ = docx_bytes(
    "Preguntas de los vecinos",
    "1. ¿Se corta el agua algún día?\nEl corte programado es los domingos de 14:00 a 16:00.",
    "2. ¿Cuánto es la cuota?\nLa cuota mensual es de $4.500 por familia.",
    "3. ¿Por qué el agua sale amarilla?\nPorque la cañería antigua suelta óxido; deje correr el agua.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("quien reviso el tablero", "Ana Flores Ticona"),
        ("quien llevo los repuestos", "Transportes Cariquima"),
        ("a q telefono llamo si hay una emergencia", "+56 9 7777 1234"),
        ("mail de la junta", "junta@sibaya.cl"),
        ("a q hora cortan el agua el domingo", "14:00"),
        ("cuanto vale la cuota", "$4.500"),
        ("xq sale amarilla el agua", "óxido"),
        ("cuando se instalo la bomba", "3 de marzo de 2021"),
        ("cada cuanto se lee el medidor", "cada 7 días"),
        ("a q temperatura se guardan las muestras", "6 °C"),
    ],
)
def test_the_value_asked_is_answered_from_prose_or_a_key_value_row(asked: str, expected: str) -> None:
    chat = chat_over({"registro_bomba.docx": RECORD, "preguntas_vecinos.docx": FAQ})
    answer = chat.ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    "asked",
    ["cuando es la proxima reunion de la junta", "cuanto cuesta un medidor nuevo", "quien es el tesorero"],
)
def test_a_question_the_documents_do_not_answer_gets_no_figure(asked: str) -> None:
    answer = chat_over({"registro_bomba.docx": RECORD, "preguntas_vecinos.docx": FAQ}).ask(asked).content
    assert answer.startswith("No lo encontré") and not any(ch.isdigit() for ch in answer), answer


def test_a_list_answer_keeps_the_qualifier_the_section_states() -> None:
    guide = docx_bytes(
        "2. ¿Cuánto forraje come cada animal?",
        "Use estas raciones en la época de lluvias:",
        "Grupo 1: camélidos. Unos 3 kilos de pasto por animal al día",
        "Llama (Lama glama)",
        "Alpaca (Vicugna pacos)",
        "Grupo 2: ovinos. Unos 2 kilos de pasto por animal al día",
        "Oveja criolla (Ovis aries)",
        "Cordero de engorda (Ovis aries)",
        "En la época seca las raciones suben un tercio.",
    )
    chat = chat_over({"guia_forraje.docx": guide})
    answer = chat.ask("cuanto pasto come la alpaca en la epoca seca").content
    assert "3 kilos" in answer and "suben un tercio" in answer, answer


def test_who_is_the_label_that_names_a_person_by_their_job_and_a_deed_matches_its_noun() -> None:
    report = docx_bytes(
        "Tabla 1: Datos del informe",
        [
            ["Recepción de muestras", "Irma Quispe Layme"],
            ["Muestreador", "Pedro Colque Ayca"],
            ["Fecha de emisión", "2 de abril de 2024"],
        ],
        "1. Antecedentes",
        "El informe fue emitido por el laboratorio después de tres campañas: 3 de enero de 2024, "
        "5 de febrero de 2024 y 8 de marzo de 2024.",
    )
    chat = chat_over({"informe_mocha.docx": report})
    assert "Pedro Colque" in chat.ask("quien saco las muestras").content
    assert "2 de abril de 2024" in chat.ask("cuando se emitio el informe").content


def test_a_condition_after_the_question_qualifies_the_answer() -> None:
    guide = docx_bytes(
        "3. ¿Cuánto se riega?",
        "Grupo 1: frutales. Unos 20 litros por árbol a la semana",
        "Damasco (Prunus armeniaca)",
        "Guinda (Prunus cerasus)",
        "Si llovió en la semana, no riegue.",
    )
    answer = chat_over({"riego.docx": guide}).ask("cuanta agua le doy al damasco si llovio").content
    assert "20 litros" in answer and "no riegue" in answer, answer


PROCEDURE = docx_bytes(
    "3. Conexión del medidor",
    "Para conectar el medidor al computador:",
    "1. Una el cable USB al puerto del costado.",
    "2. Ingrese el usuario admin y la clave Pozo2024.",
    "3. Elija la velocidad 9600 baudios.",
    "4. Descargue el archivo de lecturas.",
)


def test_one_setting_of_a_procedure_is_that_step_and_the_procedure_is_every_step() -> None:
    chat = chat_over({"manual_medidor.docx": PROCEDURE})
    setting = chat.ask("cual es la clave del medidor").content
    assert "Pozo2024" in setting and "9600" not in setting and "USB" not in setting
    steps = chat_over({"manual_medidor.docx": PROCEDURE}).ask("como conecto el medidor al computador").content
    assert all(part in steps for part in ("USB", "Pozo2024", "9600", "Descargue"))


def test_a_faq_question_like_the_users_does_not_beat_the_passage_with_the_name_asked_about() -> None:
    faq = docx_bytes("4. ¿Cada cuánto se lavan los estanques?\nDos veces al año, en abril y en octubre.")
    note = docx_bytes("Estanque Pukará", "El estanque Pukará se limpia cada tres meses por su barro.")
    chat = chat_over({"faq.docx": faq, "pukara.docx": note, "registro_bomba.docx": RECORD})
    assert "cada tres meses" in chat.ask("cada cuanto se limpia el estanque pukara").content


def test_a_cubic_metre_written_m3_is_the_documents_metro_cubico() -> None:
    faq = docx_bytes("5. ¿Cuánto se paga por el agua?\nCada metro cúbico se cobra a $620 en la boleta.")
    chat = chat_over({"faq.docx": faq, "registro_bomba.docx": RECORD, "preguntas_vecinos.docx": FAQ})
    assert "$620" in chat.ask("cuanto cuesta el m3").content
