"""Follow-ups about a person: their name, phone or e-mail, and never another person's."""

from __future__ import annotations

import pytest

from tests.answers.committee_documents import understood
from tests.answers.documents import chat_over, docx_bytes

CONTACTS = docx_bytes(
    "Preguntas frecuentes del comité",
    "5. ¿A quién llamo?",
    "Contactos del comité:\n- Tesorera: Marta Quispe Laime, +56 9 5521 7784\n"
    "- Gasfíter de turno (cortes y roturas): Pedro Mollo Cruz, +56 9 6633 1290, pmollo@aprcanto.cl",
)
LAB = docx_bytes(
    "Informe de laboratorio",
    [["Analista", "Sonia Véliz"], ["Correo electrónico", "resultados@labcerro.cl"]],
)
FILES = {"faq.docx": CONTACTS, "informe.docx": LAB}


@pytest.mark.parametrize(
    "asked",
    [
        "pasame el fono del gasfiter xfa hay una rotura",
        "dame el fono del gasfiter",
        "digame el telefono del gasfiter porfa",
    ],
)
def test_a_request_word_is_no_part_of_what_is_asked(asked: str) -> None:
    answer = chat_over(FILES).ask(asked).content
    assert "6633 1290" in answer, answer


@pytest.mark.parametrize(
    "first",
    ["pasame el numero del gasfiter xfa hay una rotura", "necesito el numero del gasfiter, hay un corte"],
)
def test_asking_the_name_after_a_number_asks_whose_number_it_was(first: str) -> None:
    chat = chat_over(FILES)
    chat.ask(first)
    answer = chat.ask("y como se llama").content
    assert "Pedro Mollo" in answer, answer


@pytest.mark.parametrize("follow_up", ["y correo?", "tiene correo?", "y su mail?"])
def test_an_e_mail_asked_of_a_person_is_theirs_or_none(follow_up: str) -> None:
    chat = chat_over(FILES)
    assert "Marta Quispe" in chat.ask("quien es la tesorera").content
    answer = chat.ask(follow_up).content
    assert "No lo encontré" in answer and "labcerro" not in answer, answer
    chat = chat_over(FILES)
    chat.ask("quien es el gasfiter")
    assert "pmollo@aprcanto.cl" in chat.ask(follow_up).content


REPORT = docx_bytes(
    "Informe de calidad del agua",
    "Las muestras se tomaron en mayo. Los análisis microbiológicos estuvieron a cargo del biólogo Tomás Rojas"
    " Ancavil.",
    [
        ["Análisis", "Lucía Paredes Toro, química analista"],
        ["Muestreo", "Iván Soto Leiva, técnico de terreno"],
    ],
)


@pytest.mark.parametrize(
    "asked", ["quien analizo las muestras", "quienes analizaron el agua", "quien hizo los analisis"]
)
def test_who_did_the_deed_is_who_did_it_bare_not_one_kind_of_it(asked: str) -> None:
    answer = chat_over({"informe.docx": REPORT}).ask(asked).content
    assert "Lucía Paredes" in answer and "Tomás Rojas" not in answer, answer


@pytest.mark.parametrize("asked", ["quien analizo las bacterias", "quien hizo los analisis de bacterias"])
def test_who_did_one_kind_of_the_deed_is_who_did_that_kind(asked: str) -> None:
    answer = chat_over({"informe.docx": REPORT}).ask(asked).content
    assert "Tomás Rojas" in answer, answer


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("y q cargo tiene", "química analista"),
        ("y que puesto tiene", "química analista"),
        ("y como se llama", "Lucía"),
    ],
)
def test_a_follow_up_about_the_person_just_named_is_answered_where_they_were_named(
    follow_up: str, expected: str
) -> None:
    chat = chat_over({"informe.docx": REPORT})
    assert "Lucía Paredes" in chat.ask("quien analizo las muestras").content
    answer = chat.ask(follow_up).content
    assert expected in answer and "Tomás" not in answer, answer


