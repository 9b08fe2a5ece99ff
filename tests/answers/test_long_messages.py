"""Long messages: the offline assistant reads the ask at the end and still follows the thread."""

from __future__ import annotations

from botk_adapters.local.thread_text import ANALYSED_CHARACTERS, analysed
from tests.answers.documents import chat_over, docx_bytes

REPORT = docx_bytes(
    "Informe de calidad de agua de Pachica",
    "Tabla 2: Nitrato en agua de pozo. LMP 50 mg/L",
    [
        ["Código", "Punto de muestreo", "Abril 2022", "Noviembre 2022"],
        ["Q1", "Pachica Pozo Norte", "12,5", "14,1"],
        ["Q2", "Pachica Pozo Sur", "8,20", "9,75"],
    ],
)
PASTED = " ".join(f"palabra{n} pegada desde un correo sin relación" for n in range(600))


def test_a_question_at_the_end_of_a_long_pasted_message_is_answered() -> None:
    chat = chat_over({"informe_pachica.docx": REPORT})
    answer = chat.ask(f"{PASTED}. Bueno, mi pregunta: cuanto nitrato salio en el pozo sur en abril 2022?")
    assert "8,20" in answer.content


def test_long_messages_earlier_in_the_thread_do_not_hide_the_follow_up_context() -> None:
    chat = chat_over({"informe_pachica.docx": REPORT})
    for _ in range(3):
        chat.ask(PASTED)
    chat.ask("nitrato en el pozo norte en abril 2022")
    assert "14,1" in chat.ask("y en noviembre?").content


def test_a_long_message_is_read_from_a_word_boundary_and_within_the_budget() -> None:
    text = "aaa " * 1000 + "cuanto plomo hay"
    read = analysed(text)
    assert len(read) <= ANALYSED_CHARACTERS and read.endswith("cuanto plomo hay")
    assert read.startswith("aaa ")
    assert analysed("hola") == "hola"
