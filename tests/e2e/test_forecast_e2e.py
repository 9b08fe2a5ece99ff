"""A real ``botk serve`` with a local fake Open-Meteo (``BOTK_OPENMETEO_URL``): rain and a normal level
give "Condición normal" through /chat."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.e2e.conftest import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
HOUR = 3600


class FakeOpenMeteo(BaseHTTPRequestHandler):
    """Open-Meteo's two endpoints, as BOTK calls them: a place lookup and a rainy 3-day forecast."""

    calls: ClassVar[list[tuple[str, dict[str, list[str]]]]] = []

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        type(self).calls.append((url.path, query))
        if url.path == "/v1/search":
            self._json({"results": [{"name": query["name"][0], "latitude": -20.0, "longitude": -69.3}]})
        elif url.path == "/v1/forecast":
            self._json(
                {
                    "current": {
                        "temperature_2m": 24.0,
                        "relative_humidity_2m": 45,
                        "is_day": 1,
                        "weather_code": 61,
                    },
                    "daily": {
                        "time": ["2026-02-01", "2026-02-02", "2026-02-03"],
                        "temperature_2m_max": [25.0, 24.0, 26.0],
                        "temperature_2m_min": [12.0, 13.0, 12.0],
                        "temperature_2m_mean": [18.0, 18.5, 19.0],
                        "precipitation_probability_max": [80, 65, 10],
                    },
                }
            )
        else:
            self.send_error(404)

    def _json(self, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def forecast() -> Iterator[str]:
    FakeOpenMeteo.calls = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenMeteo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _steady_day(now: float) -> dict[str, Any]:
    """A day of a normal, steady level (1.5 m, humidity 45 %) up to a few minutes ago."""
    records = [
        {"idDato": i, "estacion": "Iquiuca", "location": "Estanque", "timestamp": int(now - (96 - i) * 900),
         "nivel": 1.5 + 0.001 * (-1) ** i, "humedad": 45.0 + (i % 3), "temperatura": 24.0 + (i % 5)}
        for i in range(96)
    ]  # fmt: skip
    return {"data": records}


def test_rain_and_a_normal_level_is_a_normal_condition_through_a_real_server(
    tmp_path: Path, forecast: str
) -> None:
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    port = free_port()
    env.update(
        BOTK_DATABASE=str(tmp_path / "botk.sqlite3"), PORT=str(port), BOTK_OPENMETEO_URL=forecast,
        BOTK_DOCUMENTS_DIR=str(tmp_path / "documentos"), PYTHONPATH=str(ROOT),
    )  # fmt: skip
    (tmp_path / "lecturas.json").write_text(json.dumps(_steady_day(time.time())), encoding="utf-8")
    cli = [sys.executable, "-m", "botk_web.cli"]
    imported = subprocess.run(
        [*cli, "sensors", "import", "lecturas.json"], cwd=tmp_path, env=env, capture_output=True, timeout=60
    )
    assert imported.returncode == 0, imported.stderr.decode()
    server = subprocess.Popen(
        [*cli, "serve"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        thread = requests.get(url + "/start", timeout=5).json()["thread_id"]
        reply = requests.post(
            url + "/chat", data={"thread_id": thread, "message": "¿cómo están los estanques?"}, timeout=30
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert reply.status_code == 200, reply.text
    answer = reply.json()["response"]
    assert answer.startswith("Diagnóstico hídrico de Iquiuca: Condición normal. Recomendación: uso normal")
    assert "se espera lluvia en 2 de los próximos 3 días" in answer
    assert "Pronóstico en Mamiña: 2 de 3 días con lluvia probable" in answer
    assert [path for path, _ in FakeOpenMeteo.calls] == ["/v1/search", "/v1/forecast"]
    assert FakeOpenMeteo.calls[0][1]["name"] == ["Mamiña"]
