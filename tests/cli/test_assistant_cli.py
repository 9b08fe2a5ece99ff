"""``botk assistant sync`` end to end against the fake OpenAI server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from botk_web import Settings, create_app
from botk_web.cli import build_parser
from tests.adapters.fake_openai import FakeOpenAI


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def settings(fake: FakeOpenAI, tmp_path: Path) -> Settings:
    docs = tmp_path / "documentos_macaya"
    docs.mkdir()
    (docs / "plan_maestro.md").write_text("# Plan maestro\nEstanques.", encoding="utf-8")
    return Settings(
        gateway="openai",
        openai_api_key="sk-test",
        openai_base_url=fake.base_url,
        openai_max_retries=0,
        database_path=str(tmp_path / "botk.sqlite3"),
        documents_dir=str(docs),
    )


def _sync(settings: Settings, *extra: str) -> int:
    args = build_parser().parse_args(["assistant", "sync", *extra])
    return int(args.func(args, settings))


def test_sync_prints_progress_and_a_summary_and_start_reports_the_store(
    settings: Settings, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _sync(settings) == 0

    out, err = capsys.readouterr()
    [store_id] = fake.vector_stores
    assert f"Almacén de vectores (creado): {store_id}" in out
    assert "Subidos: 1 · Sin cambios: 0 · Quitados: 0 · Fallidos: 0" in out
    assert "Subido: plan_maestro.md" in err and "Procesando documentos: 1/1 listos" in err
    assert create_app(settings).test_client().get("/start").get_json()["vector_store_id"] == store_id


def test_running_sync_again_changes_nothing(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    _sync(settings)
    capsys.readouterr()

    assert _sync(settings) == 0

    assert "Subidos: 0 · Sin cambios: 1" in capsys.readouterr().out


def test_sync_without_a_key_explains_what_is_missing(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _sync(attrs.evolve(settings, openai_api_key=None)) == 2
    assert "OPEN_AI_API_KEY" in capsys.readouterr().err


def test_a_rejected_key_is_reported_without_a_traceback(
    settings: Settings, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.valid_keys = {"sk-other"}

    assert _sync(settings) == 1
    assert "OPEN_AI_API_KEY" in capsys.readouterr().err
