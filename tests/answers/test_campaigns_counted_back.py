"""«¿Y en el muestreo anterior?», «el penúltimo», «al año siguiente en junio»: campaigns counted from another.

A campaign counted back is the one before the campaign the thread just
answered (before the latest when none was named); a year counted forward is
the thread's year plus one. Places named by a synonym said by ear («tanke»)
or by a regional word («bocatoma») are the table's own rows.
"""

from __future__ import annotations

import pytest

from botk_adapters.local.followup import complete
from botk_adapters.local.question import read_question
from botk_adapters.local.searching import search_arguments
from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (
    ("P1", "Sibaya Captación"),
    ("P2", "Sibaya Estanque"),
    ("P3", "Sibaya Escuela"),
    ("P4", "Sibaya Posta"),
)
CAMPAIGNS = ("Marzo 2021", "Septiembre 2021", "Junio 2022", "Febrero 2023")
# Each value names its row and campaign: "0,0231" is row 2 (Estanque), campaign 3 (junio 2022).
MANGANESE = [[f"0,0{row}{campaign}1" for campaign in (1, 2, 3, 4)] for row in (1, 2, 3, 4)]
MANGANESE[3][3] = "-"  # the Posta was not sampled in the latest campaign
PH = [[f"7,{row}{campaign}" for campaign in (1, 2, 3, 4)] for row in (1, 2, 3, 4)]
REPORT = lab_report(
    "Informe de ensayo del agua de Sibaya",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Manganeso presente en muestras de agua. Límite máximo permitido: 0,1 mg/L",
            "Manganeso [mg/L]",
            MANGANESE,
        ),
        Table("Tabla 3: pH de las muestras. Rango aceptable: 6,5 a 8,5 unidades", "pH [unidades de pH]", PH),
    ],
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_sibaya.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(
    "before",
    ["y en el muestreo anterior", "y en la campaña de antes?", "y la medicion previa", "y en la anterior"],
)
def test_the_campaign_before_the_latest_follows_a_latest_question(before: str) -> None:
    first, second = _answers("manganeso en la posta en el ultimo muestreo", before)
    assert "no se midió" in first, first
    assert "0,0431" in second and "junio de 2022" in second, second


@pytest.mark.parametrize("before", ["y en el muestreo anterior?", "y en la campaña de antes", "y antes?"])
def test_the_campaign_before_a_named_one_is_counted_from_it(before: str) -> None:
    second = _answers("cuanto manganeso habia en el estanque en junio de 2022", before)[1]
    assert "0,0221" in second and "septiembre de 2021" in second, second
    assert "0,0231" not in second, second


def test_asking_back_twice_counts_two_campaigns_back() -> None:
    third = _answers(
        "manganeso en la escuela el ultimo muestreo", "y el muestreo anterior", "y el de antes?"
    )[2]
    assert "0,0321" in third and "septiembre de 2021" in third, third


@pytest.mark.parametrize(
    "asked",
    ["manganeso en la escuela en el penultimo muestreo", "el penúltimo muestreo de manganeso en la escuela"],
)
def test_the_penultimate_campaign_is_the_one_before_the_latest(asked: str) -> None:
    answer = _answers(asked)[0]
    assert "0,0331" in answer and "junio de 2022" in answer, answer


def test_no_campaign_before_the_first_is_invented() -> None:
    second = _answers("manganeso en la escuela en marzo 2021", "y en el muestreo anterior")[1]
    assert "No lo encontré" in second and "0,03" not in second, second


@pytest.mark.parametrize(
    ("following", "expected"),
    [
        ("y al año siguiente en junio", "7,13"),
        ("y en junio del año siguiente", "7,13"),
        ("y un año despues", "7,13"),
    ],
)
def test_a_year_counted_from_the_thread(following: str, expected: str) -> None:
    first, second = _answers("acidez del agua en la captacion septiembre 2021", following)
    assert "7,12" in first and "pH" in first, first
    assert expected in second and "2022" in second, second


