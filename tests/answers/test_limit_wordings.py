"""A table's limit in its caption, a header cell or the note under it: the answer compares and names it."""

from __future__ import annotations

from tests.answers.documents import chat_over, docx_bytes

REPORT = docx_bytes(
    "Resultados de la red de Camiña",
    "Tabla 3: Cromo total en la red",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa", "0,061*", "0,012"],
        ["P2", "Camiña Posta Rural", "0,020", "-"],
    ],
    "Límite máximo permitido según NCh 409/1 Of. 2005: 0,05 mg/L. (*) Sobre la norma.",
    "Tabla 4: Selenio total en la red",
    [
        ["Código", "Punto de muestreo", "Selenio [mg/L] (LMP 0,01)", "Selenio [mg/L] (LMP 0,01)"],
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa", "0,004", "0,0150"],
        ["P2", "Camiña Posta Rural", "0,0090", "0,0030"],
    ],
    "Tabla 6: Conductividad eléctrica en la red",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa", "1250", "1310"],
        ["P2", "Camiña Posta Rural", "980", "1005"],
    ],
    "Tabla 5: Boro disuelto en la red (Decreto 735, máximo 2,4 mg/L)",
    [
        ["Código", "Punto de muestreo", "Junio 2023", "Enero 2024"],
        ["P1", "Camiña Copa", "1,10", "2,95"],
        ["P2", "Camiña Posta Rural", "0,80", "1,20"],
    ],
)


def _ask(*turns: str) -> str:
    chat = chat_over({"informe_camina.docx": REPORT})
    return [chat.ask(t).content for t in turns][-1]


def test_a_limit_in_the_note_under_the_table_is_the_table_limit() -> None:
    answer = _ask("cual es el limite del cromo")
    assert "0,05 mg/L" in answer and "no indica" not in answer
    over = _ask("el cromo de la copa en junio 2023 pasa la norma?")
    assert over.startswith("Sí") and "0,061" in over and "0,05 mg/L" in over


def test_a_limit_in_a_header_cell_is_the_column_limit() -> None:
    answer = _ask("selenio en la copa enero 2024 esta sobre el limite?")
    assert answer.startswith("Sí") and "0,0150" in answer and "0,01" in answer.split("0,0150", 1)[1]


def test_a_limit_after_a_norm_in_parentheses_is_read_and_a_follow_up_compares_with_it() -> None:
    answer = _ask("boro en la posta rural enero 2024", "eso es mucho?")
    assert "1,20" in answer and "2,4 mg/L" in answer and "bajo" in answer


def test_a_comparison_that_cannot_be_made_says_why() -> None:
    no_limit = _ask("la conductividad de la copa en junio 2023 esta sobre la norma?")
    assert no_limit.startswith("No lo puedo comparar: la tabla no indica un límite") and "1250" in no_limit
    unmeasured = _ask("el cromo de la posta rural en enero 2024 supera la norma?")
    assert unmeasured.startswith("No lo puedo comparar: no se midió"), unmeasured
