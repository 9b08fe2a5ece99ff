"""Units, ordinals, roles, lists and follow-ups as users ask for them, over Word documents written here.

Each weak spot is asked in several phrasings: a value from a two-column table
comes with its column's header, a unit matches however either side writes it,
an ordinal is the thing numbered so, a deed finds the row naming its step, a
lead-in answers with its own items only, a follow-up asks its new question of
the same subject, and what no document says is «No lo encontré».
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from botk_web.cli.eval import evaluate, load_case
from botk_web.settings import Settings
from tests.answers.documents import chat_over, docx_bytes
from tests.fixtures.laonzana.generate import build as build_laonzana
from tests.fixtures.sotoca.generate import build as build_sotoca

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS: dict[str, tuple[Callable[[Path], list[Path]], Path, float]] = {
    "laonzana": (build_laonzana, FIXTURES / "laonzana" / "questions.json", 0.95),
    "sotoca": (build_sotoca, FIXTURES / "sotoca" / "questions.json", 0.95),
}

FAQ = docx_bytes(
    "Preguntas frecuentes del comité",
    "1. ¿Cuánta agua toman los animales?",
    [("Animal", "Litros por día"), ("Burro", "20"), ("Llama", "6"), ("Oveja", "4")],
    "2. ¿Cuánto se paga por el agua?",
    "Tramo 1: de 0 a 10 m³, $410 por m³\nTramo 2: de 11 a 25 m³, $690 por m³"
    "\nTramo 3: sobre 25 m³, $1.240 por m³",
    "3. ¿Cuánto cloro se echa?",
    "Se agregan 1,5 kg de hipoclorito por cada 100 m³ de agua. La bomba funciona 6 hrs al día.",
    "4. Mantención",
    "Cada mes:",
    "Limpiar el filtro de succión.",
    "Purgar el aire de la bomba.",
    "Cada seis meses:",
    "Cambiar las válvulas de la bomba.",
    "5. ¿Dónde queda la oficina?",
    "En la sede social, al lado de la iglesia. Atiende los lunes de 9:00 a 12:30 horas.",
    "6. ¿Quién es el operador del sistema?\nDon Rubén Mamani Huarachi. Se le ubica al +56 9 6612 3380.",
)
REPORT = docx_bytes(
    "Informe de resultados",
    [
        ("Responsable del muestreo", "Sr. Hernán Quispe Alave"),
        ("Análisis químico", "Q.F. Macarena Tapia Olivares"),
        ("Jefa de laboratorio", "Dra. Soledad Cruz Villca"),
        ("Teléfono de contacto", "+56 57 233 4410"),
    ],
    "(-) No analizado.",
)


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_weak_spot_sets_are_answered_with_no_invented_figure(name: str, tmp_path: Path) -> None:
    build, questions, minimum = SETS[name]
    documents = tmp_path / "docs"
    build(documents)
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    run = evaluate(load_case(questions), settings, documents)
    assert run.totals.invented == 0
    assert run.totals.not_found[0] == run.totals.not_found[1]
    assert run.totals.score >= minimum, "\n".join(
        r.turn.ask for r in run.results if r.score and not r.score.right
    )


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanta agua toma un burro", "20"),
        ("cuantos litros necesita una llama al dia", "6"),
        ("cuanto toma la oveja", "4"),
    ],
)
def test_a_figure_of_a_two_column_table_comes_with_its_column_header(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert f": {expected}" in answer and "Litros por día" in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuantos kilos de hipoclorito se echan", "1,5 kg"),
        ("cuantas horas funciona la bomba", "6 hrs"),
        ("cuanto se paga por metro cubico en el tramo 1", "$410"),
        ("a cuanto el m3 en el tramo 3", "$1.240"),
    ],
)
def test_a_unit_matches_however_the_question_writes_it(asked: str, expected: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected", "other"),
    [
        ("cuanto cuesta el m3 en el segundo tramo", "$690", "$410"),
        ("a cuanto el metro cubico en el 3er tramo", "$1.240", "$690"),
        ("cuanto se cobra en el primer tramo", "$410", "$1.240"),
        ("precio del 2do tramo", "$690", "$1.240"),
    ],
)
def test_an_ordinal_names_the_thing_numbered_so(asked: str, expected: str, other: str) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert expected in answer and other not in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("quien tomo las muestras", "Hernán Quispe"),
        ("quien muestreo el agua", "Hernán Quispe"),
        ("quien analizo las muestras", "Macarena Tapia"),
        ("quien hizo el analisis", "Macarena Tapia"),
        ("quién firma como jefa de laboratorio", "Soledad Cruz"),
        ("a quien llamo por los resultados del laboratorio", "233 4410"),
        ("cual es el telefono del laboratorio", "233 4410"),
    ],
)
def test_a_deed_finds_the_row_that_names_its_step(asked: str, expected: str) -> None:
    answer = chat_over({"informe_laboratorio.docx": REPORT}).ask(asked).content
    assert expected in answer, answer


@pytest.mark.parametrize(
    ("asked", "expected", "not_expected"),
    [
        ("que hay que hacer cada mes", ("filtro de succión", "Purgar"), "válvulas"),
        ("que mantencion se hace cada seis meses", ("válvulas",), "Purgar"),
        ("cada cuanto se limpia el filtro de succion", ("Cada mes",), "válvulas"),
    ],
)
def test_a_lead_in_answers_with_its_own_items(
    asked: str, expected: tuple[str, ...], not_expected: str
) -> None:
    answer = chat_over({"faq.docx": FAQ}).ask(asked).content
    assert all(e in answer for e in expected) and not_expected not in answer, answer


@pytest.mark.parametrize("follow_up", ["y a que hora atiende?", "y que dias atiende?"])
def test_a_follow_up_asks_its_new_question_of_the_same_subject(follow_up: str) -> None:
    chat = chat_over({"faq.docx": FAQ})
    assert "sede social" in chat.ask("donde queda la oficina").content
    assert "lunes" in chat.ask(follow_up).content


@pytest.mark.parametrize("follow_up", ["y su numero?", "y como lo ubico?", "y su telefono?"])
def test_a_follow_up_about_someone_asks_it_of_that_person(follow_up: str) -> None:
    chat = chat_over({"faq.docx": FAQ, "informe_laboratorio.docx": REPORT})
    assert "Rubén Mamani" in chat.ask("quien es el operador").content
    assert "6612 3380" in chat.ask(follow_up).content


@pytest.mark.parametrize(
    "asked",
    ["cuantos litros toma un caballo", "cuanto cuesta la bomba", "cuando es la proxima campaña de muestreo"],
)
def test_what_no_document_says_is_not_found_with_no_figure(asked: str) -> None:
    answer = chat_over({"faq.docx": FAQ, "informe_laboratorio.docx": REPORT}).ask(asked)
    assert answer.content.startswith("No lo encontré") and not answer.citations, answer.content
