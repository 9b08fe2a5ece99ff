"""Words written by ear or with two letters swapped are read as the documents' words.

«yama» is «llama», «lleba» «lleva», «turvides» «turbidez» (the report's
«turbiedad»), «getway» the gateway; a word the documents use is never
re-read by its sound.
"""

from __future__ import annotations

import pytest

from botk_core.vocabulary import Vocabulary
from tests.answers.documents import chat_over, docx_bytes
from tests.answers.lab_report import Table, lab_report

FAQ = docx_bytes(
    "PREGUNTAS FRECUENTES – COMITÉ DE AGUA DE CHUZMIZA",
    "4. ¿Cuánta agua toman los animales del bebedero?",
    "Grupo 1: camélidos. Unos 5 litros por animal al día",
    "Llama (Lama glama)",
    "Alpaca (Vicugna pacos)",
    "Grupo 2: ovejas y cabras. Unos 3 litros por animal al día",
    "Oveja (Ovis aries)",
    "5. ¿Qué batería lleva el nodo?",
    "El nodo lleva una batería de litio de 3,6 V y 19 Ah, que dura unos cuatro años.",
    "6. ¿Qué indica la luz del gateway?",
    "Gateway: equipo de la sede que recibe los datos por radio.",
    "Rojo fijo: sin alimentación; revise el enchufe y el cargador.",
    "Verde: funcionamiento normal.",
    "7. ¿Cómo se reinicia el gateway?",
    "Para reiniciarlo, desconecte el enchufe, espere 20 segundos y vuelva a conectarlo.",
)
REPORT = lab_report(
    "Informe de agua potable de Chuzmiza",
    (("CH-1", "Chuzmiza Posta"), ("CH-2", "Chuzmiza Capilla")),
    ("Abril 2023", "Octubre 2023"),
    [
        Table(
            "Tabla 6: Turbiedad presente en muestras de agua. Límite máximo permitido: 2,0 NTU",
            "Turbiedad [NTU]",
            (("0,85", "3,10*"), ("1,20", "0,64")),
            ("* Sobre el límite.",),
        ),
    ],
)


def _ask(text: str) -> str:
    documents = {"preguntas_chuzmiza.docx": FAQ, "informe_chuzmiza.docx": REPORT}
    return chat_over(documents).ask(text).content


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("cuanta agua toma una yama al dia", "5 litros"),
        ("q bateria lleba el nodo", "3,6 V"),
        ("turvides en la posta oct 2023", "3,10"),
        ("cuanta turbides salio en la capilla en abril del 2023", "1,20"),
        ("la getway esta en rojo fijo", "enchufe"),
        ("como reinisio el gateway", "enchufe"),
    ],
)
def test_a_word_written_by_ear_is_the_documents_word(asked: str, expected: str) -> None:
    answer = _ask(asked)
    assert expected in answer, answer


def test_the_vocabulary_offers_the_word_said_alike_and_the_swapped_one() -> None:
    vocabulary = Vocabulary({"llam": 2, "muestr": 5, "sond": 1})
    assert "llam" in vocabulary.corrections("yama", "yam")
    assert "muestr" in vocabulary.corrections("muestars", "muestars")
    assert vocabulary.corrections("casa", "cas") == []


MANUAL = docx_bytes(
    "MANUAL DE LA RED DE SENSORES – CHUZMIZA",
    "4. Mantención",
    "4.1 Limpieza de la sonda de turbiedad",
    "1. Cierre la llave de paso del nodo.",
    "2. Enjuague la sonda con agua destilada y séquela con un paño suave.",
)


@pytest.mark.parametrize(
    "asked", ["como limpio la sonda de turbiedad", "como se limpia la zonda de turbiedad"]
)
def test_how_to_look_after_a_device_is_the_manuals_steps_not_a_table_cell(asked: str) -> None:
    documents = {"manual_chuzmiza.docx": MANUAL, "informe_chuzmiza.docx": REPORT}
    answer = chat_over(documents).ask(asked).content
    assert "destilada" in answer and "0,85" not in answer, answer
