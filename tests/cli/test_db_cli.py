"""``botk db migrate`` and ``botk db copy``: an SQLite deployment moved to PostgreSQL, twice if need be."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from botk_adapters.openai.vector_state import UploadedFile
from botk_core import SendMessageInput, StartConversationInput
from botk_core.domain import Reading
from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, bootstrap
from botk_web.cli import main
from tests import postgres_cluster as pg

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "documentos_macaya"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("BOTK_DATABASE_URL", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def sqlite_deployment(path: Path, reports: Path) -> tuple[str, list[str]]:
    """A deployment with a conversation, the sample documents, readings and a vector store."""
    services = bootstrap(Settings(database_path=str(path), reports_dir=str(reports), synthetic_data=False))
    services.document_use_cases.ingest.execute(IngestDocumentsInput(SAMPLE_DOCS))
    thread = services.start_conversation.execute(StartConversationInput()).thread
    for text in ("¿Qué significa la luz roja?", "¿y la verde?"):
        services.send_message.execute(SendMessageInput(thread.id, text, client_message_id=text))
    services.measurements.upsert([Reading(n, "Iquiuca", 1_700_000_000 + 60 * n, nivel=1.4) for n in range(7)])
    services.storage.vector_state.set_store_id("vs_123", "asst_x")
    services.storage.vector_state.put_file("vs_123", UploadedFile("guia.docx", "abc", "file_1"))
    page = services.threads.list_messages(thread.id, limit=10)
    return thread.id, [m.content for m in page.messages]


def test_copy_moves_everything_checks_the_counts_and_can_run_again(
    env: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = env / "botk.sqlite3"
    thread_id, contents = sqlite_deployment(source, env / "reports")

    assert main(["db", "copy", "--from", str(source), "--to", postgres_url]) == 0
    out = capsys.readouterr().out
    assert "Copia completa" in out and "mensajes" in out
    assert main(["db", "copy", "--from", str(source), "--to", postgres_url]) == 0  # again: no duplicates

    moved = bootstrap(Settings(database_url=postgres_url, reports_dir=str(env / "r2"), synthetic_data=False))
    try:
        page = moved.threads.list_messages(thread_id, limit=10)
        assert [m.content for m in page.messages] == contents
        retry = moved.send_message.execute(SendMessageInput(thread_id, "¿y la verde?", "¿y la verde?"))
        assert retry.content == contents[-1]  # the first answer, found again: nothing asked twice
        assert moved.measurements.count() == 7
        assert moved.storage.vector_state.store_id("asst_x") == "vs_123"
        original = bootstrap(Settings(database_path=str(source))).documents
        assert {d.name for d in moved.documents.list_documents()} == {
            d.name for d in original.list_documents()
        }
        best = moved.documents.search("luz roja del sensor", 1)[0]
        assert best.document == original.search("luz roja del sensor", 1)[0].document
    finally:
        moved.close()


def test_migrate_prepares_an_empty_database_and_says_its_version(
    env: Path, postgres_cluster: pg.Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg.database(postgres_cluster, template=None) as url:
        assert main(["db", "migrate", "--url", url]) == 0
        assert "versión" in capsys.readouterr().out
        with psycopg.connect(url) as conn:
            found = conn.execute("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'botk_spanish'")
            assert found.fetchone() == (1,)


def test_without_a_url_the_commands_say_what_to_set(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "migrate"]) == 2
    assert "BOTK_DATABASE_URL" in capsys.readouterr().err
    assert (
        main(["db", "copy", "--from", str(env / "nada.sqlite3"), "--to", "postgresql://x@127.0.0.1:1/x"]) == 1
    )
    assert "No existe" in capsys.readouterr().err
