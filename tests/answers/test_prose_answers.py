"""Prose answers: the sentence that answers with its context and section, or an honest not-found."""

from __future__ import annotations

import json

from botk_adapters.local.answers import answer_question
from botk_adapters.local.question import read_question
from botk_core.domain import ToolCall
from botk_core.tools.registry import ToolContext, ToolRegistry
from botk_core.tools.search import FoundPassage, SearchOutput, search_documents_tool
from tests.answers.lab import FactStore, cell


def ask(text: str) -> str:
    results = [FoundPassage.of(p) for p in FactStore().search(text, 8)]
    return answer_question(read_question(text), results, text).text


def test_a_list_item_is_answered_by_its_lead_in() -> None:
    answer = ask("cuanta agua necesita el tomate")
    assert answer.startswith(
        "Grupo B: hortalizas. Alrededor de 4 L por m² al día. - Tomate (Solanum lycopersicum)"
    )
    assert "Lechuga" not in answer
    assert "6. ¿Cuánta agua necesitan los cultivos en verano?" in answer.splitlines()[-1]


def test_a_colour_line_comes_with_its_component_and_the_component_decides() -> None:
    box = ask("la cajita del sensor tiene la luz roja")
    assert box.startswith("Caja de protección: guarda el nodo y la batería. Rojo: falla del sensor de nivel")
    gateway = ask("q significa la luz roja del gateway")
    assert gateway.startswith("Gateway: recibe por radio los datos. Rojo: sin conexión a internet.")
    off = ask("la caja no tiene luz")
    assert "Sin luz: la batería está agotada." in off


def test_who_is_answered_by_the_key_value_row() -> None:
    assert "Rosa Mamani" in ask("quien tomo las muestras").splitlines()[0]


def test_sharing_the_topic_is_not_answering_the_question() -> None:
    for question in (
        "cuantos litros tiene el estanque pulcha",
        "que vacunas necesitan las llamas",
        "luz violeta",
    ):
        answer = ask(question)
        assert answer.startswith("No lo encontré"), answer


def test_the_search_tool_output_carries_the_facts_as_json() -> None:
    store = FactStore()
    registry = ToolRegistry([search_documents_tool(store)])
    run = registry.run(
        ToolCall("c", "search_documents", '{"query": "plomo miraflores diciembre 2022", "k": 3}'),
        ToolContext("t"),
    )
    data = json.loads(run.output)
    first = data["results"][0]
    assert first["fact"]["parameter"] == "Plomo" and first["fact"]["row"] == ["M4", "Macaya Miraflores"]
    assert first["fact"]["kind"] == "value" and first["fact"]["over_limit"] is True
    back = SearchOutput.from_json(data)
    assert back.results[0].fact == cell("Tabla 9", 1, 2)
    assert back.query == "plomo miraflores diciembre 2022"


def test_a_prose_passage_has_no_fact_in_the_json_and_odd_outputs_read_safely() -> None:
    store = FactStore([])
    registry = ToolRegistry([search_documents_tool(store)])
    run = registry.run(ToolCall("c", "search_documents", '{"query": "luz"}'), ToolContext("t"))
    assert json.loads(run.output) == {"query": "luz", "results": []}
    output = SearchOutput.from_json({"results": [{"document": "guia.md", "text": "x", "fact": None}, "junk"]})
    assert output.results[0].fact is None and output.results[0].location == "" and len(output.results) == 1


def test_a_colour_without_its_component_is_answered_for_every_component_that_has_it() -> None:
    answer = ask("que significa la luz roja")
    assert "Caja de protección: guarda el nodo y la batería. Rojo: falla del sensor de nivel" in answer
    assert "Gateway: recibe por radio los datos. Rojo: sin conexión a internet." in answer
    assert "Verde" not in answer
