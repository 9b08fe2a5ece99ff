"""«¿Por qué tiene asterisco?», «xq salió tan alto?»: the note under the table explains the value."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over
from tests.answers.lab_report import Table, lab_report

POINTS = (("CA-1", "Camiña Copa"), ("CA-2", "Camiña Bocatoma"), ("CA-3", "Camiña Liceo"))
REPORT = lab_report(
    "Informe del agua de Camiña",
    POINTS,
    ("Enero 2023", "Julio 2023"),
    [
        Table(
            "Tabla 2: Nitrito presente en muestras de agua. Límite máximo permitido: 3 mg/L",
            "Nitrito [mg/L]",
            (("3,42*", "3,18*"), ("0,41", "s/m"), ("0,22", "4,05**")),
            (
                "* Sobre el límite: la copa recibió agua de riego durante la limpieza de la bocatoma.",
                "** Sobre el límite; la muestra se repitió y dio 2,9 mg/L.",
                "s/m: sin muestra, la bocatoma estaba seca en julio.",
            ),
        ),
        Table(
            "Tabla 3: Boro presente en muestras de agua. Límite máximo permitido: 2,4 mg/L",
            "Boro [mg/L]",
            (("2,71", "1,20"), ("0,95", "1,01"), ("1,10", "1,15")),
            doubled=0,
        ),
    ],
)


def _ask(*turns: str) -> str:
    chat = chat_over({"informe_camina.docx": REPORT})
    return [chat.ask(turn).content for turn in turns][-1]


@pytest.mark.parametrize(
    "why", ["por que tiene asterisco", "xq salio tan alto?", "y eso por qué?", "xq la estrellita"]
)
def test_a_why_after_a_marked_value_is_answered_by_its_note(why: str) -> None:
    answer = _ask("cuanto nitrito salio en la copa en enero 2023", why)
    assert "agua de riego" in answer and "repitió" not in answer, answer


def test_each_mark_is_explained_by_its_own_line() -> None:
    answer = _ask("nitrito en el liceo en julio 2023", "por que tiene doble asterisco?")
    assert "se repitió" in answer and "agua de riego" not in answer, answer


@pytest.mark.parametrize(
    "asked",
    [
        "por que el nitrito de la copa tiene asterisco en enero 2023",
        "xq salio alto el nitrito en la copa en julio 2023",
        "por que el nitrito de la copa tiene estrellita",
    ],
)
def test_a_why_question_of_its_own_is_answered_by_the_note(asked: str) -> None:
    answer = _ask(asked)
    assert answer.startswith("La tabla marca") and "agua de riego" in answer, answer


def test_a_missing_value_is_explained_by_what_its_symbol_means() -> None:
    answer = _ask("nitrito en la bocatoma en julio 2023", "por que no hay dato?")
    assert "seca en julio" in answer, answer


def test_a_value_without_a_mark_gets_no_note_made_up() -> None:
    answer = _ask("boro en la copa en enero 2023", "xq salio tan alto?")
    assert "2,71" in answer and "La tabla marca" not in answer and "Nota" not in answer, answer


def test_how_it_was_measured_is_not_answered_by_a_mark_note() -> None:
    answer = _ask("como midieron el nitrito")
    assert "La tabla marca" not in answer, answer
