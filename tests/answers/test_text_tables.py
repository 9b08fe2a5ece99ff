"""A plain-text table (header, dashes under each column, rows) is read as a table, row by row."""

from __future__ import annotations

from botk_adapters.documents.text import TextReader
from tests.answers.documents import chat_over

TARIFFS = b"""TARIFAS DEL AGUA 2025

cargo fijo: $2.900 x arranque

tramo    consumo (m3)     valor x m3
-----    ------------     ----------
1        0 a 10           $410
2        11 a 20          $690
3        mas de 20        $1.080
"""


def test_each_row_of_a_plain_text_table_is_a_passage_with_its_headers() -> None:
    texts = [chunk.text for chunk in TextReader().read("tarifas.txt", TARIFFS)]
    assert "tramo: 2; consumo (m3): 11 a 20; valor x m3: $690" in texts


def test_a_row_of_a_plain_text_table_answers_a_question_that_names_it() -> None:
    chat = chat_over({"tarifas.txt": TARIFFS})
    assert "$690" in chat.ask("cuanto cuesta el tramo 2").content
    assert "$1.080" in chat.ask("y el tramo 3?").content


def test_rows_that_do_not_line_up_with_the_header_stay_text() -> None:
    ragged = b"nombre    fono\n------    ----\nJuan Perez 9 8765 4321 (tardes)\n"
    texts = [chunk.text for chunk in TextReader().read("contactos.txt", ragged)]
    assert any("Juan Perez 9 8765 4321" in text for text in texts)


def test_a_table_pasted_from_a_spreadsheet_with_tabs_and_one_rule_is_read_as_a_table() -> None:
    pasted = (
        b"tramo\tconsumo\tvalor x m3\n--------------------------------\n1\t0 a 10\t$410\n2\t11 a 20\t$690\n"
    )
    texts = [chunk.text for chunk in TextReader().read("tarifas.txt", pasted)]
    assert "tramo: 2; consumo: 11 a 20; valor x m3: $690" in texts


def test_a_title_underlined_with_equals_signs_stays_a_title() -> None:
    titled = b"TARIFAS 2025\n============\n\nel canal se abre los martes\n"
    texts = [chunk.text for chunk in TextReader().read("tarifas.txt", titled)]
    assert any("el canal se abre los martes" in text and "TARIFAS 2025" in text for text in texts)
