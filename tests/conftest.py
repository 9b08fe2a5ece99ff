"""Test-wide guards: no test may reach beyond the loopback interface."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX paths
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(real: Any) -> Any:
    def connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise OSError(f"tests may not connect beyond loopback (tried {address!r})")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True, scope="session")
def _block_network() -> Any:
    socket.socket.connect = _guarded(_real_connect)  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded(_real_connect_ex)  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def sample_documents(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fresh build of the sample documents: tests never read what a user keeps in documentos_macaya/."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_documents.py"
    spec = importlib.util.spec_from_file_location("build_documents", script)
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    folder = tmp_path_factory.mktemp("documentos_macaya")
    builder.build_all(builder.SOURCES, folder)
    return folder


@pytest.fixture(scope="session")
def postgres_cluster() -> Any:
    """One PostgreSQL server for the whole session (see tests/postgres_cluster.py)."""
    from tests import postgres_cluster as pg

    try:
        cluster = pg.start()
        cluster.prepare_template()
    except Exception as error:  # missing binaries, a server that would not start, a refused URL
        if pg.required():
            pytest.fail(f"PostgreSQL is required here (CI or BOTK_REQUIRE_POSTGRES) but: {error}")
        pytest.skip(f"PostgreSQL no disponible ({error}); define BOTK_TEST_DATABASE_URL o instala postgresql")
    yield cluster
    cluster.close()


@pytest.fixture(scope="session")
def _postgres_shared_url(postgres_cluster: Any) -> Any:
    from tests import postgres_cluster as pg

    with pg.database(postgres_cluster) as url:
        yield url


@pytest.fixture
def postgres_url(_postgres_shared_url: str) -> Any:
    """The URL of a database with BOTK's schema, emptied (and its connections closed) after the test."""
    from tests import postgres_cluster as pg

    yield _postgres_shared_url
    pg.reset(_postgres_shared_url)


@pytest.fixture
def postgres_database(postgres_url: str) -> Any:
    """A PostgresDatabase on this test's database, closed afterwards."""
    from botk_adapters.postgres.db import PostgresDatabase

    database = PostgresDatabase(postgres_url, max_size=20)
    yield database
    database.close()
