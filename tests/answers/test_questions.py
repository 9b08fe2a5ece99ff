"""Reading a question as people write it: dates, parameters, places, colours and what it asks."""

from __future__ import annotations

import pytest

from botk_adapters.local.dates import Campaign, find_campaign
from botk_adapters.local.question import read_question
from botk_adapters.local.smalltalk import GREETING, small_talk_reply
from botk_core.text import fold


@pytest.mark.parametrize(
    ("text", "month", "year"),
    [
        ("cuanto plomo salio en diciembre del 2022", 12, 2022),
        ("plomo dic 2022", 12, 2022),
        ("plomo en 12/2022", 12, 2022),
        ("oct del 2021", 10, 2021),
        ("en agsoto 2022", 8, 2022),  # one typo, a year beside it
        ("¿y en agosto?", 8, None),
        ("y en el 2021?", None, 2021),
        ("Mayo-21", 5, 2021),
    ],
)
def test_dates_in_the_forms_people_write_them(text: str, month: int | None, year: int | None) -> None:
    found = find_campaign(fold(text))
    assert found is not None and (found.month, found.year) == (month, year)


def test_the_latest_sampling_and_words_that_only_look_like_months() -> None:
    latest = find_campaign(fold("el último muestreo"))
    assert latest is not None and latest.latest
    assert find_campaign(fold("lo que marcó el sensor")) is None  # "marco" is not "marzo"
    assert find_campaign(fold("el mayor valor")) is None
    assert Campaign(10, 2021).describe() == "octubre de 2021"


def test_a_table_question_is_read_into_parameter_place_and_campaign() -> None:
    question = read_question("cuanto manganezo habia en macaya miraflores en oct del 2021")
    assert question.parameter == "manganeso"  # one typo
    assert question.place == ("macaya", "miraflores")
    assert question.campaign is not None and question.campaign.order == (2021, 10)
    assert question.intent == "value"


@pytest.mark.parametrize(
    ("text", "parameter", "intent"),
    [
        ("limite del fierro", "hierro", "limit"),
        ("¿el manganeso está sobre la norma?", "manganeso", "over"),
        ("el cobre de miraflores esta dentro de la norma?", "cobre", "within"),
        ("plomo en todos los puntos en oct 2021", "plomo", "column"),
        ("como ha ido el arsenico en pulcha", "arsenico", "row"),
        ("quien tomo las muestras", None, "who"),
        ("q significa la luz verde", None, "prose"),
    ],
)
def test_what_a_question_asks_for(text: str, parameter: str | None, intent: str) -> None:
    question = read_question(text)
    assert (question.parameter, question.intent) == (parameter, intent)


def test_a_place_named_without_en_and_a_colour_phrase() -> None:
    assert read_question("como salio miraflores en el plomo").place == ("miraflores",)
    assert read_question("la caja no tiene luz").colour == "sin luz"
    assert read_question("la cajita del sensor tiene la luz roja").colour == "rojo"


@pytest.mark.parametrize(
    ("text", "reply_starts"),
    [
        ("hola", GREETING[:20]),
        ("Buenas!", GREETING[:20]),
        ("gracias", "De nada"),
        ("muchas gracias, chao", "De nada"),
        ("chao", "¡Hasta luego"),
        ("ok", "Entendido"),
        ("dale", "Entendido"),
        ("wena", GREETING[:20]),
        ("ola buenas tardes", GREETING[:20]),
        ("hola que tal", GREETING[:20]),
        ("grax", "De nada"),
        ("ya po, grcs", "De nada"),
        ("thx, chaito", "De nada"),
        ("nos vemo", "¡Hasta luego"),
        ("okis", "Entendido"),
        ("sipo bacan", "Entendido"),
        ("ya po", "Entendido"),
    ],
)
def test_small_talk_gets_a_short_fitting_reply(text: str, reply_starts: str) -> None:
    reply = small_talk_reply(text)
    assert reply is not None and reply.startswith(reply_starts)


def test_a_greeting_with_a_question_is_a_question() -> None:
    assert small_talk_reply("hola, cuanto plomo hay en miraflores") is None
    assert small_talk_reply("no se midio el cobre?") is None
    assert small_talk_reply("wena, kien tomo las muestras") is None
    assert small_talk_reply("gracias, y el fono del operador?") is None


def test_function_words_are_never_a_parameter_with_a_typo() -> None:
    assert read_question("esta sobre la norma?").parameter is None  # "sobre" is not "cobre"
    assert read_question("y el plomoo?").parameter == "plomo"
