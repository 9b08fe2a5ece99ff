"""«¿Qué puntos pasaron la norma?», «¿dónde salió alto ...?»: the cells over the limit, or «Ninguno»."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (
    ("PA-01", "Parca Captación"),
    ("PA-02", "Parca Copa"),
    ("PA-03", "Parca Iglesia"),
    ("PA-04", "Parca Cancha"),
)
CAMPAIGNS = ("Febrero 2022", "Septiembre 2022", "Marzo 2023")
REPORT = lab_report(
    "Informe de calidad del agua del APR Parca",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Arsénico presente en muestras de agua. Límite máximo permitido: 0,01 mg/L",
            "Arsénico [mg/L]",
            (("0,0212*", "0,0190*", "0,0088"), ("0,0061", "0,0134*", "0,0049"),
             ("0,0070", "0,0066", "0,0058"), ("<0,001", "-", "0,0102*")),
            ("* Valor sobre el límite máximo permitido.", "- No se tomó muestra."),
        ),
        # No value is marked: what is over is known only by the caption's limit.
        Table(
            "Tabla 3: Fluoruro presente en muestras de agua. Límite máximo permitido: 1,5 mg/L",
            "Fluoruro [mg/L]",
            (("1,72", "1,64", "1,31"), ("0,45", "0,52", "0,49"), ("1,38", "1,57", "1,22"),
             ("0,91", "0,87", "0,80")),
            doubled=0,
        ),
        Table(
            "Tabla 4: Sulfato presente en muestras de agua. Límite máximo permitido: 500 mg/L",
            "Sulfato [mg/L]",
            (("212", "230", "221"), ("188", "194", "201"), ("305", "311", "298"), ("97,5", "102", "99,1")),
        ),
        Table(
            "Tabla 5: Conductividad eléctrica de las muestras de agua, en µS/cm",
            "Conductividad [µS/cm]",
            (("812", "845", "830"), ("640", "655", "661"), ("1.020", "1.104", "998"), ("433", "450", "441")),
        ),
    ],
)  # fmt: skip


def _ask(*turns: str) -> str:
    chat = chat_over({"informe_parca.docx": REPORT})
    return [chat.ask(turn).content for turn in turns][-1]


@pytest.mark.parametrize(
    ("asked", "over", "under"),
    [
        ("que puntos pasaron la norma de arsenico en septiembre 2022", ["0,0190", "0,0134"], ["0,0066"]),
        (
            "en que puntos el arsenico supero el limite en marzo 2023",
            ["0,0102", "Cancha"],
            ["0,0088", "0,0049"],
        ),
        ("cuales puntos se pasaron en arsenico en feb 2022", ["0,0212", "Captación"], ["0,0061", "0,0070"]),
        ("donde salio alto el arsenico", ["0,0212", "0,0190", "0,0134", "0,0102"], ["0,0066", "0,0088"]),
    ],
)
def test_only_the_marked_cells_are_listed_with_their_values(
    asked: str, over: list[str], under: list[str]
) -> None:
    answer = _ask(asked)
    assert all(v in answer for v in over) and not any(v in answer for v in under), answer


@pytest.mark.parametrize(
    ("asked", "over", "under"),
    [
        (
            "en que puntos se paso el fluoruro en septiembre 2022",
            ["1,64", "1,57", "Iglesia"],
            ["0,52", "0,87"],
        ),
        ("donde salio alto el fluoruro", ["1,72", "1,64", "1,57"], ["1,31", "1,38", "0,45"]),
    ],
)
def test_unmarked_cells_over_the_captions_limit_are_listed(
    asked: str, over: list[str], under: list[str]
) -> None:
    answer = _ask(asked)
    assert all(v in answer for v in over) and not any(v in answer for v in under), answer


def test_a_list_without_a_campaign_says_each_cells_campaign() -> None:
    lines = _ask("donde salio alto el fluoruro").splitlines()
    assert any("Captación" in line and "febrero de 2022" in line and "1,72" in line for line in lines), lines
    assert any("Iglesia" in line and "septiembre de 2022" in line and "1,57" in line for line in lines), lines


@pytest.mark.parametrize(
    "asked",
    [
        "que puntos superaron el limite de sulfato en marzo 2023",
        "donde se paso el sulfato",
        "en que puntos paso la norma el fluoruro en marzo 2023",
    ],
)
def test_none_over_is_ninguno_with_the_highest_value(asked: str) -> None:
    answer = _ask(asked)
    assert answer.startswith("Ninguno") and "El valor más alto fue" in answer, answer


def test_a_follow_up_campaign_keeps_asking_which_points() -> None:
    answer = _ask("que puntos pasaron la norma de arsenico en febrero 2022", "y en marzo 2023?")
    assert "0,0102" in answer and "0,0058" not in answer, answer


@pytest.mark.parametrize(
    "asked", ["donde salio alta la conductividad", "que puntos superaron la norma de conductividad"]
)
def test_a_table_without_a_limit_says_so_instead_of_ninguno(asked: str) -> None:
    answer = _ask(asked)
    assert "no indica un límite" in answer and not answer.startswith("Ninguno"), answer
