"""A follow-up that is a question of its own, or that swaps one thing for another of its kind.

"¿y quién firmó el informe?" after "quién analizó las muestras" inherits
nothing; "¿y el bidón cuántos litros tiene?" after a question about the tank
names its own subject; "¿y el ND?" after "qué significa el guion" asks the same
of another mark; "¿y el del estanque?" the same of another point.
"""

from __future__ import annotations

import pytest

from botk_core.text import fold
from tests.answers.committee_documents import committee_chat, understood
from tests.answers.documents import chat_over, docx_bytes

# (turns, what the last answer holds, words the understood question must not show)
CASES = [
    # A new question with its own question word and subject inherits nothing.
    (("quien analizo las muestras", "y quien firmo el informe?"), "Elena Soto", ["analizo", "muestras"]),
    (("quien reviso el informe", "y quien hizo el muestreo?"), "Rodrigo Pizarro", ["reviso", "informe"]),
    (
        ("cuanto almacena el estanque elevado", "y el bidon del clorador cuantos litros tiene?"),
        "60 litros",
        ["estanque", "almacena"],
    ),
    (
        ("que potencia tiene el panel solar", "y la bomba dosificadora de cuantos HP es?"),
        "0,5 HP",
        ["panel", "solar"],
    ),
    (("cuantos litros le caben al bidon", "y que potencia tiene el panel?"), "50 W", ["bidon", "litros"]),
    (
        ("cuantos watts tiene el panel solar", "y a que distancia llega la señal del gateway?"),
        "2 km",
        ["panel", "watts"],
    ),
    # The same ask of another thing of the same kind.
    (("pa que es la luz azul de la caja del sensor", "y la verde?"), "funcionamiento normal", ["azul"]),
    (("que significa el led verde de la cajita", "y el otro color, el rojo?"), "batería baja", ["verde"]),
    (
        ("q quiere decir el guion en los resultados del informe", "y el asterisco?"),
        "supera el límite",
        ["guion"],
    ),
    (("que quiere decir ND en el informe", "y el asterisco?"), "supera el límite", ["nd"]),
    (("cual es el codigo de la escuela", "y el del estanque?"), "TM-04", ["escuela"]),
    (("que codigo tiene la vertiente", "y la posta?"), "TM-01", ["vertiente"]),
]


@pytest.mark.parametrize(("turns", "expected", "drops"), CASES)
def test_a_follow_up_with_its_own_subject_takes_from_the_thread_only_what_it_lacks(
    turns: tuple[str, ...], expected: str, drops: list[str]
) -> None:
    chat = committee_chat()
    answer = [chat.ask(turn).content for turn in turns][-1]
    heard = fold(understood(answer)).split()
    assert expected in answer, answer
    assert not any(w in heard for w in drops), answer


def test_a_question_of_its_own_read_with_the_thread_still_needs_its_own_words() -> None:
    report = docx_bytes(
        "Informe de ensayo",
        "1. Muestreo",
        "Las muestras fueron tomadas el 12 de marzo de 2024 por Julián Condori, técnico de terreno del "
        "laboratorio, en botellas de 1 litro para los análisis fisicoquímicos.",
        "2. Resultados",
        "Los análisis se hicieron en el laboratorio de Arica.",
    )
    chat = chat_over({"informe.docx": report})
    chat.ask("cuanto costo el analisis del laboratorio")
    # Nothing says when the next sampling is: the thread's words must not let the sampling passage answer.
    answer = chat.ask("cuando es el proximo muestreo").content
    assert "No lo encontré" in answer and "2024" not in answer, answer
