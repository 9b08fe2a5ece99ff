"""Context across turns and tables: the document just cited, the other point, limits in captions."""

from __future__ import annotations

import attrs

from botk_adapters.local.answers import answer_question
from botk_adapters.local.limits import with_caption_limit
from botk_adapters.local.question import read_question
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo, TableFact
from botk_core.tools.search import FoundPassage
from tests.answers.lab import cell, fact_text
from tests.answers.thread import Chat


def key_value(label: str, value: str) -> Chunk:
    fact = TableFact(table="Tabla 1", row=(label,), value=value, kind="text")
    return Chunk(f"Datos del informe\n{label}: {value}", f"Tabla 1 · {label}", fact)


def test_a_follow_up_is_answered_from_the_document_the_thread_was_about() -> None:
    store = InMemoryDocumentStore()
    store.put(
        DocumentInfo("d1", "informe_laboratorio.docx", "h1"),
        [
            key_value("Jefa de laboratorio", "Daniela Rivas"),
            key_value("Teléfono del laboratorio", "+56 57 241 8833"),
        ],
    )
    store.put(
        DocumentInfo("d2", "manual_planta.docx", "h2"),
        [Chunk("Operador de turno: Ximena Flores, teléfono +56 9 7712 3040.", "5. Contacto")],
    )
    chat = Chat(store)
    assert "Daniela Rivas" in chat.ask("quien es la jefa del laboratorio").content
    phone = chat.ask("y el telefono?")
    assert "241 8833" in phone.content and phone.citations[0].document == "informe_laboratorio.docx"
    assert "7712 3040" in Chat(store).ask("telefono del operador de turno").content


def found(fact: TableFact) -> FoundPassage:
    return FoundPassage("informe.docx", "d", fact.table, fact_text(fact), 1.0, fact)


def places(fact: TableFact, *rows: tuple[str, str]) -> list[FoundPassage]:
    return [
        found(attrs.evolve(fact, row=row, value=f"0,0{n}", number=n / 100)) for n, row in enumerate(rows, 1)
    ]


def test_the_other_point_is_the_other_one_of_the_same_locality() -> None:
    rows = (("P-01", "Chusmiza Plaza"), ("P-02", "Chusmiza Termas"), ("P-03", "Sibaya Escuela"))
    results = places(cell("Tabla 9", 0, 1), *rows)
    question = attrs.evolve(
        read_question("plomo en el otro punto en oct 2021"), excluded=("chusmiza", "plaza")
    )
    text = answer_question(question, results, "y en el otro punto?").text
    assert text.startswith("En octubre de 2021 el plomo en Chusmiza Termas fue 0,02 mg/L")


def test_a_limit_the_reader_left_in_the_caption_still_compares() -> None:
    bare = TableFact(
        table="Tabla 3",
        caption="Tabla 3. Zinc total en las muestras. Límite máximo permitido: 3,0 mg/L",
        parameter="Zinc",
        unit="mg/L",
        row=("P-01", "Chusmiza Plaza"),
        column=("Zinc [mg/L]", "Jul. 2020"),
        value="3,71*",
        number=3.71,
    )
    assert (with_caption_limit(bare).limit, with_caption_limit(bare).limit_text) == (3.0, "3,0 mg/L")
    text = answer_question(read_question("zinc chusmiza plaza jul 2020"), [found(bare)], "x").text
    assert "fue 3,71 mg/L, sobre el límite de 3,0 mg/L" in text
    ranged = attrs.evolve(bare, caption="Tabla 5: Cloro libre. Límite: entre 0,2 y 2,0 mg/L")
    assert (
        with_caption_limit(ranged).limit is None
        and with_caption_limit(ranged).limit_text == "entre 0,2 y 2,0 mg/L"
    )


def test_how_it_was_measured_is_answered_by_the_methods_not_the_figures() -> None:
    methods = FoundPassage(
        "informe.docx", "d", "Metodología", "El plomo se midió por ICP-OES según SM 3120 B.", 1.0
    )
    results = [methods, *(found(cell("Tabla 9", p, 0)) for p in range(3))]
    text = answer_question(read_question("como midieron el plomo"), results, "como midieron el plomo").text
    assert text.startswith("El plomo se midió por ICP-OES según SM 3120 B.")
