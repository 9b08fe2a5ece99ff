"""A place written by ear («estanke», «bertiente», «poso», «escuala») names the row it sounds like."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

NAMES = [
    "Plaza",
    "Iglesia",
    "Sede",
    "Copa",
    "Cancha",
    "Huerto",
    "Posta",
    "Bodega",
    "Escuela",
    "Pozo",
    "Vertiente",
    "Estanque",
]
POINTS = tuple((f"M{n}", f"Usmagama {name}") for n, name in enumerate(NAMES, start=1))
CAMPAIGNS = ("Abril 2021", "Noviembre 2021", "Mayo 2022", "Octubre 2022")
# Each value names its row and campaign: "1,0312" is row 3, campaign 1 of copper (0,4 ... mg/L of manganese).
COPPER = tuple(tuple(f"1,{row:02d}{campaign}" for campaign in (1, 2, 3, 4)) for row in range(1, 13))
MANGANESE = tuple(tuple(f"0,{row:02d}{campaign}" for campaign in (1, 2, 3, 4)) for row in range(1, 13))
REPORT = lab_report(
    "Informe de ensayo del agua de Usmagama",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Cobre presente en muestras de agua. Límite máximo permitido: 2 mg/L",
            "Cobre [mg/L]",
            COPPER,
        ),
        Table(
            "Tabla 3: Manganeso presente en muestras de agua. Límite máximo permitido: 0,1 mg/L",
            "Manganeso [mg/L]",
            MANGANESE,
            doubled=2,
        ),
    ],
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_usmagama.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(
    ("asked", "expected", "row"),
    [
        ("cuanto cobre salio en el estanke en mayo 2022", "1,123", "Estanque"),
        ("manganeso en la bertiente oct 2022", "0,114", "Vertiente"),
        ("cobre del poso en noviembre del 2021", "1,102", "Pozo"),
        ("cuanto manganeso tenia la escuala en abril 2021", "0,091", "Escuela"),
        ("cobre en la iglecia en mayo 2022", "1,023", "Iglesia"),
        ("manganeso del uerto en octubre 2022", "0,064", "Huerto"),
        ("cobre en la kancha en abril 2021", "1,051", "Cancha"),
    ],
)
def test_a_place_spelt_by_sound_is_the_row_it_sounds_like(asked: str, expected: str, row: str) -> None:
    answer = _answers(asked)[0]
    assert expected in answer and f"Usmagama {row}" in answer, answer


def test_a_follow_up_spelt_by_sound_keeps_parameter_and_campaign() -> None:
    answer = _answers("manganeso en la copa en mayo 2022", "y en el estanke?")[1]
    assert "0,123" in answer and "Usmagama Estanque" in answer, answer


@pytest.mark.parametrize("asked", ["cobre en la caseta en mayo 2022", "manganeso en el bosque oct 2022"])
def test_a_place_that_sounds_like_no_row_is_not_found(asked: str) -> None:
    answer = _answers(asked)[0]
    assert answer.startswith("No lo encontré") and "1,0" not in answer and "0,0" not in answer, answer
