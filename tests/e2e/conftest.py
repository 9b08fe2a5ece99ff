"""A real ``botk serve`` process on 127.0.0.1, for end-to-end tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from botk_adapters.documents import default_reader
from botk_adapters.sqlite import Database
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"server exited early: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if requests.get(url + "/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError("server did not come up")


@pytest.fixture
def server(tmp_path: Path, sample_documents: Path) -> Iterator[str]:
    """Start ``botk serve`` with no .env and no API key; yield its base URL."""
    database = tmp_path / "botk.sqlite3"
    IngestDocuments(SqliteFtsDocumentStore(Database(database)), default_reader()).execute(
        IngestDocumentsInput(sample_documents)
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    env.update(BOTK_DATABASE=str(database), PORT=str(port))
    process = subprocess.Popen(
        [sys.executable, "-m", "botk_web.cli", "serve"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
