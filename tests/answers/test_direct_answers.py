"""Direct answers: one sentence per table cell (every kind of value), lists, yes/no, the limit."""

from __future__ import annotations

import re

import attrs

from botk_adapters.local.answers import answer_question
from botk_adapters.local.question import read_question
from botk_core.domain import TableFact
from botk_core.tools.search import FoundPassage
from tests.answers.lab import REPORT, cell, fact_text

MIRAFLORES, PULCHA, CAU_CAU = 1, 2, 0
MAY, OCT, DEC = 0, 1, 2


def found(fact: TableFact, document: str = REPORT) -> FoundPassage:
    return FoundPassage(document, "doc_lab", f"{fact.table} · x", fact_text(fact), 1.0, fact)


def ask(text: str, *facts: TableFact, document: str = REPORT) -> str:
    return answer_question(read_question(text), [found(f, document) for f in facts], text).text


def test_a_value_over_the_limit_is_one_sentence_with_unit_campaign_place_limit_and_source() -> None:
    text = ask("cuanto manganeso habia en miraflores en oct 2021", cell("Tabla 8", MIRAFLORES, OCT))
    sentence, source = text.splitlines()
    assert sentence == (
        "En octubre de 2021 el manganeso en Macaya Miraflores fue 0,1400 mg/L, sobre el límite de 0,1 mg/L "
        "(la tabla lo marca con *)."
    )
    assert (
        source == f"Fuente: {REPORT} · Tabla 8 · M4 Macaya Miraflores · Octubre 2021 (documento de ejemplo)"
    )


def test_a_value_under_the_limit_says_so() -> None:
    text = ask("plomo en cau cau dic 2022", cell("Tabla 9", CAU_CAU, DEC))
    assert "el plomo en Macaya Cau-Cau fue 0,0145 mg/L, bajo el límite de 0,05 mg/L." in text


def test_below_detection_and_not_measured_are_said_in_words() -> None:
    below = ask("manganeso en pulcha en mayo 2021", cell("Tabla 8", PULCHA, MAY))
    assert (
        "estuvo bajo el límite de detección (<0,005 mg/L), es decir, bajo el límite permitido de 0,1" in below
    )
    missing = ask("manganeso en cau cau en octubre 2021", cell("Tabla 8", CAU_CAU, OCT))
    assert missing.startswith("En octubre de 2021 el manganeso en Macaya Cau-Cau no se midió.")


def test_a_detection_limit_above_the_legal_limit_cannot_tell() -> None:
    fact = attrs.evolve(cell("Tabla 9", PULCHA, MAY), value="<0,1", number=0.1, over_limit=None)
    assert "no se sabe si cumple" in ask("plomo en pulcha mayo 2021", fact)


def test_yes_no_questions_answer_si_or_no_with_the_numbers() -> None:
    over = cell("Tabla 9", MIRAFLORES, DEC)
    assert ask("el plomo de miraflores en dic 2022 supera la norma?", over).startswith(
        "Sí: en diciembre de 2022"
    )
    assert ask("el plomo de miraflores en dic 2022 cumple la norma?", over).startswith("No: en diciembre")
    under = cell("Tabla 9", CAU_CAU, DEC)
    text = ask("el plomo de cau cau en dic 2022 esta sobre el limite?", under)
    assert text.startswith("No: ") and "0,0145 mg/L" in text and "0,05 mg/L" in text


def test_a_row_question_is_a_short_list_by_campaign() -> None:
    facts = [cell("Tabla 9", MIRAFLORES, c) for c in (DEC, MAY, OCT)]
    text = ask("como salio miraflores en el plomo", *facts)
    assert text.splitlines()[:4] == [
        "El plomo en Macaya Miraflores, por campaña (límite 0,05 mg/L):",
        "- mayo de 2021: 0,0779 mg/L (sobre el límite)",
        "- octubre de 2021: bajo el límite de detección (<0,0050 mg/L)",
        "- diciembre de 2022: 0,0591 mg/L (sobre el límite)",
    ]
    assert text.endswith("Tabla 9 · M4 Macaya Miraflores (documento de ejemplo)")


