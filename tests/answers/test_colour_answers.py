"""Colour codes: the line of the named component, with its state (blinking or steady), and only it."""

from __future__ import annotations

from tests.answers.documents import chat_over, docx_bytes

MANUAL = docx_bytes(
    "Equipos con luz",
    "Tablero de la bomba: arranca y detiene la bomba según el nivel del pozo.",
    "Naranja intermitente: esperando el nivel mínimo para arrancar.",
    "Blanco: bombeando con normalidad.",
    "",
    "Blanco destellando: sobrecorriente, la bomba se detuvo.",
    "Luz apagada: sin tensión en el tablero.",
    "Medidor de caudal: cuenta los litros que salen del pozo.",
    "Blanco: lectura enviada a la central.",
    "Blanco parpadeando: memoria llena, descargue los datos.",
    "Naranja: pila del medidor baja.",
    heading="2. Equipos",
)


def _ask(*turns: str) -> str:
    chat = chat_over({"manual_bomba.docx": MANUAL})
    return [chat.ask(t).content for t in turns][-1]


def test_a_blinking_light_gets_the_blinking_line_of_its_component() -> None:
    answer = _ask("el tablero tiene la luz blanca que parpadea, q pasa")
    assert "sobrecorriente" in answer and "memoria llena" not in answer and "normalidad" not in answer


def test_a_steady_light_gets_the_steady_line_and_a_follow_up_changes_the_component() -> None:
    answer = _ask("q significa la luz blanca del medidor")
    assert "lectura enviada" in answer and "bombeando" not in answer
    follow = _ask("q significa la luz naranja del medidor", "y en el tablero?")
    assert "esperando el nivel mínimo" in follow and "pila del medidor" not in follow


def test_a_light_that_is_off_is_the_off_line_of_its_component() -> None:
    answer = _ask("el tablero de la bomba esta sin luz")
    assert "sin tensión" in answer


def test_a_light_of_no_named_component_is_answered_for_every_component_with_that_colour() -> None:
    answer = _ask("q significa la luz blanca")
    assert "bombeando" in answer and "lectura enviada" in answer


def test_the_colours_of_one_component_are_all_its_lines_and_none_of_another() -> None:
    for asked in ("colores de la luz del medidor de caudal", "q significan las luces del medidor"):
        answer = _ask(asked)
        assert all(t in answer for t in ("lectura enviada", "memoria llena", "pila del medidor")), answer
        assert "bombeando" not in answer and "sobrecorriente" not in answer, answer
    board = _ask("que colores tiene la luz del tablero de la bomba")
    assert "esperando el nivel mínimo" in board and "sin tensión" in board and "memoria llena" not in board


def test_a_yes_no_about_a_colour_is_answered_by_its_line() -> None:
    for asked in ("blanco fijo en el medidor es bueno?", "la luz blanca del medidor es buena?"):
        answer = _ask(asked)
        assert "lectura enviada" in answer and "memoria llena" not in answer, answer


def test_the_colour_of_the_water_is_still_a_lab_parameter_without_a_light() -> None:
    answer = _ask("cuanto color verdadero tenia el agua del pozo")
    assert "lectura enviada" not in answer and answer.startswith("No lo encontré"), answer


STEPS = docx_bytes(
    "Manual del clorador",
    "2. Equipos",
    "Clorador: dosifica el cloro en la salida del estanque.",
    "Rojo: sin cloro en el bidón",
    "Verde: dosificando",
    "3. Problemas",
    "Si el clorador muestra luz roja, siga estos pasos:",
    "1) Cierre la válvula de salida.",
    "2) Rellene el bidón con 20 litros de hipoclorito.",
    "3) Presione el botón de reinicio por 5 segundos.",
)


def test_the_steps_for_a_colour_are_the_procedure_not_the_colour_line() -> None:
    for asked in ("pasos si el clorador tiene la luz roja", "procedimiento si el clorador esta en rojo"):
        answer = chat_over({"clorador.docx": STEPS}).ask(asked).content
        assert "20 litros" in answer and "botón de reinicio" in answer, answer
    meaning = chat_over({"clorador.docx": STEPS}).ask("q significa la luz roja del clorador").content
    assert "sin cloro en el bidón" in meaning, meaning
