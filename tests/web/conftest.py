"""A Flask test client with the sample documents ingested, on a real SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, create_app


@pytest.fixture(params=["sqlite", "postgres"])
def settings(request: pytest.FixtureRequest, tmp_path: Path, sample_documents: Path) -> Settings:
    """Every route test runs on both storages: the HTTP contract does not depend on the database."""
    database_url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    return Settings(
        database_path=str(tmp_path / "botk.sqlite3"),
        database_url=database_url,
        documents_dir=str(sample_documents),
        reports_dir=str(tmp_path / "reports"),
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings)
    app.extensions["botk"].document_use_cases.ingest.execute(IngestDocumentsInput(settings.documents_dir))
    yield app
    app.extensions["botk"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def thread_id(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])
