"""``botk serve`` (werkzeug): JSON for the refusals of its HTTP layer, and a log without query strings."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import free_port, wait_until_up

pytestmark = pytest.mark.e2e


def test_the_dev_server_answers_json_and_logs_no_search_text(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    env.update(BOTK_DATABASE=str(tmp_path / "botk.sqlite3"), PORT=str(port), BOTK_SYNTHETIC_DATA="no")
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "botk_web.cli", "serve"], cwd=tmp_path, env=env, stdout=out, stderr=out
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        assert requests.get(url + "/search", params={"q": "secreto del pozo"}, timeout=10).status_code == 200
        too_long = requests.get(url + "/search?q=" + "b" * 70_000, timeout=10)
        assert too_long.status_code == 414 and too_long.json()["code"] == "uri_too_long"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"c" * 70_000 + b"\r\n\r\n")
            answer = raw.recv(65536).decode("latin-1")
        assert "<html" not in answer.lower() and "<!doctype" not in answer.lower()
    finally:
        process.terminate()
        process.wait(timeout=10)
    text = log.read_text(errors="replace")
    assert "secreto" not in text and "bbbb" not in text
    for line in text.splitlines():
        if line.startswith("{"):
            json.loads(line)
