"""The question a follow-up is understood as, as «Entendí: ...» shows it: the new ask, the earlier subject.

Each reading is one question a person would ask: the earlier ask is gone, the
thing talked about stays, and a third turn builds on the second's reading.
"""

from __future__ import annotations

import pytest

from botk_adapters.local.followup import understand
from botk_adapters.local.question import read_question


@pytest.mark.parametrize(
    ("history", "turn", "reading"),
    [
        (["quien reviso el informe"], "y cuando?", "cuando se reviso el informe"),
        (["que dias pasa el camion aljibe"], "y a que hora", "a que hora pasa el camion aljibe"),
        (
            ["cual es el telefono para consultas del informe"],
            "y el correo?",
            "cual es el correo para consultas del informe",
        ),
        (
            ["a que mail mando las consultas al laboratorio"],
            "y el telefono?",
            "a que telefono mando las consultas al laboratorio",
        ),
        (
            ["donde se compran las tabletas de cloro"],
            "a que hora abren?",
            "a que hora abren donde se compran las tabletas de cloro",
        ),
        (["donde queda la oficina del comite"], "y el telefono?", "el telefono de la oficina del comite"),
        (
            ["cuantas familias abastece el comite"],
            "y desde cuando funciona?",
            "desde cuando funciona el comite",
        ),
        (["cada cuanto lavan el estanque"], "y avisan?", "avisan cuando lavan el estanque"),
        (["quien es el presidente del comite"], "y su telefono?", "el telefono del presidente del comite"),
        (["la bomba hace ruido"], "que hago?", "que hago si la bomba hace ruido"),
        (
            ["se puede regar con manguera"],
            "y de cuanto es la multa?",
            "de cuanto es la multa por regar con manguera",
        ),
        (
            ["con quien hablo si no tengo agua en la casa", "y su correo?"],
            "que dias atiende?",
            "que dias atiende si no tengo agua en la casa",
        ),
        (
            ["que empresa instalo la telemetria", "y su telefono?"],
            "y el correo?",
            "el correo de la telemetria",
        ),
    ],
)
def test_a_follow_up_reads_as_one_question_of_the_earlier_subject(
    history: list[str], turn: str, reading: str
) -> None:
    understood = understand(history, turn)
    assert understood.question.followup and understood.question.text == reading


@pytest.mark.parametrize(
    ("history", "turn"),
    [
        (["quien tomo las muestras del pozo"], "y quien reviso el informe?"),
        (["cuanto almacena el estanque"], "y el bidon cuantos litros tiene?"),
        (["que potencia tiene la bomba"], "y hasta donde llega la señal de la radio?"),
    ],
)
def test_a_question_with_its_own_ask_and_subject_is_searched_as_it_is_first(
    history: list[str], turn: str
) -> None:
    first = understand(history, turn).readings()[0]
    assert not set(read_question(history[0]).content_words()) & set(first.content_words()), first.text
