"""One DocumentStore contract, run against every store BOTK ships."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.domain import Chunk, DocumentInfo, TableFact
from botk_core.errors import DocumentNotFound
from botk_core.ports import DocumentStore
from botk_core.synonyms import Synonyms

StoreFactory = Callable[[], DocumentStore]


@pytest.fixture(params=["sqlite", "memory"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    if request.param == "sqlite":
        return lambda: SqliteFtsDocumentStore(tmp_path / "botk.sqlite3")
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


# --- Questions as people write them, on a lab table read as facts ---------------------------

SynonymStoreFactory = Callable[[Synonyms], DocumentStore]


@pytest.fixture(params=["sqlite", "memory"])
def make_store_with(request: pytest.FixtureRequest, tmp_path: Path) -> SynonymStoreFactory:
    if request.param == "sqlite":
        return lambda synonyms: SqliteFtsDocumentStore(tmp_path / "lab.sqlite3", synonyms)
    return InMemoryDocumentStore


def _cell(place: str, code: str, parameter: str, campaign: str, value: str) -> Chunk:
    fact = TableFact(
        table="Tabla 9",
        caption=f"Tabla 9: {parameter} presente en muestras de agua. Límite máximo permitido: 0,05 mg/L",
        parameter=parameter,
        unit="mg/L",
        limit=0.05,
        row=(code, f"Macaya {place}"),
        column=(f"{parameter} [mg/L]", campaign),
        value=value,
        number=float(value.replace(",", ".")),
    )
    text = f"{fact.caption}\n{code} Macaya {place} · {parameter} [mg/L] · {campaign}: {value}"
    return Chunk(text, f"Tabla 9 · {code} Macaya {place} · {campaign}", fact)


@pytest.fixture
def lab(make_store_with: SynonymStoreFactory) -> DocumentStore:
    store = make_store_with(Synonyms.builtin().merged(Synonyms.parse("posta, consultorio\n")))
    cells = [
        _cell(place, code, parameter, campaign, f"0,0{i}{j}{k}")
        for i, (code, place) in enumerate([("M4", "Miraflores"), ("M6", "Pulcha"), ("M11", "Posta")], 1)
        for j, campaign in enumerate(["Octubre 2021", "Agosto 2022", "Diciembre 2022", "Diciembre 2021"], 1)
        for k, parameter in enumerate(["Plomo", "Hierro", "Manganeso"], 1)
    ]
    prose = [
        Chunk("El plomo y el hierro se midieron en Miraflores y Pulcha en cada campaña.", "Antecedentes"),
        Chunk("Caja de protección — Rojo: falla del sensor de nivel.", "3. Componentes y sus luces"),
        Chunk("Gateway — Rojo: sin conexión a internet.", "3. Componentes y sus luces"),
    ]
    store.put(DocumentInfo("doc_lab", "EJEMPLO_informe.docx", "h"), [*cells, *prose])
    return store


@pytest.mark.parametrize(
    ("question", "location"),
    [
        (
            "cuanto plomo salio en miraflores en diciembre del 2022",
            "Tabla 9 · M4 Macaya Miraflores · Diciembre 2022",
        ),
        ("plomo miraflores dic 2022", "Tabla 9 · M4 Macaya Miraflores · Diciembre 2022"),
        ("plomo en miraflores 12/2022", "Tabla 9 · M4 Macaya Miraflores · Diciembre 2022"),
        ("plomo en Miraflores, 2022-12", "Tabla 9 · M4 Macaya Miraflores · Diciembre 2022"),
        ("fierro en pulcha oct del 2021", "Tabla 9 · M6 Macaya Pulcha · Octubre 2021"),
        ("manganeso en pulcha en oct-21", "Tabla 9 · M6 Macaya Pulcha · Octubre 2021"),
        ("plomo en el consultorio en agosto 2022", "Tabla 9 · M11 Macaya Posta · Agosto 2022"),
        ("manganezo en mirafores dic 2021", "Tabla 9 · M4 Macaya Miraflores · Diciembre 2021"),
    ],
)
def test_a_question_naming_row_column_and_parameter_gets_that_cell_first(
    lab: DocumentStore, question: str, location: str
) -> None:
    best = lab.search(question)[0]
    parameter = {"plomo": "Plomo", "fierro": "Hierro", "manganeso": "Manganeso", "manganezo": "Manganeso"}
    assert best.location == location
    assert best.fact is not None and best.fact.parameter == next(
        name for word, name in parameter.items() if word in question.lower()
    )


def test_a_fact_comes_back_whole_from_the_store(lab: DocumentStore) -> None:
    best = lab.search("hierro pulcha agosto 2022")[0]
    assert best.fact == _cell("Pulcha", "M6", "Hierro", "Agosto 2022", "0,0222").fact
    assert best.sample  # the name carries the sample mark, so a citation can say so
    assert lab.search("luz roja de la caja")[0].fact is None


def test_the_component_of_a_colour_line_decides_which_one_answers(lab: DocumentStore) -> None:
    assert "sensor de nivel" in lab.search("la cajita del sensor tiene la luz roja")[0].text
    assert "internet" in lab.search("luz roja del concentrador")[0].text


def test_one_typo_is_tolerated_in_words_of_five_letters_or_more(lab: DocumentStore) -> None:
    assert lab.search("plommo miraflors")[0].location.startswith("Tabla 9 · M4")
    assert lab.search("pulcah")[0].location.startswith("Tabla 9 · M6")  # two letters swapped
    assert lab.search("plo") == []  # short words are never corrected
    assert lab.search("xilofonos") == []


def test_an_organisations_synonym_file_reaches_the_search(make_store_with: SynonymStoreFactory) -> None:
    document = DocumentInfo("doc_a", "a.md", "h")
    plain = make_store_with(Synonyms.builtin())
    plain.put(document, [Chunk("La sede social abre los martes.", "Horario")])
    assert plain.search("junta vecinal") == []
    custom = make_store_with(Synonyms.builtin().merged(Synonyms.parse("sede social, junta vecinal")))
    custom.put(document, [Chunk("La sede social abre los martes.", "Horario")])
    assert custom.search("cuando abre la junta vecinal")[0].location == "Horario"


def test_documents_indexed_before_facts_existed_are_read_again_by_the_next_ingest(tmp_path: Path) -> None:
    import sqlite3

    from botk_adapters.sqlite.db import _statements
    from botk_adapters.sqlite.migrations import DOCUMENT_FACTS, MIGRATIONS

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    for script in MIGRATIONS[: MIGRATIONS.index(DOCUMENT_FACTS)]:
        for statement in _statements(script):
            old.execute(statement)
    old.execute(f"PRAGMA user_version = {MIGRATIONS.index(DOCUMENT_FACTS)}")
    old.execute("INSERT INTO documents (id, name, content_hash, added_at) VALUES ('doc_1', 'a.docx', 'h', 0)")
    old.commit()
    old.close()
    store = SqliteFtsDocumentStore(path)
    assert [(d.name, d.content_hash) for d in store.list_documents()] == [("a.docx", "")]  # never "unchanged"
    store.put(DocumentInfo("doc_1", "a.docx", "h2"), [_cell("Pulcha", "M6", "Plomo", "Agosto 2022", "0,011")])
    assert store.search("plomo pulcha agosto 2022")[0].fact is not None
