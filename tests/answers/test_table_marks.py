"""A mark of a table asked on its own: the note under that table says what it means."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

REPORT = docx_bytes(
    "Informe de agua de Sibaya",
    "Tabla 4: Cobre presente en muestras de agua. Límite máximo permitido: 2 mg/L",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["S1", "Sibaya Plaza", "2,41*", "-"],
        ["S2", "Sibaya Sede", "2,87**", "<0,010"],
    ],
    "* Sobre el límite.  ** Sobre el límite, repetido en una segunda muestra del mismo día.",
    "- : el punto estaba sin acceso en esa campaña.",
    "Tabla 5: Zinc presente en muestras de agua. Límite máximo permitido: 5 mg/L",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["S1", "Sibaya Plaza", "6,10*", "1,20"],
        ["S2", "Sibaya Sede", "-", "0,80"],
    ],
    "* Valor fuera de norma, informado a la autoridad sanitaria.",
)


def _ask(asked: str) -> str:
    return chat_over({"informe.docx": REPORT}).ask(asked).content


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("q significa el doble asterisco en la tabla del cobre", "segunda muestra"),
        ("que quieren decir los dos asteriscos del cobre", "segunda muestra"),
        ("el guion en la tabla de cobre q significa", "sin acceso"),
        ("que indica la estrellita en la tabla de zinc", "autoridad sanitaria"),
    ],
)
def test_a_mark_is_answered_by_its_table_note(asked: str, expected: str) -> None:
    answer = _ask(asked)
    assert expected in answer and "2,87" not in answer and "6,10" not in answer, answer


def test_the_same_mark_in_another_table_means_what_that_table_says() -> None:
    copper, zinc = (
        _ask("que significa el asterisco en el cobre"),
        _ask("que significa el asterisco en el zinc"),
    )
    assert "Sobre el límite" in copper and "autoridad" not in copper, copper
    assert "autoridad sanitaria" in zinc, zinc


def test_a_mark_without_a_note_is_said_from_the_value() -> None:
    answer = _ask("y el signo menor que en la tabla del cobre que significa")
    assert "límite de detección" in answer, answer
