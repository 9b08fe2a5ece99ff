"""«¿Cada cuánto ...?» asks how often: the text that says it, never a table's cells or its outline."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

REPORT = lab_report(
    "Informe de ensayo del agua de Codpa",
    (("C1", "Codpa Escuela"), ("C2", "Codpa Posta")),
    ("Mayo 2023", "Diciembre 2023"),
    [
        Table(
            "Tabla 1: Cloro libre residual en muestras de agua. Rango permitido: 0,2 – 2,0 mg/L",
            "Cloro libre [mg/L]",
            (("0,61", "0,58"), ("0,44", "0,47")),
        ),
        Table(
            "Tabla 2: Sulfato presente en muestras de agua. Límite máximo permitido: 500 mg/L",
            "Sulfato [mg/L]",
            (("233,6", "241,9"), ("301,2", "296,7")),
        ),
    ],
)
FAQ = docx_bytes(
    "PREGUNTAS FRECUENTES – APR CODPA",
    "4. ¿Quién revisa el agua?",
    "El operador mide el cloro libre todos los días en el estanque. El laboratorio hace dos campañas de "
    "análisis al año, en mayo y en diciembre.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cada cuanto miden el cloro", "todos los días"),
        ("y el cloro cada cuanto lo miden", "todos los días"),
    ],
)
def test_how_often_something_is_measured_is_the_text_that_says_it(asked: str, expected: str) -> None:
    answer = chat_over({"informe_codpa.docx": REPORT, "preguntas_codpa.docx": FAQ}).ask(asked).content
    assert expected in answer and "0,61" not in answer, answer


def test_how_often_they_analyse_is_not_the_list_of_parameters() -> None:
    answer = (
        chat_over({"informe_codpa.docx": REPORT, "preguntas_codpa.docx": FAQ})
        .ask("cada cuanto le hacen analisis al agua")
        .content
    )
    assert "parámetros, uno por tabla" not in answer, answer
