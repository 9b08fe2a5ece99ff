"""``botk threads prune`` and what the CLI builds: only the parts a command needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from botk_adapters.sqlite import SqliteThreadRepository
from botk_core.domain import Thread
from botk_web.cli import main


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "botk.sqlite3"
    monkeypatch.setenv("BOTK_DATABASE", str(path))
    return path


def test_prune_deletes_the_conversations_idle_for_longer_than_asked(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = SqliteThreadRepository(database)
    repo.create(Thread("thread_" + "a" * 32, "asst", 1.0))  # 1970: long idle
    repo.create(Thread("thread_" + "b" * 32, "asst", 4_000_000_000.0))  # still to come
    assert main(["threads", "prune", "--older-than", "90d"]) == 0
    assert "Conversaciones borradas: 1" in capsys.readouterr().out
    with sqlite3.connect(database) as conn:
        assert [row[0] for row in conn.execute("SELECT id FROM threads")] == ["thread_" + "b" * 32]


def test_prune_refuses_an_age_it_cannot_read(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["threads", "prune", "--older-than", "pronto"])
    assert stopped.value.code == 2
    assert "no es una antigüedad válida" in capsys.readouterr().err


def test_listing_documents_needs_no_model_and_writes_no_demo_readings(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A gateway that cannot be built (OpenAI without a key) does not matter to `docs list`.
    monkeypatch.setenv("BOTK_GATEWAY", "openai")
    monkeypatch.delenv("OPEN_AI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    assert main(["docs", "list"]) == 0
    assert "No hay documentos" in capsys.readouterr().out
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM readings").fetchone()[0] == 0
