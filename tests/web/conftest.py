"""A Flask test client on a real SQLite file with a fresh build of the sample documents ingested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from botk_adapters.documents import default_reader
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput
from botk_web import Settings, create_app


@pytest.fixture
def settings(tmp_path: Path, sample_documents: Path) -> Settings:
    return Settings(
        database_path=str(tmp_path / "botk.sqlite3"),
        documents_dir=str(sample_documents),
        reports_dir=str(tmp_path / "reports"),
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings)
    services = app.extensions["botk"]
    IngestDocuments(services.documents, default_reader()).execute(
        IngestDocumentsInput(settings.documents_dir)
    )
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def thread_id(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])
