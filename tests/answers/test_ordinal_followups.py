"""A bare ordinal follow-up («¿y el segundo?», «¿y la tercera?») renumbers the noun it agrees with."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

SECTORS = [["Sector", "Día de riego", "Hora de apertura"]] + [
    [f"Sector {n}", day, f"{5 + n}:30"]
    for n, day in enumerate(
        (
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
            "lunes",
            "martes",
            "jueves",
        ),
        start=1,
    )
]
FAQ = docx_bytes(
    "Preguntas frecuentes del comité de agua de Mocha",
    "1. ¿Qué día riega cada sector?",
    SECTORS,
    "2. ¿Cuánto es cada cuota de la conexión nueva?",
    [
        ["Cuota", "Monto", "Vence"],
        ["Primera cuota", "$25.000", "en marzo"],
        ["Segunda cuota", "$20.000", "en junio"],
        ["Tercera cuota", "$15.000", "en septiembre"],
    ],
)
POINTS = (("MO-1", "Mocha Pozo"), ("MO-2", "Mocha Copa"), ("MO-3", "Mocha Plaza"), ("MO-4", "Mocha Sede"))
REPORT = lab_report(
    "Informe del agua de Mocha",
    POINTS,
    ("Julio 2022", "Enero 2023", "Julio 2023"),
    [
        Table(
            "Tabla 2: Plomo presente en muestras de agua. Límite máximo permitido: 0,05 mg/L",
            "Plomo [mg/L]",
            (("0,0111", "0,0112", "0,0113"), ("0,0121", "0,0122", "0,0123"), ("0,0131", "0,0132", "0,0133"),
             ("0,0141", "0,0142", "0,0143")),
        )
    ],
)  # fmt: skip


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"preguntas_mocha.docx": FAQ, "informe_mocha.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (("que dia riega el 9no sector", "y el décimo?", "y el tercero?"), ("14:30", "15:30", "8:30")),
        (("a que hora abren el sector 2", "y el 7mo?", "y del quinto?"), ("7:30", "12:30", "10:30")),
    ],
)
def test_a_bare_ordinal_renumbers_the_earlier_counted_noun(
    turns: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    for answer, hour in zip(_answers(*turns), expected, strict=True):
        assert hour in answer, answer


def test_the_number_of_an_ordinal_reaches_the_search() -> None:
    answer = _answers("a que hora abren el noveno sector")[0]
    assert "Sector 9" in answer and "14:30" in answer, answer


@pytest.mark.parametrize(("follow_up", "expected"), [("y la tercera?", "$15.000"), ("y la 2da?", "$20.000")])
def test_a_feminine_ordinal_after_a_feminine_noun_is_that_noun_not_a_campaign(
    follow_up: str, expected: str
) -> None:
    answer = _answers("cuanto es la primera cuota", follow_up)[1]
    assert expected in answer and "campaña" not in answer, answer


def test_in_a_table_the_masculine_ordinal_is_the_point_and_the_feminine_the_campaign() -> None:
    answers = _answers(
        "cuanto plomo salio en el 2do punto en la primera campaña",
        "y el tercero?",
        "y la tercera?",
        "y en el punto 4?",
    )
    assert [
        "0,0121" in answers[0],
        "0,0131" in answers[1],
        "0,0133" in answers[2],
        "0,0143" in answers[3],
    ] == [True] * 4, answers


def test_a_campaign_ordinal_after_a_named_place_changes_only_the_campaign() -> None:
    answer = _answers("plomo en la copa en la segunda campaña", "y la tercera?")[1]
    assert "0,0123" in answer, answer
