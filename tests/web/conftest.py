"""A Flask test client with the sample documents ingested, on a real SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_adapters.documents import default_reader
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput
from botk_web import Settings, create_app

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "documentos_macaya"


@pytest.fixture(params=["sqlite", "postgres"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Every route test runs on both storages: the HTTP contract does not depend on the database."""
    database_url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    return Settings(
        database_path=str(tmp_path / "botk.sqlite3"),
        database_url=database_url,
        documents_dir=str(SAMPLE_DOCS),
        reports_dir=str(tmp_path / "reports"),
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings)
    services = app.extensions["botk"]
    IngestDocuments(services.documents, default_reader()).execute(IngestDocumentsInput(SAMPLE_DOCS))
    yield app
    services.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def thread_id(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])
