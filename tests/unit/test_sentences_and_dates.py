"""Sentence ends and dates as field documents and phones write them."""

from __future__ import annotations

import pytest

from botk_adapters.local.dates import find_campaign
from botk_core.phrasing import normalise_dates
from botk_core.text import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quinua (Chenopodium quinoa var. real) y cañihua. Riegue poco.", 2),
        ("Cumple la NCh 409/1 Of. 2005, parte 1. Ver anexo.", 2),
        ("Llame a la Sra. Irma Quispe o al Dr. Colque. Atienden de día.", 2),
        ("Corte el plástico aprox. 5 cm. Luego pegue.", 2),
        ("Lo firmó la Q.F. Ana Mollo. Fin.", 2),
        ("Espere 3 minutos. 2. Abra la llave.", 2),
        ("Vea el punto N°. 4 del plano. Listo.", 2),
    ],
)
def test_a_period_after_an_abbreviation_or_an_initial_does_not_end_the_sentence(
    text: str, expected: int
) -> None:
    assert len(split_sentences(text)) == expected, split_sentences(text)


@pytest.mark.parametrize(
    ("asked", "month", "year"),
    [("boro 11/23", 11, 2023), ("cloruro en la copa 3/24", 3, 2024), ("arsenico 12/2022", 12, 2022)],
)
def test_a_month_with_a_two_digit_year_is_a_campaign(asked: str, month: int, year: int) -> None:
    campaign = find_campaign(asked)
    assert campaign is not None and (campaign.month, campaign.year) == (month, year)
    assert normalise_dates(asked).endswith(f"{year}")


def test_a_fraction_or_a_day_and_month_is_not_a_campaign() -> None:
    assert find_campaign("una llave de 3/4 de pulgada") is None
    assert find_campaign("el 12/05") is None
    assert normalise_dates("perno de 3/8") == "perno de 3/8"
