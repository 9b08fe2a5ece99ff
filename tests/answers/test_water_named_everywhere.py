"""Water, which every document of a committee names, never makes a question about it go unanswered.

In a large index the search cannot select passages by «agua» (most hold it),
so the passages it returns for «¿cuánto hay que pagar al mes por el agua?»
may not say «agua»: that is not a sign that the documents never name it.
"""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

_CAMPAIGNS = ["Mayo 2022", "Octubre 2022", "Marzo 2023", "Agosto 2023"]
_POINTS = ["Pica Alto", "Pica Bajo", "Escuela", "Posta", "Plaza", "Vertiente"]


def _table(number: int, parameter: str, limit: str) -> list[list[str]]:
    caption = f"Tabla {number}: {parameter} presente en muestras de agua. Límite máximo permitido: {limit}"
    rows = [["", *[caption] * (len(_CAMPAIGNS) + 1)], ["Punto de muestreo", "Código", *_CAMPAIGNS]]
    for index, point in enumerate(_POINTS, start=1):
        rows.append([point, f"M{index}", *(f"{number},{index}{c}0" for c in range(len(_CAMPAIGNS)))])
    return rows


REPORT = docx_bytes(
    "INFORME DE CALIDAD DE AGUA – APR PICA",
    "Las muestras de agua fueron tomadas por el operador y analizadas en el laboratorio.",
    _table(1, "Sulfato", "500 mg/L"),
    _table(2, "Cloruro", "400 mg/L"),
    _table(3, "Boro", "2,4 mg/L"),
)

FAQ = docx_bytes(
    "PREGUNTAS FRECUENTES – APR PICA",
    "1. ¿Cuánto se paga al mes?\nLa cuota fija es de $4.800 mensuales e incluye los primeros 10 m³.",
    "2. ¿Dónde se paga?\nEn la sede social, los martes y jueves de 9:00 a 13:00.",
    "3. ¿Qué pasa si no pago a tiempo?\nDespués de dos meses impagos se aplica un recargo del 5 %.",
    "4. ¿Cómo se lee el medidor?\nSe anotan los números negros; los rojos son decimales.",
)


def _ask(text: str) -> str:
    documents = {"informe_pica.docx": REPORT, "preguntas_pica.docx": FAQ}
    return chat_over(documents).ask(text).content


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto hay q pagar al mes por el agua", "4.800"),
        ("cuanto se paga mensual por el agua", "4.800"),
        ("donde se paga el agua", "sede social"),
        ("en donde pago el agua", "sede social"),
    ],
)
def test_water_is_lent_to_the_entry_that_does_not_say_it(asked: str, expected: str) -> None:
    answer = _ask(asked)
    assert expected in answer, answer


@pytest.mark.parametrize(
    "asked", ["cuanto cuesta el camion aljibe de agua", "donde se compra el agua embotellada"]
)
def test_a_thing_no_document_names_is_still_not_found(asked: str) -> None:
    answer = _ask(asked)
    assert "No lo encontré" in answer and "4.800" not in answer and "sede social" not in answer, answer
