"""Prose answers the way field documents write them: list items under lead-ins, synonyms, settings."""

from __future__ import annotations

import pytest

from tests.answers.documents import chat_over, docx_bytes

GUIDE = docx_bytes(
    "Guía de riego y bebederos",
    "1. ¿Cuánta agua necesitan los animales?",
    "Depende de la especie:",
    "Vacunos: unos 40 litros por animal al día",
    "Vaca lechera (Bos taurus)",
    "Ternero (Bos taurus)",
    "Équidos: unos 25 litros por animal al día",
    "Burro (Equus asinus)",
    "2. ¿Cómo se riegan las huertas?",
    "Frutales: riego cada 6 días, unos 12 L por m²",
    "Damasco (Prunus armeniaca)",
    "Membrillo (Cydonia oblonga)",
)


@pytest.mark.parametrize(
    ("asked", "expected", "item"),
    [
        ("cuanta agua toma un burro al dia", "25 litros", "Burro"),
        ("cuanta agua lleva el membrillo", "12 L", "Membrillo"),
    ],
)
def test_an_item_of_a_list_is_answered_by_its_lead_in_with_the_item(
    asked: str, expected: str, item: str
) -> None:
    answer = chat_over({"guia.docx": GUIDE}).ask(asked).content
    assert expected in answer and item in answer, answer
