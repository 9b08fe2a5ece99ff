"""An app on a real SQLite file with a small shared folder ingested, for the abuse tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, create_app


@pytest.fixture
def shared_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "compartidos"
    folder.mkdir()
    (folder / "manual.md").write_text(
        "# Manual\n\nLa luz roja indica una falla del sensor.\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def settings(tmp_path: Path, shared_folder: Path) -> Settings:
    return Settings(
        database_path=str(tmp_path / "botk.sqlite3"),
        documents_dir=str(shared_folder),
        reports_dir=str(tmp_path / "reports"),
        rate_limit_per_minute=0,
    )


def make_app(settings: Settings) -> Flask:
    app = create_app(settings)
    app.extensions["botk"].document_use_cases.ingest.execute(IngestDocumentsInput(settings.documents_dir))
    return app


@pytest.fixture
def client(settings: Settings) -> FlaskClient:
    return make_app(settings).test_client()


@pytest.fixture
def thread_id(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])
