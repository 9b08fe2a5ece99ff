"""How a search reads questions as people write them: dates, abbreviations, synonyms, typos, stems."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_adapters.documents import default_reader, load_synonyms
from botk_adapters.documents.folder import LocalDocumentFolder
from botk_adapters.documents.synonyms import MAX_FILE_BYTES
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo, is_sample, sample_warning
from botk_core.phrasing import expand_abbreviations, month_and_year, normalise_dates, one_edit_apart
from botk_core.retrieval import plan_query
from botk_core.synonyms import MAX_PHRASES_PER_GROUP, Synonyms
from botk_core.text import fold, stem
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput, IngestReport
from botk_core.vocabulary import Vocabulary
from botk_web.cli.docs import summary


@pytest.mark.parametrize(
    "written",
    [
        "diciembre del 2022",
        "Diciembre 2022",
        "dic 2022",
        "dic. 2022",
        "dic-22",
        "12/2022",
        "2022-12",
        "12-2022",
    ],
)
def test_every_form_of_a_month_and_year_reads_as_the_campaign(written: str) -> None:
    assert normalise_dates(written) == "diciembre 2022"


def test_dates_that_are_not_a_month_and_year_are_left_alone() -> None:
    assert normalise_dates("15/12/2022") == "15 diciembre 2022"
    assert normalise_dates("oct del 2021") == "octubre 2021"
    assert normalise_dates("octubre 21") == "octubre 21"  # a day, more likely than a year
    for text in ("24/7", "192.168.4.1", "13/2022", "el mar de Iquique"):
        assert normalise_dates(text) == text.lower()


def test_campaign_labels_sort_by_month_and_year() -> None:
    labels = ["Diciembre 2022", "Mayo 2021", "oct-21", "Campaña 3/2022", "Observaciones"]
    assert [month_and_year(label) for label in labels] == [(2022, 12), (2021, 5), (2021, 10), (2022, 3), None]


def test_chat_abbreviations_are_written_out() -> None:
    assert expand_abbreviations("Q hago xq tb pa la info") == "que hago porque tambien para la informacion"


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [("manganes", "manganez", True), ("cementer", "cementr", True), ("pulch", "pluch", True),
     ("gateway", "gatway", True), ("necesit", "nesecit", False), ("plom", "plom", False)],
)  # fmt: skip
def test_one_edit_means_one_insertion_deletion_substitution_or_swap(a: str, b: str, near: bool) -> None:
    assert one_edit_apart(a, b) is near


def test_stems_join_plurals_genders_and_common_verb_forms() -> None:
    for group in (["miden", "mide"], ["superan", "supera", "superó"], ["revisar", "revisa"],
                  ["agotada", "agotando"], ["estaciones", "estación"], ["luces", "luz"]):  # fmt: skip
        assert len({stem(fold(w)) for w in group}) == 1, group


def test_typos_are_corrected_only_against_the_index_vocabulary_and_only_in_long_words() -> None:
    vocabulary = Vocabulary({"manganes": 3, "plom": 5, "miraflor": 4})
    plan = plan_query("manganezo plommo mirafores", Synonyms(), vocabulary)
    corrected = [{a.terms for a in g.alternatives} for g in plan.groups]
    assert ("manganes",) in corrected[0] and ("plom",) in corrected[1] and ("miraflor",) in corrected[2]
    short = plan_query("plo", Synonyms(), vocabulary)
    assert [a.terms for g in short.groups for a in g.alternatives] == [("plo",)]  # too short to correct


def test_a_synonym_file_is_groups_of_phrases_one_per_line() -> None:
    synonyms = Synonyms.parse("# comentario\nposta, consultorio , Posta Rural\n\nsolo una\nsede; junta\n")
    assert len(synonyms.groups) == 2  # the comment, the empty line and a one-phrase line are not groups
    assert (stem("consultorio"),) in synonyms.equivalents((stem("posta"),))
    assert (stem("posta"), stem("rural")) in synonyms.equivalents((stem("consultorio"),))
    huge = Synonyms.parse(", ".join(f"palabra{i}" for i in range(100)))
    assert len(huge.groups[0]) == MAX_PHRASES_PER_GROUP  # an odd file cannot slow every search


def test_the_folder_synonym_file_adds_to_the_built_in_list(tmp_path: Path) -> None:
    assert load_synonyms(tmp_path) == Synonyms.builtin()
    (tmp_path / "sinonimos.txt").write_text("posta, consultorio\n", encoding="latin-1")
    loaded = load_synonyms(tmp_path)
    assert (stem("consultorio"),) in loaded.equivalents((stem("posta"),))
    assert (stem("hierro"),) in loaded.equivalents((stem("fierro"),))  # the built-in list stays
    (tmp_path / "sinonimos.txt").write_bytes(b"sede, junta\n" * (MAX_FILE_BYTES // 10))
    assert len(load_synonyms(tmp_path).groups) <= len(Synonyms.builtin().groups) + MAX_FILE_BYTES // 12


def test_the_synonym_file_is_not_ingested_as_a_document(tmp_path: Path) -> None:
    (tmp_path / "sinonimos.txt").write_text("posta, consultorio\n", encoding="utf-8")
    (tmp_path / "guia.md").write_text("# Posta\n\nLa posta abre los lunes.\n", encoding="utf-8")
    store = InMemoryDocumentStore(load_synonyms(tmp_path))
    report = IngestDocuments(store, default_reader(), LocalDocumentFolder).execute(
        IngestDocumentsInput(tmp_path)
    )
    assert report.added == ("guia.md",)
    assert store.search("horario del consultorio")[0].document == "guia.md"


def test_samples_are_recognised_by_their_mark_and_the_ingest_warns_when_real_files_sit_beside_them() -> None:
    assert is_sample("EJEMPLO_informe.docx") and is_sample("sub/ejemplo_guia.pdf")
    assert not is_sample("informe_ejemplo.docx")
    assert sample_warning(["EJEMPLO_a.docx", "EJEMPLO_b.docx"]) is None
    assert sample_warning(["plan_maestro.docx"]) is None

    report = IngestReport(
        3, 10, ("plan_maestro.docx",), (), ("EJEMPLO_a.docx", "EJEMPLO_b.docx"), (), (), 0.1
    )
    text = summary(report)
    assert "Aviso: hay 2 documento(s) de EJEMPLO" in text and "EJEMPLO_*" in text
    store = InMemoryDocumentStore()
    store.put(DocumentInfo("doc_1", "EJEMPLO_a.docx", "h"), [Chunk("texto de ejemplo", "Sección")])
    assert store.list_documents()[0].sample and store.search("ejemplo")[0].sample


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("se corto el agua q ago", "se corto el agua que hago"),
        ("a q ora atienden", "a que hora atienden"),
        ("asta q dia se paga", "hasta que dia se paga"),
        ("cuantas lucas sale", "cuanto dinero sale"),
        # «ago» before a year is August, not «hago».
        ("y en ago del 22", "y en ago del 22"),
        ("ago 2022", "ago 2022"),
    ],
)
def test_a_dropped_silent_h_is_written_back(typed: str, read: str) -> None:
    assert expand_abbreviations(typed) == read
