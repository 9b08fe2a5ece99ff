"""Questions about a lab report's structure: its sampling points, campaigns, parameters, a point's code.

Every list comes from all the report's tables, cited; a question that names a
parameter, or asks something else about the report, is answered as before.
"""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes
from tests.answers.structure_reports import (
    CAMPAIGNS,
    LATE_CAMPAIGN,
    LATE_POINT,
    NAME,
    PARAMETERS,
    POINTS,
    PROSE_ONLY,
    REPORT,
    SMALL,
    SMALL_NAME,
    SMALL_POINTS,
)


def _ask(files: dict[str, bytes], *turns: str) -> tuple[str, int]:
    chat = chat_over(files)
    answers = [chat.ask(turn) for turn in turns]
    return answers[-1].content, len(answers[-1].citations)


def _positions(answer: str, labels: list[str]) -> list[int]:
    return [answer.find(label) for label in labels]


@pytest.mark.parametrize(
    "asked",
    [
        "donde tomaron las muestras",
        "cuales son los puntos de muestreo",
        "de q lugares sacaron agua pa analizar",
    ],
)
def test_the_sampling_points_of_every_table_are_listed_with_their_codes(asked: str) -> None:
    answer, cited = _ask({NAME: REPORT}, asked)
    expected = [f"{code} {place}" for code, place in (*POINTS, LATE_POINT)]
    assert all(label in answer for label in expected), answer
    assert "No lo encontré" not in answer and NAME in answer and cited, answer


@pytest.mark.parametrize("asked", ["en que sectores se muestreo", "q puntos tiene el informe"])
def test_the_points_of_a_small_report_are_its_own(asked: str) -> None:
    answer, cited = _ask({SMALL_NAME: SMALL}, asked)
    assert all(f"{code} {place}" in answer for code, place in SMALL_POINTS), answer
    assert "Caquena" not in answer and SMALL_NAME in answer and cited, answer


@pytest.mark.parametrize(
    "asked", ["cuando se hicieron los muestreos", "en que fechas muestrearon", "q campañas de muestreo hubo"]
)
def test_the_campaigns_are_listed_in_order(asked: str) -> None:
    answer, cited = _ask({NAME: REPORT}, asked)
    positions = _positions(answer, [*CAMPAIGNS, LATE_CAMPAIGN])
    assert -1 not in positions and positions == sorted(positions), answer
    assert NAME in answer and cited, answer


@pytest.mark.parametrize("asked", ["cuantos muestreos se hicieron", "cuantas veces tomaron muestras"])
def test_the_number_of_campaigns_is_said(asked: str) -> None:
    answer, _ = _ask({NAME: REPORT}, asked)
    assert "5" in answer and LATE_CAMPAIGN in answer, answer


@pytest.mark.parametrize(
    ("asked", "named"),
    [
        ("cual fue la ultima campaña", LATE_CAMPAIGN),
        ("cuando fue el ultimo analisis del agua", LATE_CAMPAIGN),
        ("cuando fue el primer muestreo", "Marzo 2022"),
        ("cuando se hizo la primera campaña", "Marzo 2022"),
        ("cuando fue la tercera campaña", "Enero 2023"),
    ],
)
def test_the_last_first_or_nth_campaign_is_named_first(asked: str, named: str) -> None:
    answer, cited = _ask({NAME: REPORT}, asked)
    first_line = answer.splitlines()[0]
    assert named in first_line and cited, answer


@pytest.mark.parametrize(
    ("asked", "day"),
    [
        ("cuando fue el ultimo muestreo", "5 de octubre de 2021"),
        ("cuando fue la primera campaña", "14 de febrero"),
    ],
)
def test_the_day_the_report_gives_a_campaign_is_said(asked: str, day: str) -> None:
    answer, _ = _ask({SMALL_NAME: SMALL}, asked)
    assert day in answer.splitlines()[0], answer


def test_a_days_list_of_another_document_is_not_the_reports() -> None:
    other = docx_bytes("Las reuniones se realizaron el 3 de marzo de 2022 y el 20 de julio de 2023.")
    answer, _ = _ask({NAME: REPORT, "acta.docx": other}, "cuando fue el primer muestreo")
    assert "Marzo 2022" in answer.splitlines()[0] and "3 de marzo" not in answer, answer


def test_a_code_follow_up_names_the_other_place() -> None:
    answer, _ = _ask({NAME: REPORT}, "cual es el codigo del punto de la escuela", "y el de la iglesia")
    assert "M5" in answer and "M4" not in answer.split(), answer


@pytest.mark.parametrize(
    "asked", ["que analisis le hicieron al agua", "cuales parametros se midieron", "q elementos analizaron"]
)
def test_the_parameters_are_listed_with_their_units(asked: str) -> None:
    answer, cited = _ask({NAME: REPORT}, asked)
    folded = answer.lower()
    assert all(name.lower() in folded for name, _, _ in PARAMETERS), answer
    assert "µS/cm" in answer and "mg/L" in answer and NAME in answer and cited, answer


@pytest.mark.parametrize("asked", ["q le midieron al agua", "que parametros tiene el informe"])
def test_the_parameters_of_a_small_report_are_its_own(asked: str) -> None:
    answer, _ = _ask({SMALL_NAME: SMALL}, asked)
    assert "plomo" in answer.lower() and "cloro libre" in answer.lower(), answer
    assert "arsénico" not in answer.lower(), answer


@pytest.mark.parametrize(
    ("asked", "code", "others"),
    [
        ("cual es el codigo de la escuela", "M4", ["M2", "M5"]),
        ("que codigo tiene el estanque", "M2", ["M4", "M7"]),
        ("con q codigo sale la vertiente en el informe", "M7", ["M2", "M4"]),
    ],
)
def test_a_place_is_answered_by_its_code(asked: str, code: str, others: list[str]) -> None:
    answer, cited = _ask({NAME: REPORT}, asked)
    assert code in answer and not any(o in answer.split() for o in others), answer
    assert "No lo encontré" not in answer and cited, answer


@pytest.mark.parametrize(
    "asked", ["cuales son los puntos de muestreo", "cuantas campañas hubo", "que parametros midieron"]
)
def test_without_tables_the_structure_is_not_found(asked: str) -> None:
    answer, cited = _ask({"acta.docx": PROSE_ONLY}, asked)
    assert answer.startswith("No lo encontré") and not cited, answer


@pytest.mark.parametrize(
    ("asked", "value", "table"),
    [
        ("q puntos tienen arsenico", "0,10 mg/L", "Tabla 2"),
        ("en que puntos midieron el boro en enero 2023", "0,19 mg/L", "Tabla 3"),
    ],
)
def test_a_question_naming_a_parameter_still_reads_its_table(asked: str, value: str, table: str) -> None:
    answer, _ = _ask({NAME: REPORT}, asked)
    assert value in answer and f"· {table}" in answer and "puntos de muestreo:" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["cuando salio el informe", "quien tomo las muestras", "q puntos pasaron la norma"]
)
def test_other_questions_about_the_report_are_not_read_as_its_structure(asked: str) -> None:
    answer, _ = _ask({NAME: REPORT}, asked)
    assert "puntos de muestreo:" not in answer and "campañas de muestreo:" not in answer, answer
