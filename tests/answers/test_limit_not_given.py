"""A table whose caption gives no limit: «¿cuál es el límite?» says so, cites the table, invents none."""

from __future__ import annotations

import re

import pytest

from botk_core.domain import Message
from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (("CO-1", "Colchane Plaza"), ("CO-2", "Colchane Escuela"), ("CO-3", "Colchane Aduana"))
REPORT = lab_report(
    "Informe de agua de Colchane",
    POINTS,
    ("Abril 2023", "Noviembre 2023"),
    [
        Table(
            "Tabla 2: Turbiedad de las muestras de agua (UNT)",
            "Turbiedad [UNT]",
            (("0,6", "1,4"), ("2,2", "0,9"), ("0,4", "0,5")),
        ),
        Table(
            "Tabla 3: Conductividad eléctrica medida en terreno",
            "Conductividad [µS/cm]",
            (("512", "530"), ("488", "470"), ("1.210", "1.180")),
            ("Medición con sonda multiparamétrica.",),
            doubled=0,
        ),
        Table(
            "Tabla 4: Cobre presente en muestras de agua. Límite máximo permitido: 2 mg/L",
            "Cobre [mg/L]",
            (("0,12", "0,15"), ("0,08", "0,11"), ("0,21", "0,19")),
        ),
    ],
)  # fmt: skip


def _ask(*turns: str) -> Message:
    chat = chat_over({"informe_colchane.docx": REPORT})
    return [chat.ask(turn) for turn in turns][-1]


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


@pytest.mark.parametrize(
    ("turns", "table"),
    [
        (("cual es el limite de la turbiedad",), "Tabla 2"),
        (("que norma tiene la conductividad",), "Tabla 3"),
        (("hasta cuanto se permite de turbidez",), "Tabla 2"),
        (("conductividad en la aduana en abril 2023", "y cual es el limite?"), "Tabla 3"),
        (("turbiedad en la escuela en noviembre 2023", "y la norma?"), "Tabla 2"),
    ],
)
def test_the_answer_says_the_table_gives_no_limit_and_invents_none(
    turns: tuple[str, ...], table: str
) -> None:
    message = _ask(*turns)
    answer = message.content.split("\n", 1)[1] if message.content.startswith("Entendí") else message.content
    assert answer.startswith("No lo encontré") and "no indica un límite" in answer, answer
    # Not found is said as always: no figure at all (not even the table's number), no source.
    assert not _figures(answer) and not message.citations, (answer, table)


def test_a_table_with_a_limit_gives_it_after_a_cell_question() -> None:
    answer = _ask("cobre en la plaza en abril 2023", "y cual es el limite?").content
    assert "2 mg/L" in answer and "Tabla 4" in answer, answer
