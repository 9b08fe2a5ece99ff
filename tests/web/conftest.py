"""A Flask test client on a real SQLite file with the sample documents ingested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, create_app

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "documentos_macaya"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_path=str(tmp_path / "botk.sqlite3"),
        documents_dir=str(SAMPLE_DOCS),
        reports_dir=str(tmp_path / "reports"),
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings)
    app.extensions["botk"].document_use_cases.ingest.execute(IngestDocumentsInput(SAMPLE_DOCS))
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def thread_id(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])
