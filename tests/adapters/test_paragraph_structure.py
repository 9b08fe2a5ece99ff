"""Documents whose headings are plain paragraphs, generated here: questions, lists, colour lines."""

from __future__ import annotations

import io

import docx

from botk_adapters.documents import default_reader
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo


def _paragraph(document: docx.document.Document, text: str, style: str | None = None) -> None:
    """A paragraph; "\\n" in ``text`` is a line break inside it, as Word writes Shift+Enter."""
    paragraph = document.add_paragraph(style=style)
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(line)


def _faq() -> bytes:
    document = docx.Document()
    for text in [
        "Preguntas frecuentes de la red",
        "1. ¿Qué monitorean los sensores?\nEl nivel del agua y la humedad del aire.",
        "2. ¿Cuánta agua necesitan los cultivos?",
        "Depende del grupo de cultivo:",
        "Grupo A: frutales. Alrededor de 6 L por m² al día",
        "Membrillo (Cydonia oblonga)",
        "Peral (Pyrus communis)",
        "Grupo B: hortalizas. Alrededor de 4 L por m² al día",
        "Tomate (Solanum lycopersicum)",
        "Lechuga (Lactuca sativa)",
        "3. Limpieza del panel",
        "Use un paño húmedo, nunca una escobilla.",
    ]:
        _paragraph(document, text)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _manual() -> bytes:
    document = docx.Document()
    document.add_heading("Manual de la red", 1)
    document.add_heading("1. Introducción", 2)
    _paragraph(document, "La red mide el agua de la comunidad.")
    for text in [
        "2. Equipos",
        "Gateway: recibe los datos de las estaciones.",
        "Verde: conectado a internet.",
        "Rojo: sin conexión a internet.",
        "Caja de protección: guarda la batería y el nodo.",
        "Verde: midiendo con normalidad.",
        "Rojo: falla del sensor de nivel.",
        "Figura 2: a) caja abierta, b) luz de la tapa.",
        "3. Solución de problemas",
        "Si la luz de la caja está roja:",
        "1. Revise el cable del sensor.",
        "2. Reinicie el nodo.",
    ]:
        _paragraph(document, text)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _with(chunks: list[Chunk], needle: str) -> Chunk:
    return next(c for c in chunks if needle in c.text)


def test_numbered_plain_paragraphs_are_headings_and_an_answer_after_a_line_break_is_split_off() -> None:
    chunks = default_reader().read("faq.docx", _faq())
    answer = _with(chunks, "El nivel del agua")
    assert answer.location == "1. ¿Qué monitorean los sensores?"
    assert answer.text == "El nivel del agua y la humedad del aire."
    assert _with(chunks, "paño húmedo").location == "3. Limpieza del panel"


def test_each_list_stays_with_its_lead_in() -> None:
    chunks = default_reader().read("faq.docx", _faq())
    tomato = _with(chunks, "Tomate")
    assert tomato.text.startswith("Grupo B: hortalizas. Alrededor de 4 L por m² al día\n- Tomate")
    assert "Grupo A" not in tomato.text and "Tomate" not in _with(chunks, "Membrillo").text
    assert tomato.location == "2. ¿Cuánta agua necesitan los cultivos?"
    store = InMemoryDocumentStore()
    store.put(DocumentInfo("doc_faq", "faq.docx", "h"), chunks)
    assert "4 L por m²" in store.search("cuanta agua necesita el tomate")[0].text


def test_colour_lines_name_their_component_and_each_component_is_its_own_passage() -> None:
    chunks = default_reader().read("manual.docx", _manual())
    gateway, box = _with(chunks, "Gateway: recibe"), _with(chunks, "Caja de protección: guarda")
    assert "Gateway — Rojo: sin conexión a internet." in gateway.text.splitlines()
    assert "Caja de protección — Rojo: falla del sensor de nivel." in box.text.splitlines()
    assert gateway is not box and "falla del sensor" not in gateway.text
    assert gateway.location == box.location == "2. Equipos"


def test_mixed_heading_styles_keep_their_trail_and_numbered_steps_are_not_headings() -> None:
    chunks = default_reader().read("manual.docx", _manual())
    assert _with(chunks, "mide el agua").location == "1. Introducción"  # the title is not repeated
    steps = _with(chunks, "Revise el cable")
    assert steps.location == "3. Solución de problemas"
    assert (
        steps.text == "Si la luz de la caja está roja:\n1. Revise el cable del sensor.\n2. Reinicie el nodo."
    )
    figure = _with(chunks, "Figura 2")
    assert figure.text == "Figura 2: a) caja abierta, b) luz de la tapa." and figure.location == "2. Equipos"


def _pump_manual() -> bytes:
    """Colour lines with a light's state ("intermitente", "fija"), split by a picture, under any name."""
    document = docx.Document()
    document.add_heading("Bomba sumergible", 2)
    for text in [
        "Tablero de la bomba: arranca y detiene la bomba según el nivel del pozo.",
        "Naranja intermitente: esperando el nivel mínimo para arrancar.",
        "Azul fija: bombeando.",
        "",  # a picture between the lines of the same component
        "Blanco destellando rápido: sobrecorriente, la bomba se detuvo.",
        "Luz apagada: sin tensión en el tablero.",
        "Medidor de caudal: cuenta los litros que salen del pozo.",
        "Morado: lectura enviada.",
        "Morado parpadeando: memoria llena.",
    ]:
        _paragraph(document, text)
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def test_a_colour_line_with_a_state_is_a_code_of_the_component_above_never_a_component_itself() -> None:
    chunks = default_reader().read("bomba.docx", _pump_manual())
    lines = [line for c in chunks for line in c.text.splitlines()]
    assert "Tablero de la bomba — Naranja intermitente: esperando el nivel mínimo para arrancar." in lines
    assert "Tablero de la bomba — Blanco destellando rápido: sobrecorriente, la bomba se detuvo." in lines
    assert "Tablero de la bomba — Luz apagada: sin tensión en el tablero." in lines
    assert "Medidor de caudal — Morado parpadeando: memoria llena." in lines
    assert not any(line.startswith(("Naranja intermitente —", "Azul fija —", "Morado —")) for line in lines)
