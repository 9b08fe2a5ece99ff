"""``botk assistant sync`` logic against the fake server's files and vector stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_adapters.openai import (
    OpenAIConfig,
    VectorStoreState,
    VectorStoreSync,
    current_vector_store_id,
    make_client,
)
from botk_adapters.sqlite import Database
from botk_core.errors import NotFound, UpstreamAuthError
from tests.adapters.fake_openai import FakeOpenAI


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "documentos_macaya"
    folder.mkdir()
    (folder / "plan_maestro.md").write_text("# Plan maestro\nEstanques de Macaya.", encoding="utf-8")
    (folder / "guia.md").write_text("# Guía\nLuz roja: batería baja.", encoding="utf-8")
    (folder / "README.md").write_text("Esta carpeta guarda los documentos.", encoding="utf-8")
    return folder


class Sync:
    def __init__(
        self, fake: FakeOpenAI, tmp_path: Path, configured: str | None = None, key: str = "fake"
    ) -> None:
        self.db = Database(tmp_path / "botk.sqlite3")
        self.lines: list[str] = []
        client = make_client(OpenAIConfig(api_key=key, base_url=fake.base_url, timeout=5, max_retries=0))
        self.sync = VectorStoreSync(
            client,
            VectorStoreState(self.db),
            configured_id=configured,
            progress=self.lines.append,
            poll_seconds=0,
        )


def _uploaded_names(fake: FakeOpenAI) -> list[str]:
    return sorted(r.body["file"][0] for r in fake.requests if r.path == "/v1/files" and r.method == "POST")


def test_first_sync_creates_a_store_uploads_documents_and_waits_for_processing(
    fake: FakeOpenAI, docs: Path, tmp_path: Path
) -> None:
    fake.processing_polls = 2
    run = Sync(fake, tmp_path)

    report = run.sync.run(docs)

    assert report.created and report.vector_store_id in fake.vector_stores
    assert sorted(report.uploaded) == ["guia.md", "plan_maestro.md"]
    assert _uploaded_names(fake) == ["guia.md", "plan_maestro.md"]
    assert len(fake.vector_stores[report.vector_store_id]["files"]) == 2
    assert (
        "Procesando documentos: 0/2 listos" in run.lines
        and run.lines[-1] == "Procesando documentos: 2/2 listos"
    )
    assert current_vector_store_id(run.db) == report.vector_store_id


def test_a_second_sync_uploads_only_what_changed_and_removes_what_was_deleted(
    fake: FakeOpenAI, docs: Path, tmp_path: Path
) -> None:
    first = Sync(fake, tmp_path).sync.run(docs)
    old_guide = next(f for f in fake.files.values() if f["filename"] == "guia.md")["id"]
    (docs / "guia.md").write_text("# Guía\nLuz roja: batería baja. Luz verde: normal.", encoding="utf-8")
    (docs / "plan_maestro.md").unlink()
    (docs / "anexo.md").write_text("# Anexo\nCalidad del agua.", encoding="utf-8")

    second = Sync(fake, tmp_path).sync.run(docs)

    assert second.vector_store_id == first.vector_store_id and not second.created
    assert sorted(second.uploaded) == ["anexo.md", "guia.md"]
    assert second.removed == ("plan_maestro.md",)
    assert sorted(f["filename"] for f in fake.files.values()) == ["anexo.md", "guia.md"]
    assert old_guide not in fake.files
    assert len(fake.vector_stores[first.vector_store_id]["files"]) == 2


def test_nothing_changed_means_nothing_uploaded(fake: FakeOpenAI, docs: Path, tmp_path: Path) -> None:
    Sync(fake, tmp_path).sync.run(docs)
    uploads = len(_uploaded_names(fake))

    report = Sync(fake, tmp_path).sync.run(docs)

    assert report.uploaded == () and sorted(report.unchanged) == ["guia.md", "plan_maestro.md"]
    assert len(_uploaded_names(fake)) == uploads


def test_vector_store_id_from_the_environment_is_used_not_replaced(
    fake: FakeOpenAI, docs: Path, tmp_path: Path
) -> None:
    store = make_client(OpenAIConfig(api_key="k", base_url=fake.base_url)).vector_stores.create(name="previo")

    report = Sync(fake, tmp_path, configured=store.id).sync.run(docs)

    assert report.vector_store_id == store.id and not report.created
    assert list(fake.vector_stores) == [store.id]


def test_a_configured_store_that_does_not_exist_is_reported(
    fake: FakeOpenAI, docs: Path, tmp_path: Path
) -> None:
    with pytest.raises(NotFound):
        Sync(fake, tmp_path, configured="vs_missing").sync.run(docs)


def test_a_file_that_fails_processing_is_retried_next_time(
    fake: FakeOpenAI, docs: Path, tmp_path: Path
) -> None:
    fake.failing_files = {"guia.md"}
    report = Sync(fake, tmp_path).sync.run(docs)
    assert report.failed == ("guia.md",)

    fake.failing_files = set()
    again = Sync(fake, tmp_path).sync.run(docs)

    assert again.uploaded == ("guia.md",)


def test_a_rejected_key_is_reported_as_an_auth_error(fake: FakeOpenAI, docs: Path, tmp_path: Path) -> None:
    fake.valid_keys = {"sk-good"}

    with pytest.raises(UpstreamAuthError) as raised:
        Sync(fake, tmp_path, key="sk-bad").sync.run(docs)

    assert "OPEN_AI_API_KEY" in raised.value.message
