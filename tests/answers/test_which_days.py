"""«¿Qué días ...?» is answered by the days a text names, though it never says «días»."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

FAQ = docx_bytes(
    "1. ¿Cuándo pasa el camión aljibe?\nEl camión aljibe pasa por el sector alto los martes y jueves.",
    "2. ¿Cuándo se paga la cuota?\nLa cuota se paga el 10 de cada mes en la sede.",
    "3. ¿Dónde se lee el medidor?\nEl medidor se lee en la caja de la vereda.",
)


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("que dias pasa el camion aljibe", "martes y jueves"),
        ("q dias pasa el aljibe x el sector alto?", "martes y jueves"),
        ("en que dia se paga la cuota", "10 de cada mes"),
    ],
)
def test_which_days_is_answered_by_the_days_named(asked: str, expected: str) -> None:
    assert expected in chat_over({"preguntas.docx": FAQ}).ask(asked).content


def test_which_days_of_something_the_documents_do_not_have_is_not_found() -> None:
    answer = chat_over({"preguntas.docx": FAQ}).ask("que dias atiende la posta rural").content
    assert answer.startswith("No lo encontré")
