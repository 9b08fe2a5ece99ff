"""Which words of a table question name a sampling point: the table's row labels decide."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

REPORT = docx_bytes(
    "Informe de agua de Camiña",
    "Tabla 2: Cromo total presente en muestras de agua. Límite máximo permitido: 0,05 mg/L",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa Alta", "0,061*", "0,012"],
        ["P2", "Camiña Posta Rural", "0,020", "0,0087"],
    ],
    "Tabla 3: Selenio presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa Alta", "0,004", "0,0073"],
        ["P2", "Camiña Posta Rural", "0,0090", "0,0031"],
    ],
)


def _ask(*turns: str) -> str:
    chat = chat_over({"informe.docx": REPORT})
    return [chat.ask(t).content for t in turns][-1]


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanto cromo le detectaron a la posta en enero 2024", "0,0087"),
        ("resultados cromo posta 01/2024", "0,0087"),
        ("medicion de selenio copa junio 2023", "0,004"),
        ("que cantidad de selenio midieron a la copa en enero 2024", "0,0073"),
    ],
)
def test_a_verb_or_a_common_noun_is_not_taken_for_a_sampling_point(asked: str, expected: str) -> None:
    answer = _ask(asked)
    assert expected in answer and "ningún punto" not in answer, answer


@pytest.mark.parametrize(
    "follow_up", ["y el selenio ahi mismo?", "y el selenio alli?", "y el selenio en el mismo?"]
)
def test_here_or_the_same_in_a_follow_up_is_the_previous_place(follow_up: str) -> None:
    answer = _ask("cromo en la posta rural en enero 2024", follow_up)
    assert "0,0031" in answer and "0,0073" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["cuanto cromo tenia la escuela en enero 2024", "selenio en el estadio junio 2023"]
)
def test_a_place_the_table_does_not_have_is_still_not_found(asked: str) -> None:
    answer = _ask(asked)
    assert answer.startswith("No lo encontré") and "0,0" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "hasta cuanto selenio se permite en el agua",
        "cuanto selenio se acepta en el agua potable",
        "que cantidad de selenio se admite",
    ],
)
def test_a_limit_question_naming_no_row_gets_the_table_limit(asked: str) -> None:
    answer = _ask(asked)
    assert "0,01 mg/L" in answer and "0,0090" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "temperatura del agua en la posta rural en enero 2024",
        "cual es el ph de la copa alta en junio 2023",
        "conductividad en la posta rural",
    ],
)
def test_a_quantity_no_table_measures_is_not_answered_by_another_parameter(asked: str) -> None:
    answer = _ask(asked)
    assert answer.startswith("No lo encontré") and "0,0" not in answer, answer
