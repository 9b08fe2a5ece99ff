"""Chat words («oiga», «porfa», «ahora», «ta», «tamos») are never a place or a sampling point."""

from __future__ import annotations

import pytest

from botk_core.phrasing import expand_abbreviations
from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (("PT-1", "Pachama Plaza"), ("PT-2", "Pachama Copa"), ("PT-3", "Pachama Sede"))
CAMPAIGNS = ("Junio 2022", "Diciembre 2022")
REPORT = lab_report(
    "Informe de calidad del agua de Pachama",
    POINTS,
    CAMPAIGNS,
    [
        Table(
            "Tabla 2: Nitrato presente en muestras de agua. Límite máximo permitido: 50 mg/L",
            "Nitrato [mg/L]",
            (("12,7", "14,2"), ("55,3*", "48,9"), ("9,41", "10,6")),
            ("* Sobre el límite máximo permitido.",),
        ),
        Table(
            "Tabla 3: Boro presente en muestras de agua. Límite máximo permitido: 2,4 mg/L",
            "Boro [mg/L]",
            (("1,10", "1,32"), ("2,05", "2,61*"), ("0,88", "0,93")),
            ("* Sobre el límite máximo permitido.",),
            doubled=0,
        ),
    ],
)


def _answers(*turns: str) -> list[str]:
    chat = chat_over({"informe_pachama.docx": REPORT})
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(("word", "spelled"), [("ta", "esta"), ("tai", "estas"), ("tamos", "estamos")])
def test_chat_forms_of_estar_are_spelled_out(word: str, spelled: str) -> None:
    assert expand_abbreviations(f"como {word} el agua") == f"como {spelled} el agua"


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("kien tomo las muestras", "quien tomo las muestras"),
        ("el tel y la dir del comite", "el telefono y la direccion del comite"),
        ("me avisan x wsp", "me avisan por whatsapp"),
        ("cdo es el prox muestreo", "cuando es el proximo muestreo"),
        ("q salio en el ult muestreo plis", "que salio en el ultimo muestreo por favor"),
    ],
)
def test_chat_abbreviations_are_written_out(written: str, spelled: str) -> None:
    assert expand_abbreviations(written) == spelled


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("oiga el boro de la copa en diciembre 2022", "2,61"),
        ("porfa nitrato sede junio 2022", "9,41"),
        ("ahora el nitrato de la plaza dic 2022", "14,2"),
        ("oye tai ahi? boro plaza junio 2022", "1,10"),
    ],
)
def test_a_chat_word_beside_a_place_is_not_part_of_it(asked: str, expected: str) -> None:
    answer = _answers(asked)[0]
    assert expected in answer and "ningún punto" not in answer, answer


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [("oiga y la sede?", "0,88"), ("y en la plaza porfa?", "1,10"), ("ya, y la copa ahora?", "2,05")],
)
def test_a_chat_word_in_a_follow_up_does_not_change_the_place_it_names(follow_up: str, expected: str) -> None:
    answer = _answers("boro en la plaza en junio 2022", follow_up)[1]
    assert expected in answer and "Oiga" not in answer and "Porfa" not in answer and "Ahora" not in answer
    assert "ningún punto" not in answer, answer


@pytest.mark.parametrize("follow_up", ["y ahora?", "oiga, y ahora?", "ya, y ahorita?"])
def test_a_follow_up_of_only_chat_words_keeps_the_place(follow_up: str) -> None:
    answer = _answers("nitrato en la copa en junio 2022", follow_up)[1]
    assert "ningún punto" not in answer and "55,3" in answer, answer


@pytest.mark.parametrize(
    ("asked", "verdict"),
    [
        ("el nitrato de la copa ta alto en junio 2022?", "Sí"),
        ("tamos bien con el boro en la sede en diciembre 2022?", "Sí"),
        ("ta sobre la norma el boro de la copa en junio 2022?", "No"),
    ],
)
def test_ta_and_tamos_ask_as_esta_and_estamos(asked: str, verdict: str) -> None:
    answer = _answers(asked)[0]
    assert answer.startswith(verdict), answer
