"""A follow-up naming only a kind of the earlier parameter («¿y el libre?») answers from that kind's table."""

from __future__ import annotations

import pytest

from botk_adapters.local.followup import understand
from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (("SB-1", "Sibaya Copa"), ("SB-2", "Sibaya Posta"), ("SB-3", "Sibaya Sede"))
CAMPAIGNS = ("Mayo 2023", "Diciembre 2023")
REPORT = lab_report(
    "Informe de agua potable de Sibaya",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Cloro total presente en muestras de agua. Límite máximo permitido: 3 mg/L",
            "Cloro total [mg/L]",
            (("1,41", "1,38"), ("0,97", "1,02"), ("0,66", "0,71")),
        ),
        Table(
            "Tabla 3: Cloro libre residual presente en muestras de agua. Límite máximo permitido: 2 mg/L",
            "Cloro libre [mg/L]",
            (("0,83", "0,79"), ("0,51", "0,57"), ("0,32", "0,36")),
        ),
        Table(
            "Tabla 4: Coliformes totales (NMP/100 mL). Límite: menor que 1,1 NMP/100 mL",
            "Coliformes totales [NMP/100 mL]",
            (("<1,1", "2,2*"), ("<1,1", "<1,1"), ("4,6*", "<1,1")),
            ("* Incumple la norma.",),
        ),
        Table(
            "Tabla 5: Coliformes fecales (NMP/100 mL). Límite: menor que 1,1 NMP/100 mL",
            "Coliformes fecales [NMP/100 mL]",
            (("<1,1", "<1,1"), ("<1,1", "<1,1"), ("2,0*", "<1,1")),
            ("* Incumple la norma.",),
        ),
        Table(
            "Tabla 6: Arsénico presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
            "Arsénico [mg/L]",
            (("0,0043", "0,0047"), ("0,0039", "0,0040"), ("0,0051", "0,0055")),
        ),
    ],
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_sibaya.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(
    ("first", "follow_up", "expected", "not_expected"),
    [
        ("cuanto cloro total salio en la posta en mayo 2023", "y el libre?", "0,51", "0,97"),
        ("cloro total en la sede en diciembre 2023", "y el residual?", "0,36", "0,71"),
        ("cloro libre de la copa en mayo 2023", "y el total?", "1,41", "0,83"),
        ("cuanto cloro salio en la posta en dic 2023", "y el libre?", "0,57", "1,02"),
        ("coliformes totales en la sede en mayo 2023", "y los fecales?", "2,0", "4,6"),
    ],
)
def test_the_variant_keeps_place_and_campaign(
    first: str, follow_up: str, expected: str, not_expected: str
) -> None:
    answer = _answers(first, follow_up)[1]
    assert expected in answer and not_expected not in answer, answer


def test_the_variant_with_a_new_place_changes_both() -> None:
    answer = _answers("cloro total en la copa en mayo 2023", "y el libre en la sede?")[1]
    assert "0,32" in answer and "Sibaya Sede" in answer, answer


@pytest.mark.parametrize(
    ("earlier", "follow_up"),
    [("arsenico en la copa en mayo 2023", "y el total?"), ("cuando pasa el camion", "y el libre?")],
)
def test_a_word_that_makes_no_variant_of_the_parameter_does_not_switch_to_another_one(
    earlier: str, follow_up: str
) -> None:
    understood = understand([earlier], follow_up).question
    assert understood.parameter in (None, "arsenico"), understood
