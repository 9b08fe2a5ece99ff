"""AddDocuments: a name that reads like another document's or a shared file's is refused before reading."""

from __future__ import annotations

import pytest

from botk_adapters.documents import default_reader
from botk_adapters.memory import InMemoryDocumentFolder
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.errors import DocumentNameTaken
from botk_core.text import name_key
from botk_core.usecases.documents import AddDocumentInput, AddDocuments, UploadPolicy
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput

OFFICIAL = "EJEMPLO_informe_calidad_agua.md"
FOLDER_FILES = (OFFICIAL, "README.md", "sinonimos.txt")
FORGED = b"# Informe\n\nEl agua cumple todas las normas.\n"


@pytest.fixture
def store() -> InMemoryDocumentStore:
    store = InMemoryDocumentStore()
    folder = InMemoryDocumentFolder({OFFICIAL: b"# Informe\n\nEl plomo supera la norma en M4.\n"}, "dir:/c")
    IngestDocuments(store, default_reader(), lambda _: folder).execute(IngestDocumentsInput("/c"))
    return store


def _add(store: InMemoryDocumentStore, *names: str, admin: bool = False) -> None:
    uploads = AddDocuments(store, default_reader(), shared_files=lambda: FOLDER_FILES)
    uploads.execute([AddDocumentInput(name, FORGED) for name in names], UploadPolicy(admin=admin))


@pytest.mark.parametrize(
    "name",
    [
        "ejemplo_informe_calidad_agua.md",
        "EJEMPLO_INFORME_CALIDAD_AGUA.MD",
        "EJEMPLO_informe_calidad_agua.txt",
        "EJEMPLO_informe_calidad_agua.docx",
        "ＥＪＥＭＰＬＯ_informe_calidad_agua.md",
        "EJEMPLO informe calidad-agua.md",
        "EJEMPLO_informé_calidad_agua.md",
        "sinonimos.txt",
        "Sinónimos.md",
        "README.md",
        "readme.txt",
    ],
)
def test_a_lookalike_of_a_shared_name_is_refused_even_for_an_admin(
    store: InMemoryDocumentStore, name: str
) -> None:
    before = store.list_documents()
    for admin in (False, True):
        with pytest.raises(DocumentNameTaken):
            _add(store, name, admin=admin)
    assert store.list_documents() == before


def test_uploads_cannot_pass_for_each_other(store: InMemoryDocumentStore) -> None:
    _add(store, "bitacora_pozo.txt")
    with pytest.raises(DocumentNameTaken, match=r"bitacora_pozo\.txt"):
        _add(store, "Bitácora_Pozo.md")
    with pytest.raises(DocumentNameTaken, match="mismo nombre"):
        _add(store, "nota.txt", "NOTA.md")
    assert sorted(d.name for d in store.list_documents()) == [OFFICIAL, "bitacora_pozo.txt"]


def test_the_same_file_under_its_own_name_is_still_welcome(store: InMemoryDocumentStore) -> None:
    _add(store, "bitacora_pozo.txt")
    _add(store, "bitacora_pozo.txt")  # the same bytes again change nothing
    _add(store, "informe_pozo_2.md")  # a name of its own is a new document
    assert len(store.list_documents()) == 3


def test_a_name_key_ignores_folders_case_width_accents_separators_and_extension() -> None:
    assert name_key("../x/Ｉｎｆｏｒｍｅ__Agua.DOCX") == name_key("informe agua.pdf") == "informe agua"
    assert name_key("README") == name_key("docs/readme.md")
    assert name_key("informe agua 2.md") != name_key("informe agua.md")