@pytest.mark.parametrize("follow_up", ["y quien hizo los analisis", "y quienes analizaron"])
def test_who_did_another_deed_next_is_not_the_person_just_named(follow_up: str) -> None:
    chat = chat_over({"informe.docx": REPORT})
    assert "Iván Soto" in chat.ask("quien tomo las muestras").content
    answer = chat.ask(follow_up).content
    assert "Lucía Paredes" in answer and "Iván Soto" not in answer, answer


SIGNED = docx_bytes(
    "Informe de ensayo",
    "El informe presenta los resultados de las campañas de enero de 2023 y julio de 2023.",
    "Ramiro Flores Tapia\nDirector Técnico\nLaboratorio Pampa Sur\nIquique, 3 de agosto de 2023",
)


@pytest.mark.parametrize("asked", ["cuando firmaron el informe", "cuando se firmo el informe"])
def test_when_it_was_signed_is_the_date_of_the_signature(asked: str) -> None:
    answer = chat_over({"informe.docx": SIGNED}).ask(asked).content
    assert "3 de agosto de 2023" in answer, answer


MEETINGS = docx_bytes(
    "Preguntas frecuentes",
    "5. ¿Cuándo son las reuniones del comité?",
    "La asamblea es el segundo domingo de cada mes a las 10:00 en la sede.",
    "6. ¿Qué pasa si no voy a las reuniones?",
    "Si no va sin aviso, paga una multa de $3.500.",
)


@pytest.mark.parametrize(
    "follow_up", ["y si no voy q pasa", "y si falto que pasa", "y si llego tarde q pasa"]
)
def test_a_consequence_asked_after_a_time_keeps_the_subject_not_the_earlier_ask(follow_up: str) -> None:
    chat = chat_over({"faq.docx": MEETINGS})
    chat.ask("cuando son las reuniones del comite")
    heard = understood(chat.ask(follow_up).content)
    assert heard.startswith("que pasa si") and "reuniones del comite" in heard and "cuando" not in heard, (
        heard
    )


RESPONSIBLE = docx_bytes(
    "Informe de calidad del agua – APR Mauque",
    [
        ["Proyecto", "Vigilancia del agua potable de Mauque"],
        ["Responsable del muestreo", "Elena Challapa Mamani, técnica de terreno"],
        ["Responsable del análisis", "Tomás Huanca Villca, químico analista"],
    ],
    "Conclusiones",
    "Los análisis de las muestras de las tres campañas muestran que el agua cumple la norma salvo el "
    "arsénico en la captación; se recomienda analizar de nuevo las muestras de la captación. "
    "Químico Analista – Jefe de Laboratorio",
)


@pytest.mark.parametrize("asked", ["quien analizo las muestras", "quien hizo el analisis de las muestras"])
def test_who_is_the_person_the_report_names_responsible_not_a_signature_title(asked: str) -> None:
    answer = chat_over({"informe_mauque.docx": RESPONSIBLE}).ask(asked).content
    assert "Huanca" in answer, answer


DUES = docx_bytes(
    "PREGUNTAS FRECUENTES – APR SIBAYA",
    "1. ¿Cuál es el valor de la cuota mensual?\nLa cuota es de $3.800 al mes por arranque e incluye 8 m³.",
    "2. ¿Dónde y cuándo se paga?",
    "Se paga en la sede los primeros 10 días del mes, con el tesorero, don Aurelio Mamani, "
    "los lunes de 17:00 a 20:00.",
    "3. ¿Cómo me hago socio?\nCon la cédula de identidad; la cuota de incorporación es de $25.000 "
    "y se puede pagar en dos meses.",
)


@pytest.mark.parametrize("follow_up", ["a quien se le paga", "y a quien hay que pagarle"])
def test_whom_to_pay_after_the_dues_is_the_person_who_collects_them(follow_up: str) -> None:
    chat = chat_over({"preguntas_sibaya.docx": DUES})
    assert "3.800" in chat.ask("cuanto es la cuota al mes").content
    answer = chat.ask(follow_up).content
    assert "Aurelio Mamani" in answer, answer