@pytest.mark.parametrize(
    ("asked", "expected", "row"),
    [
        ("manganeso en el tanke en junio 2022", "0,0231", "Estanque"),
        ("manganeso en la bocatoma en junio 2022", "0,0131", "Captación"),
        ("cuanto manganeso salio en la toma de agua en septiembre 2021", "0,0121", "Captación"),
    ],
)
def test_a_place_by_a_synonym_or_its_sound_is_the_tables_row(asked: str, expected: str, row: str) -> None:
    answer = _answers(asked)[0]
    assert expected in answer and f"Sibaya {row}" in answer, answer


def test_a_follow_up_by_the_sound_of_a_synonym_keeps_the_rest() -> None:
    second = _answers("manganeso en la escuela en el ultimo muestreo", "y en el tanke")[1]
    assert "0,0241" in second and "Sibaya Estanque" in second, second


def test_a_year_said_apart_from_its_month_still_counts() -> None:
    answer = _answers("manganeso en la escuela en el invierno del 2022, en junio")[0]
    assert "0,0331" in answer, answer


def test_asking_back_twice_from_a_named_campaign_says_so() -> None:
    third = _answers(
        "manganeso en la escuela en febrero 2023", "y en el muestreo anterior", "y en el de antes"
    )[2]
    assert "0,0321" in third and "segunda campaña antes de febrero" in third, third


@pytest.mark.parametrize(
    "after",
    [
        "y en la campaña siguiente",
        "y en el muestreo posterior?",
        "y en la siguiente",
        "y la medicion que sigue",
    ],
)
def test_the_campaign_after_a_named_one_is_counted_from_it(after: str) -> None:
    second = _answers("cuanto manganeso habia en el estanque en septiembre de 2021", after)[1]
    assert "0,0231" in second and "junio de 2022" in second, second


def test_after_the_latest_campaign_there_is_none() -> None:
    second = _answers("manganeso en el estanque en el ultimo muestreo", "y en la campaña siguiente")[1]
    assert "No lo encontré" in second and "0,02" not in second, second


def test_a_campaign_counted_from_another_year_is_found_among_many_tables() -> None:
    # Many tables share the anchor's month and year: the row's other campaigns must still be read.
    many = [
        Table(
            f"Tabla {n}: {name} presente en muestras de agua. Límite máximo permitido: 1 mg/L",
            f"{name} [mg/L]",
            [[f"0,{n}{row}{campaign}" for campaign in (1, 2, 3, 4)] for row in (1, 2, 3, 4)],
        )
        for n, name in enumerate(
            (
                "Cobre",
                "Zinc",
                "Boro",
                "Hierro",
                "Aluminio",
                "Bario",
                "Litio",
                "Cromo",
                "Plomo",
                "Niquel",
                "Cadmio",
            ),
            start=4,
        )
    ]
    report = lab_report("Informe de ensayo del agua de Sibaya", POINTS, CAMPAIGNS, [*many])
    chat = chat_over({"informe_sibaya.docx": report})
    chat.ask("el boro de la escuela en sept del 21 esta pasado?")
    after = chat.ask("y en la campaña siguiente").content
    before = chat.ask("y en la campaña anterior").content
    assert "0,633" in after and "junio de 2022" in after, after
    assert "0,632" in before and "septiembre de 2021" in before, before


def test_a_counted_campaign_is_searched_without_its_anchor_date() -> None:
    # Every table has the anchor's month and year: searched by them, the row's other campaigns
    # would be crowded out of the passages read.
    previous = read_question("el boro de la escuela en oct del 23 esta pasado?")
    question = complete(read_question("y en la campaña siguiente"), previous).question
    query = search_arguments(question, "y en la campaña siguiente")["query"]
    assert "boro" in query and "escuela" in query
    assert not {"oct", "octubre", "23", "2023"} & set(query.split()), query
