"""Follow-ups read the thread: a turn without a subject takes what it lacks from the earlier turns."""

from __future__ import annotations

from botk_adapters.local.followup import understand
from tests.answers.lab import FactStore
from tests.answers.thread import Chat

FIRST = "cuanto plomo salio en miraflores en dic 2022"


def test_a_month_alone_keeps_parameter_place_and_year() -> None:
    question = understand([FIRST], "¿y en agosto?").question
    assert question.followup
    assert (question.parameter, question.place) == ("plomo", ("miraflores",))
    assert question.campaign is not None and question.campaign.order == (2022, 8)


def test_each_kind_of_part_replaces_only_itself() -> None:
    history = [FIRST, "¿y en agosto?"]
    metal = understand(history, "¿y el cobre?").question
    assert (metal.parameter, metal.place, metal.campaign.order if metal.campaign else None) == (
        "cobre",
        ("miraflores",),
        (2022, 8),
    )
    place = understand([*history, "¿y el cobre?"], "y en cau cau?").question
    assert (place.parameter, place.place) == ("cobre", ("cau", "cau"))
    other = understand([FIRST], "¿y en el otro punto?").question
    assert other.other_place and other.excluded == ("miraflores",)


def test_a_new_full_question_inherits_nothing() -> None:
    question = understand([FIRST], "limite del fierro").question
    assert not question.followup and question.place == () and question.campaign is None
    who = understand([FIRST], "y quien tomo las muestras?").question
    assert not who.followup and who.parameter is None


def test_small_talk_in_between_does_not_break_the_thread() -> None:
    question = understand([FIRST, "gracias"], "¿y en mayo 2021?").question
    assert question.parameter == "plomo" and question.place == ("miraflores",)


def test_prose_follow_ups_swap_the_colour_or_the_component() -> None:
    first = "la cajita del sensor tiene la luz roja"
    assert understand([first], "y si esta amarilla?").question.colour == "amarillo"
    gateway = understand([first], "¿y en el gateway?").question
    assert "gateway" in gateway.text and "cajita" not in gateway.text and gateway.colour == "rojo"
    crop = understand(["cuanta agua necesita la papa"], "¿y el tomate?").question
    assert crop.text == "cuanta agua necesita el tomate"


def test_a_thread_through_send_message_answers_each_follow_up_and_says_what_it_understood() -> None:
    chat = Chat(FactStore())
    first = chat.ask(FIRST).content
    assert "0,0591 mg/L" in first and "Entendí" not in first
    may = chat.ask("y en mayo 2021?").content
    assert may.startswith("Entendí: el plomo en Miraflores en mayo de 2021.")
    assert "0,0779 mg/L" in may
    pulcha = chat.ask("y en pulcha?")
    assert "bajo el límite de detección (<0,0050 mg/L)" in pulcha.content
    assert pulcha.citations[0].location == "Tabla 9 · M6 Macaya Pulcha · Mayo 2021"
    much = chat.ask("¿eso es mucho?").content
    assert "\nNo: en mayo de 2021 el plomo en Macaya Pulcha" in much
    manganese = chat.ask("¿y el manganeso?").content
    assert "manganeso en Macaya Pulcha" in manganese and "<0,005 mg/L" in manganese


def test_is_it_much_compares_the_earlier_fact_with_its_limit() -> None:
    chat = Chat(FactStore())
    chat.ask("manganeso en miraflores oct del 2021")
    answer = chat.ask("eso es mucho?").content
    expected = (
        "Sí: en octubre de 2021 el manganeso en Macaya Miraflores fue 0,1400 mg/L, sobre el límite de 0,1"
    )
    assert expected in answer


def test_the_other_point_lists_the_points_not_yet_named() -> None:
    chat = Chat(FactStore())
    chat.ask("plomo en miraflores en oct 2021")
    answer = chat.ask("¿y en el otro punto?").content
    assert "M1 Macaya Cau-Cau: 0,0335 mg/L" in answer and "M6 Macaya Pulcha: 0,0042 mg/L" in answer
    assert "Miraflores:" not in answer


def test_a_bare_word_that_is_no_place_falls_back_to_its_own_reading() -> None:
    chat = Chat(FactStore())
    chat.ask(FIRST)
    answer = chat.ask("y la alfalfa?").content
    assert answer.startswith("Grupo C: forrajes. Alrededor de 7 L por m² al día")
    assert "Entendí" not in answer


def test_a_follow_up_not_found_names_no_year_the_user_did_not_write_this_turn() -> None:
    chat = Chat(FactStore())
    chat.ask(FIRST)
    answer = chat.ask("¿y en enero?").content
    assert answer.startswith("Entendí: el plomo en Miraflores en enero.\nNo lo encontré")
    assert "2022" not in answer
