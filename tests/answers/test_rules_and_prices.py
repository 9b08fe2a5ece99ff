"""Rules, prices and counts of a committee's rules: a PDF price table row by row, a count that is a count."""

from __future__ import annotations

import pytest

from tests.adapters.test_readers import _pdf_file
from tests.answers.documents import chat_over, docx_bytes

RULES = _pdf_file(
    [
        [
            "4. Cobros del servicio 2025",
            "  Concepto                          Monto",
            "  Cargo fijo mensual                $2.900",
            "  Reposicion del arranque           $9.400",
            "  Multa x lavar autos con manguera   $12.000",
            "  Multa x riego fuera de turno       $21.000",
            "La lectura del medidor se hace el dia 20 de cada mes.",
        ]
    ]
)


def _ask(files: dict[str, bytes], *turns: str) -> str:
    chat = chat_over(files)
    return [chat.ask(t).content for t in turns][-1]


@pytest.mark.parametrize(
    ("asked", "expected", "other"),
    [
        ("multa x regar fuera de turno", "21.000", "12.000"),
        ("cuanto es la multa por lavar autos", "12.000", "21.000"),
        ("cuanto cuesta la reposicion del arranque", "9.400", "2.900"),
    ],
)
def test_a_price_table_in_a_pdf_is_answered_by_its_row(asked: str, expected: str, other: str) -> None:
    answer = _ask({"cobros.pdf": RULES}, asked)
    assert expected in answer and other not in answer, answer


@pytest.mark.parametrize("asked", ["cuanto cuesta un medidor nuevo", "cuanto vale una llave de paso nueva"])
def test_a_price_of_a_thing_the_table_does_not_list_is_not_found(asked: str) -> None:
    answer = _ask({"cobros.pdf": RULES}, asked)
    assert answer.startswith("No lo encontré") and "$" not in answer, answer


FAQ = docx_bytes(
    "Preguntas del comité",
    "3. ¿Cuántas horas puede regar cada socio?",
    "Cada socio puede regar 3 horas por semana, en su turno.",
    "4. ¿Dónde se paga?",
    "En la sede, los lunes de 9:00 a 12:00.",
)


@pytest.mark.parametrize("asked", ["cuantos socios tiene el comite", "cuantos socios hay en total"])
def test_each_member_is_no_count_of_members(asked: str) -> None:
    answer = _ask({"faq.docx": FAQ}, asked)
    assert answer.startswith("No lo encontré") and "3 horas" not in answer, answer


def test_how_long_each_member_may_water_still_gets_its_line() -> None:
    answer = _ask({"faq.docx": FAQ}, "cuantas horas riega cada socio")
    assert "3 horas" in answer, answer


KEYS = docx_bytes(
    "Informe de resultados",
    "Tabla 1: Antecedentes",
    [
        ["Dato", "Valor"],
        ["N° de informe", "QX-2031-118"],
        ["Nº de muestras", "14"],
        ["Fecha de emisión", "3 de mayo"],
    ],
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [("cual es el numero del informe", "QX-2031-118"), ("me das el nro de informe", "QX-2031-118")],
)
def test_a_number_asked_in_words_is_found_under_its_sign(asked: str, expected: str) -> None:
    answer = _ask({"informe.docx": KEYS}, asked)
    assert expected in answer, answer


PAYMENTS = docx_bytes(
    "Preguntas del comité",
    "5. ¿Cómo se paga la cuenta del agua?",
    "En la sede los viernes, o por transferencia indicando el número de medidor.",
    "6. ¿Qué hago si se corta la luz de la caja de protección del sensor?",
    "Revise la batería de la caja de protección del sensor con el multímetro.",
)


@pytest.mark.parametrize(
    "asked", ["el numero de cuenta pa transferir?", "cual es el numero de la cuenta bancaria del comite"]
)
def test_a_thing_named_by_its_complement_is_not_another_of_the_same_head(asked: str) -> None:
    answer = _ask({"faq.docx": PAYMENTS}, asked)
    assert answer.startswith("No lo encontré"), answer


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("numero de medidor pa la transferencia", "número de medidor"),
        ("bateria de la caja del sensor", "multímetro"),
    ],
)
def test_the_same_complement_a_few_words_later_still_answers(asked: str, expected: str) -> None:
    answer = _ask({"faq.docx": PAYMENTS}, asked)
    assert expected in answer, answer


CALLS = docx_bytes(
    "Preguntas del comité",
    "1. ¿A quién llamo si se corta el agua?",
    "A la operadora, doña Rosa Mamani, al fono +56 9 6123 4455.",
    "2. ¿Dónde se paga la cuenta?",
    "En la sede social, los sábados de 9:30 a 12:00.",
)
LAB = docx_bytes(
    "Informe del laboratorio",
    "Tabla 1: Antecedentes",
    [["Dato", "Valor"], ["Teléfono", "+56 57 2 999 000"], ["Horario de atención", "8:00 a 17:00"]],
)


@pytest.mark.parametrize(
    ("first", "then", "expected", "other"),
    [
        ("a quien llamo si se corta el agua", "a q numero?", "6123 4455", "999 000"),
        ("a quien llamo si se corta el agua", "y el fono?", "6123 4455", "999 000"),
    ],
)
def test_a_turn_asking_only_for_a_value_takes_the_thing_from_the_previous_one(
    first: str, then: str, expected: str, other: str
) -> None:
    answer = _ask({"faq.docx": CALLS, "lab.docx": LAB}, first, then)
    assert expected in answer and other not in answer, answer


TARIFF = docx_bytes(
    "PREGUNTAS FRECUENTES – APR CARIQUIMA",
    "3. ¿Cuánto se paga por el agua?",
    "La tarifa aprobada en la asamblea de abril de 2024 es:",
    "Cargo fijo mensual: $2.900 por arranque.",
    "Consumo hasta 12 m³: $390 por m³.",
    "Consumo sobre 12 m³: $710 por cada m³ adicional.",
    "Quienes tienen más de 65 años pagan el 50 % del cargo fijo y el 20 % del consumo.",
)


@pytest.mark.parametrize("asked", ["cuanto es el cargo fijo", "de cuanto es el cargo fijo mensual"])
def test_the_amount_of_a_charge_is_its_labelled_line_not_a_rebate_on_it(asked: str) -> None:
    answer = chat_over({"preguntas_cariquima.docx": TARIFF}).ask(asked).content
    assert "2.900" in answer and "50 %" not in answer, answer
