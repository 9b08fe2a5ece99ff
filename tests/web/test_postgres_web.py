"""The service on PostgreSQL, as an operator sees it: which storage runs, readiness, a lost server."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_web import Settings, bootstrap, create_app
from botk_web.app import app_for
from botk_web.settings import SettingsError
from botk_web.storage import pool_sizes
from tests import postgres_cluster as pg


def with_password(url: str) -> str:
    """The test URL with a password in it (trust authentication ignores it)."""
    return url.replace("://botk@", "://botk:s3cr3t-de-prueba@", 1)


def test_health_names_postgresql_and_its_database_never_the_password(
    postgres_url: str, tmp_path: Path
) -> None:
    settings = Settings(database_url=with_password(postgres_url), reports_dir=str(tmp_path / "r"))
    app = create_app(settings)
    try:
        response = app.test_client().get("/health")
        body = response.get_json()
        assert body["storage"] == "postgresql"
        assert body["database"].startswith("127.0.0.1:") and "s3cr3t" not in response.get_data(as_text=True)
        assert "s3cr3t" not in repr(settings)
        assert app.test_client().get("/ready").status_code == 200
    finally:
        app.extensions["botk"].close()


def test_a_database_that_goes_away_is_503_with_retry_after_and_not_ready(tmp_path: Path) -> None:
    url = f"postgresql://botk@127.0.0.1:{pg.free_port()}/botk"
    services = bootstrap(Settings(database_url=url, reports_dir=str(tmp_path / "r"), synthetic_data=False))
    client = app_for(services).test_client()
    started = client.get("/start")
    assert started.status_code == 503 and started.get_json()["code"] == "storage_error"
    assert started.headers["Retry-After"] == "1"
    ready = client.get("/ready").get_json()
    assert ready["checks"]["database"] == "not_writable"


def test_database_url_comes_from_either_variable_and_must_be_postgresql() -> None:
    url = "postgresql://botk:x@db.example:5432/botk"
    assert Settings.from_env({"DATABASE_URL": url}, dotenv_path=None).database_url == url
    assert Settings.from_env({"BOTK_DATABASE_URL": url}, dotenv_path=None).database_url == url
    assert Settings.from_env({}, dotenv_path=None).database_url is None
    with pytest.raises(SettingsError) as refused:
        Settings.from_env({"BOTK_DATABASE_URL": "mysql://root:clave@db/botk"}, dotenv_path=None)
    assert "BOTK_DATABASE_URL" in str(refused.value) and "clave" not in str(refused.value)


def test_the_pool_follows_the_threads_unless_set() -> None:
    assert pool_sizes(Settings(threads=32)) == (1, 8)
    assert pool_sizes(Settings(threads=4)) == (1, 4)
    assert pool_sizes(Settings(threads=32, db_pool_min=2, db_pool_max=20)) == (2, 20)
