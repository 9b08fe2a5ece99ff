"""A table compared with a reference value (no norm sets one), follow-ups in «la misma fecha»."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (("R1", "Parca Vertiente"), ("R2", "Parca Estanque Alto"), ("R3", "Parca Escuela"))
CAMPAIGNS = ("Mayo 2023", "Noviembre 2023", "Junio 2024")
REPORT = lab_report(
    "Informe de ensayo del agua de Parca",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 4: Dureza total presente en muestras de agua.",
            "Dureza total [mg/L CaCO3]",
            (("312,0", "498,5", "531,2*"), ("405,1", "515,0*", "489,9"), ("288,7", "301,4", "296,3")),
            (
                "Nota: la dureza no está regulada por la norma; como referencia se usa 500 mg/L CaCO3. "
                "* valor sobre la referencia.",
            ),
        ),
        Table(
            "Tabla 5: Sulfato presente en muestras de agua. Límite máximo permitido: 500 mg/L",
            "Sulfato [mg/L]",
            (("120,4", "133,0", "128,8"), ("210,2", "198,7", "205,5"), ("88,1", "90,3", "85,0")),
        ),
    ],
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_parca.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize("asked", ["la dureza tiene limite?", "cual es el valor de referencia de la dureza"])
def test_a_reference_in_the_note_is_the_tables_limit_in_its_own_unit(asked: str) -> None:
    answer = _answers(asked)[0]
    assert "500 mg/L CaCO3" in answer, answer


@pytest.mark.parametrize(
    ("follow_up", "verdict"),
    [
        ("eso esta sobre lo recomendado?", "Sí"),
        ("supera el valor de referencia?", "Sí"),
        ("y esta bajo la referencia?", "No"),
    ],
)
def test_a_value_is_compared_with_the_reference(follow_up: str, verdict: str) -> None:
    answer = _answers("dureza en el estanque en noviembre 2023", follow_up)[1]
    assert answer.startswith(verdict) or f"\n{verdict}" in answer, answer
    assert "515,0" in answer and "500 mg/L CaCO3" in answer, answer


@pytest.mark.parametrize(
    "same", ["y el sulfato en la misma fecha", "y el sulfato esa vez?", "y el sulfato ese mes"]
)
def test_the_same_date_keeps_the_campaign_and_the_place(same: str) -> None:
    answer = _answers("dureza en la escuela en junio 2024", same)[1]
    assert "85,0" in answer and "ningún punto" not in answer, answer
