"""One DocumentStore contract, run against every store BOTK ships."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_adapters.postgres.documents import PostgresDocumentStore
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import DocumentNotFound
from botk_core.ports import DocumentStore

StoreFactory = Callable[[], DocumentStore]


@pytest.fixture(params=["sqlite", "memory", "postgres"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    if request.param == "sqlite":
        return lambda: SqliteFtsDocumentStore(tmp_path / "botk.sqlite3")
    if request.param == "postgres":
        database = request.getfixturevalue("postgres_database")
        return lambda: PostgresDocumentStore(database)
    shared = InMemoryDocumentStore()
    return lambda: shared


@pytest.fixture
def store(make_store: StoreFactory) -> DocumentStore:
    store = make_store()
    store.put(
        DocumentInfo("doc_guia", "guia_kuskalla.docx", "h1", source="dir:x"),
        [
            Chunk("La luz roja del nodo indica que la batería está baja.", "Luces del nodo"),
            Chunk("Los sensores piezoeléctricos miden el nivel del estanque cada tres minutos.", "Sensores"),
            Chunk("Tanque: Pulcha; Fecha: agosto 2022; Plomo (mg/L): <0,002", "Resultados › Tabla 2"),
            Chunk("Tanque: Janchima; Fecha: agosto 2022; Plomo (mg/L): 0,010", "Resultados › Tabla 2"),
        ],
    )
    store.put(
        DocumentInfo("doc_plan", "plan_maestro.md", "h2"),
        [
            Chunk("El plan de la comunidad de Macaya es de la mayor importancia.", "Introducción"),
            Chunk("La mantención de los paneles solares se hace cada seis meses.", "Mantención"),
        ],
    )
    return store


def test_search_returns_the_passage_with_its_document_and_location(store: DocumentStore) -> None:
    best = store.search("luz roja del nodo")[0]
    assert best.document == "guia_kuskalla.docx"
    assert best.document_id == "doc_guia"
    assert best.location == "Luces del nodo"
    assert "batería está baja" in best.text
    assert best.score > 0


def test_search_ignores_accents_and_case(store: DocumentStore) -> None:
    assert store.search("BATERIA PIEZOELECTRICOS")[0].document_id == "doc_guia"
    assert store.search("mantencion")[0].location == "Mantención"


def test_plurals_and_gender_match(store: DocumentStore) -> None:
    assert store.search("luces rojas")[0].location == "Luces del nodo"
    assert store.search("sensor")[0].location == "Sensores"
    assert store.search("panel solar")[0].location == "Mantención"


def test_a_word_family_matches(store: DocumentStore) -> None:
    assert store.search("¿cómo se mantienen los paneles?")[0].location == "Mantención"
    assert store.search("mantenimiento")[0].location == "Mantención"


def test_stop_words_do_not_dominate(store: DocumentStore) -> None:
    # The introduction is full of "de la"; the question is about lead.
    assert store.search("¿Y qué hay de la cantidad de plomo?")[0].location == "Resultados › Tabla 2"


def test_a_table_row_is_found_by_its_values(store: DocumentStore) -> None:
    assert store.search("plomo en Pulcha en agosto 2022")[0].text.startswith("Tanque: Pulcha")


def test_k_bounds_the_results_and_nothing_matching_gives_none(store: DocumentStore) -> None:
    assert len(store.search("agosto 2022 plomo", k=1)) == 1
    assert store.search("xilófono") == []
    assert store.search("   ") == []


def test_list_documents_reports_names_hashes_and_chunk_counts(store: DocumentStore) -> None:
    documents = {d.id: d for d in store.list_documents()}
    assert set(documents) == {"doc_guia", "doc_plan"}
    assert documents["doc_guia"].chunk_count == 4
    assert documents["doc_guia"].content_hash == "h1"
    assert documents["doc_guia"].source == "dir:x"


def test_put_with_the_same_name_replaces_the_old_version(store: DocumentStore) -> None:
    replacement = [Chunk("Nueva versión del cronograma.", "Plan")]
    store.put(DocumentInfo("doc_nuevo", "plan_maestro.md", "h3"), replacement)
    assert [d.id for d in store.list_documents() if d.name == "plan_maestro.md"] == ["doc_nuevo"]
    assert store.search("paneles solares") == []
    assert store.search("cronograma")[0].document_id == "doc_nuevo"


def test_remove_drops_the_document_and_its_passages(store: DocumentStore) -> None:
    store.remove("doc_guia")
    assert [d.id for d in store.list_documents()] == ["doc_plan"]
    assert store.search("plomo Pulcha") == []
    with pytest.raises(DocumentNotFound):
        store.remove("doc_guia")


def test_documents_persist_across_store_instances(store: DocumentStore, make_store: StoreFactory) -> None:
    assert make_store().search("plomo Pulcha")[0].document_id == "doc_guia"


def test_punctuation_in_a_query_is_harmless(store: DocumentStore) -> None:
    assert store.search('"nivel" AND (estanque* OR NEAR) -- ;')[0].location == "Sensores"
