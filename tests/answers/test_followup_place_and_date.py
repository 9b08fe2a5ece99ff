"""A follow-up that names another place and another campaign at once («¿y la escuela en marzo?»)."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

REPORT = lab_report(
    "Informe de agua potable de Camiña Alto",
    (("CA-1", "Camiña Estanque Principal"), ("CA-2", "Camiña Escuela"), ("CA-3", "Camiña Posta")),
    ("Junio 2021", "Marzo 2023"),
    [
        Table(
            "Tabla 4: Conductividad de las muestras de agua",
            "Conductividad [µS/cm]",
            (("1.105", "1.130"), ("534", "541"), ("612", "598")),
        ),
    ],
)


@pytest.mark.parametrize(
    "follow_up", ["y la escuela en marzo?", "y la escuela en marzo del 2023", "y la posta en 03/2023"]
)
def test_a_follow_up_naming_a_place_and_a_campaign_changes_both(follow_up: str) -> None:
    chat = chat_over({"informe_camina.docx": REPORT})
    assert "1.105" in chat.ask("conductividad del estanque principal en junio 2021").content
    answer = chat.ask(follow_up).content
    expected = "541" if "escuela" in follow_up else "598"
    assert expected in answer and "1.130" not in answer, answer


MANUAL = docx_bytes(
    "MANUAL DE LA RED DE SENSORES – CAMIÑA",
    "5. Solución de problemas",
    "Para reiniciar el concentrador:",
    "1) Desconecte el adaptador de corriente.",
    "2) Espere 15 segundos.",
    "3) Vuelva a conectarlo.",
    "4) El indicador parpadea en rojo y en unos 3 minutos debe quedar en verde fijo.",
    "Caja del sensor: gabinete de cada nodo.",
    "Verde: batería cargada.",
    "Rojo: batería baja; cámbiela esta semana.",
)


@pytest.mark.parametrize(
    "follow_up", ["cuanto se demora en quedar en verde", "y cuanto tarda en quedar verde"]
)
def test_a_follow_up_that_asks_anew_with_a_colour_keeps_the_subject(follow_up: str) -> None:
    chat = chat_over({"manual_camina.docx": MANUAL})
    assert "15 segundos" in chat.ask("como reinicio el concentrador").content
    answer = chat.ask(follow_up).content
    assert "3 minutos" in answer, answer


LIMITED = lab_report(
    "Informe de agua potable de Camiña Alto",
    (("CA-1", "Camiña Estanque Principal"), ("CA-2", "Camiña Escuela"), ("CA-3", "Camiña Posta")),
    ("Junio 2021", "Marzo 2023"),
    [
        Table(
            "Tabla 2: Sulfato presente en muestras de agua. Límite máximo permitido: 500 mg/L",
            "Sulfato [mg/L]",
            (("512,40*", "488,10"), ("233,60", "241,90"), ("301,20", "296,70")),
            notes=("(*) Valor sobre el límite máximo permitido.",),
        ),
    ],
)


@pytest.mark.parametrize(
    ("limit", "then", "expected"),
    [
        ("y cual es el limite", "y en la escuela en marzo 2023", "241,90"),
        ("cual es el maximo q se permite", "y en la posta esa misma fecha", "301,20"),
        ("y la norma cuanto es", "ok y en marzo 2023", "488,10"),
    ],
)
def test_after_the_limit_a_follow_up_changes_the_cell_asked_before(
    limit: str, then: str, expected: str
) -> None:
    chat = chat_over({"informe_camina.docx": LIMITED})
    assert "512,40" in chat.ask("cuanto sulfato tenia el estanque principal en junio 2021").content
    assert "500 mg/L" in chat.ask(limit).content
    answer = chat.ask(then).content
    assert expected in answer and "512,40" not in answer, answer
