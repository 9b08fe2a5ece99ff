"""A follow-up with an ask of its own is read inside the section the last answer quoted.

"¿qué días atienden?" after "¿dónde se paga la cuenta?" asks about that entry,
which never says «atienden»; the entry's days answer it. The section lends
only its heading and the earlier ask: a thing it does not hold, or an ask moved
somewhere else, is still not found.
"""

from __future__ import annotations

import pytest

from tests.answers.documents import answers_over, docx_bytes

FAQ = docx_bytes(
    "PREGUNTAS FRECUENTES – APR CHIAPA",
    "1. ¿Dónde se paga?\nEn la oficina del comité, frente a la plaza: lunes y miércoles de 15:00 a 18:00.",
    "2. ¿Cuánto se paga al mes?\nLa cuota fija es de $5.200 e incluye los primeros 8 m³.",
    "3. ¿Qué hago si el agua sale turbia?\nDeje correr el agua de la llave del patio durante 3 minutos.",
)

MANUAL = docx_bytes(
    "MANUAL DE OPERACIÓN – APR CHIAPA",
    "4. Datos técnicos",
    "Estanque Poniente: hormigón armado, capacidad de 45 m³.",
    "Bomba de impulsión: centrífuga de 2 HP.",
    "5. Tablero de la planta",
    "Tablero eléctrico: gabinete gris con el interruptor general y el guardamotor de la bomba.",
)


def _thread(*turns: str) -> str:
    return answers_over({"preguntas_chiapa.docx": FAQ, "manual_chiapa.docx": MANUAL}, *turns)[-1]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("donde hay q pagar", "q dias atienden?", "lunes y miércoles"),
        ("donde pago el agua", "y q dias abren", "lunes y miércoles"),
        ("en donde se paga", "a q hora atienden", "15:00"),
    ],
)
def test_a_follow_up_is_answered_by_its_section(first: str, then: str, expected: str) -> None:
    answer = _thread(first, then)
    assert expected in answer and "1. ¿Dónde se paga?" in answer, answer


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # The section holds the Poniente tank only.
        ("cuanto le cabe al estanque poniente", "y el estanque oriente?"),
        # The earlier ask moved to another thing: the section does not answer it.
        ("cuanto le cabe al estanque poniente", "y en el tablero?"),
        # Nothing in the entry gives a day.
        ("que hago si el agua sale turbia", "q dias pasa el camion aljibe"),
    ],
)
def test_what_the_section_does_not_hold_is_still_not_found(first: str, then: str) -> None:
    answer = _thread(first, then)
    assert "No lo encontré" in answer and "45 m³" not in answer and "3 minutos" not in answer, answer
