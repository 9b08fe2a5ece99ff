"""A follow-up that asks something new of the same subject: its ask replaces the earlier one.

"¿y cuándo?" after "quién tomó las muestras" asks when the samples were taken;
"¿a qué hora abren?" after "dónde se compran las tabletas" asks the opening
hours of that place. The earlier subject is kept, the earlier ask is not, and
a third turn builds on the second's understood question, never on every turn.
"""

from __future__ import annotations

import re

import pytest

from botk_core.text import fold
from tests.answers.committee_documents import committee_chat, understood

# An article after the word that asks («a qué el fono», «su el correo») is two asks glued together.
_GLUED = re.compile(r"\b(?:que|cual|su|sus) (?:el|la|los|las)\b")

# (turns, what the last answer holds, words the understood question shows, words it no longer shows)
CASES = [
    # A bare question word asks it of the earlier subject.
    (("quien reviso el informe", "y cuando?"), "10 de marzo de 2023", ["cuando", "informe"], ["quien"]),
    (("quien emitio el informe", "¿y en qué fecha?"), "14 de marzo de 2023", ["fecha", "informe"], ["quien"]),
    (("cuando es la asamblea de socios", "y donde?"), "sede social", ["donde", "asamblea"], ["cuando"]),
    (("que dias pasa el camion aljibe", "y a que hora"), "10:30", ["hora", "camion"], ["dias"]),
    (("q dia se reune la directiva", "¿y a q hora?"), "19:30", ["hora", "directiva"], ["dia"]),
    # A new thing asked of the same subject ("y el correo?") replaces the thing asked.
    (
        ("cual es el telefono para consultas del informe", "y el correo?"),
        "consultas@labnorte",
        ["correo"],
        ["telefono"],
    ),
    (("a que mail mando las consultas al laboratorio", "y el telefono?"), "234 9876", ["telefono"], ["mail"]),
    # A new ask with its own verb keeps only the earlier subject.
    (
        ("donde se compran las tabletas de cloro", "a que hora abren?"),
        "10:00",
        ["hora", "abren", "tabletas"],
        [],
    ),
    (("donde pago la boleta", "y que dias atienden"), "lunes a viernes de 9:00", ["atienden", "boleta"], []),
    (
        ("cuantas familias abastece el comite", "y desde cuando funciona?"),
        "1998",
        ["funciona", "comite"],
        ["familias"],
    ),
    (
        ("cuantos kilometros tiene la red", "en que año se construyo?"),
        "2004",
        ["construyo", "red"],
        ["kilometros"],
    ),
    (
        ("cada cuanto lavan el estanque", "y avisan?"),
        "una semana de anticipación",
        ["avisan", "estanque"],
        [],
    ),
    (("cada cuanto cambian los medidores", "cobran algo?"), "no tiene costo", ["cobran", "medidores"], []),
    # "y si ..." asks what happens then, of the same thing.
    (
        ("el gateway tiene la luz roja fija q hago", "y si despues de reiniciar sigue igual?"),
        "llame a soporte",
        ["reiniciar"],
        [],
    ),
    (("se puede llenar la piscina con agua de la red", "y si lo hago igual?"), "$30.000", ["piscina"], []),
    # A light's other state.
    (
        ("que indica la luz verde parpadeante del gateway", "y si queda fija?"),
        "conectado",
        ["fija", "gateway"],
        ["parpadeante"],
    ),
    (("que indica el led verde fijo del gateway", "y si pestañea?"), "busca señal", ["gateway"], ["fijo"]),
]


def _thread(*turns: str) -> list[str]:
    chat = committee_chat()
    return [chat.ask(turn).content for turn in turns]


@pytest.mark.parametrize(("turns", "expected", "shows", "drops"), CASES)
def test_a_follow_up_that_asks_anew_keeps_the_subject_and_drops_the_earlier_ask(
    turns: tuple[str, ...], expected: str, shows: list[str], drops: list[str]
) -> None:
    answer = _thread(*turns)[-1]
    heard = fold(understood(answer))
    assert expected in answer, answer
    assert all(w in heard.split() for w in shows) and not any(w in heard.split() for w in drops), answer
    assert not _GLUED.search(heard), answer


# (turns, what each follow-up's answer holds, words the last understood question no longer shows)
THREADS = [
    (
        ("a quien llamo si veo una fuga en la calle", "y su fono?", "hasta que hora atiende?"),
        ["8123 4567", "22:00"],
        ["fono", "quien", "llamo"],
    ),
    (
        ("con quien hablo si no tengo agua en la casa", "y su correo?", "que dias atiende?"),
        ["secretaria@lostamarugos", "lunes a sábado"],
        ["correo", "quien", "hablo"],
    ),
    (
        ("cuando se reune la directiva", "a q hora?", "quien la preside?"),
        ["19:30", "Gladys Carrasco"],
        ["hora", "cuando"],
    ),
    (
        ("q dia es la asamblea", "y donde?", "y cuantos tienen que venir para que valga?"),
        ["sede social", "mitad más uno"],
        ["donde", "dia"],
    ),
    (
        (
            "se puede llenar la piscina con agua de la red",
            "y de cuanto es la multa?",
            "y si lo hago otra vez?",
        ),
        ["$30.000", "$60.000"],
        ["puede"],
    ),
    (
        ("que empresa instalo la telemetria", "y su telefono?", "y el correo?"),
        ["2987 6543", "soporte@hidrosur"],
        ["telefono", "empresa", "instalo"],
    ),
    (
        ("quien hace la mantencion del sistema", "y el fono de soporte?", "y el horario?"),
        ["2987 6543", "9:00 a 18:00"],
        ["fono", "quien"],
    ),
    (
        ("que significa el led rojo de la caja del sensor", "y en cuanto tiempo la cambio?", "que pila uso?"),
        ["7 días", "3,6 V"],
        ["tiempo", "significa"],
    ),
    (
        (
            "mi cajita del sensor tiene la luz roja",
            "cuantos dias tengo para cambiarla?",
            "y que tipo de bateria es?",
        ),
        ["7 días", "ER14505"],
        ["dias", "cambiarla"],
    ),
]


@pytest.mark.parametrize(("turns", "expected", "drops"), THREADS)
def test_a_third_turn_builds_on_the_second_understood_question_not_on_every_turn(
    turns: tuple[str, ...], expected: list[str], drops: list[str]
) -> None:
    answers = _thread(*turns)
    for answer, value in zip(answers[1:], expected, strict=True):
        assert value in answer, answer
    heard = fold(understood(answers[-1]))
    assert not any(w in heard.split() for w in drops) and not _GLUED.search(heard), answers[-1]
