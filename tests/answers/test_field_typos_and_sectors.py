"""Phone typos in the words that ask and in months, and places named as «el sector <nombre>»."""

from __future__ import annotations

import pytest

from tests.answers.documents import answers_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

REPORT = lab_report(
    "Informe de ensayo del agua de Codpa",
    (("C1", "Codpa Retén"), ("C2", "Codpa Sector Bajo"), ("C3", "Codpa Sector Norte")),
    ("Junio 2022", "Abril 2023", "Noviembre 2023"),
    [
        Table(
            "Tabla 3: Manganeso presente en muestras de agua. Límite máximo permitido: 0,1 mg/L",
            "Manganeso [mg/L]",
            (("0,0120", "0,0135", "0,0150"), ("0,0810", "0,0870", "0,0890"), ("0,0420", "0,0455", "0,0470")),
        )
    ],
)
MANUAL = docx_bytes(
    "MANUAL DE TELEMETRÍA – APR CODPA",
    "3. Componentes e indicadores",
    "Gateway LoRa: equipo de la sede que recibe las señales de los sensores.",
    "Rojo: sin señal celular o sin chip SIM.",
    "Verde: conectado al servidor.",
)


def _ask(*turns: str) -> str:
    return answers_over({"informe_codpa.docx": REPORT, "manual_codpa.docx": MANUAL}, *turns)[-1]


@pytest.mark.parametrize("follow_up", ["y en el sector bajo", "y en el sector bajo?"])
def test_a_sector_named_by_its_name_is_that_row(follow_up: str) -> None:
    answer = _ask("manganeso en el reten en abril 2023", follow_up)
    assert "0,0870" in answer and "0,0135" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    ["cuanto manganeso tiene el reten en abrl 2023", "cuanto manganeso tenia el reten en abirl del 2023"],
)
def test_a_month_with_a_typo_before_its_year_is_that_month(asked: str) -> None:
    answer = _ask(asked)
    assert "0,0135" in answer and "0,0150" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["q signifca la luz roja del gateway", "q sinifica la luz roja del gateway"]
)
def test_a_typo_in_the_word_that_asks_is_still_that_question(asked: str) -> None:
    answer = _ask(asked)
    assert "sin señal celular" in answer, answer