def test_a_column_question_is_a_short_list_by_point() -> None:
    facts = [cell("Tabla 9", p, OCT) for p in (PULCHA, CAU_CAU, MIRAFLORES)]
    lines = ask("plomo en todos los puntos en oct 2021", *facts).splitlines()
    assert lines[0] == "El plomo en octubre de 2021, por punto de muestreo (límite 0,05 mg/L):"
    assert lines[1:4] == [
        "- M1 Macaya Cau-Cau: 0,0335 mg/L",
        "- M4 Macaya Miraflores: bajo el límite de detección (<0,0050 mg/L)",
        "- M6 Macaya Pulcha: 0,0042 mg/L",
    ]


def test_the_limit_of_a_parameter_comes_from_its_table() -> None:
    text = ask("cual es la norma del fierro", attrs.evolve(cell("Tabla 9", 0, 0), parameter="Hierro"))
    assert text.startswith("El límite máximo permitido para el hierro es 0,05 mg/L, según la Tabla 9.")


def test_a_real_document_is_not_marked_as_an_example() -> None:
    text = ask("plomo en cau cau dic 2022", cell("Tabla 9", CAU_CAU, DEC), document="informe_2023.docx")
    assert "ejemplo" not in text


def figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


def test_not_found_names_what_it_looked_for_and_invents_no_figure() -> None:
    table = [cell("Tabla 9", p, c) for p in range(3) for c in range(3)]
    cases = {
        "cuanto plomo habia en miraflores en enero 2020": "de plomo en Miraflores, pero no de enero de 2020",
        "cuanto plomo habia en pica en dic 2022": "de ningún punto de muestreo llamado «Pica»",
        "cuanto cadmio habia en pulcha en dic 2022": "busqué datos de cadmio en las tablas",
    }
    for question, reason in cases.items():
        answer = answer_question(read_question(question), [found(f) for f in table], question)
        assert answer.text.startswith("No lo encontré: ") and reason in answer.text, answer.text
        assert figures(answer.text) <= figures(question) and answer.citations == ()


def test_a_list_over_several_points_cites_each_row() -> None:
    facts = [cell("Tabla 9", p, OCT) for p in (PULCHA, CAU_CAU)]
    question = "plomo en todos los puntos en oct 2021"
    answer = answer_question(read_question(question), [found(f) for f in facts], question)
    assert [c.location for c in answer.citations] == [
        "Tabla 9 · M1 Macaya Cau-Cau · Octubre 2021",
        "Tabla 9 · M6 Macaya Pulcha · Octubre 2021",
    ]


def test_which_points_went_over_lists_only_those_and_says_how_many() -> None:
    facts = [cell("Tabla 9", p, MAY) for p in (PULCHA, CAU_CAU, MIRAFLORES)]
    question = "en que puntos se paso el plomo en mayo 2021"
    lines = answer_question(read_question(question), [found(f) for f in facts], question).text.splitlines()
    assert (
        lines[0] == "Sí: el plomo en mayo de 2021 superó el límite de 0,05 mg/L en 2 de 3 puntos de muestreo:"
    )
    assert lines[1:3] == [
        "- M1 Macaya Cau-Cau: 0,0681 mg/L (sobre el límite)",
        "- M4 Macaya Miraflores: 0,0779 mg/L (sobre el límite)",
    ]


def test_the_latest_and_the_first_sampling() -> None:
    facts = [cell("Tabla 9", MIRAFLORES, c) for c in (MAY, OCT, DEC)]
    latest = ask("cual fue el ultimo valor de plomo en miraflores", *facts)
    assert latest.startswith("En diciembre de 2022 el plomo en Macaya Miraflores fue 0,0591 mg/L")
    assert ask("plomo en miraflores en el primer muestreo", *facts).startswith("En mayo de 2021")
