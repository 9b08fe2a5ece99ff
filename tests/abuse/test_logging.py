"""Logs operators can read: one JSON object per line, with time, level, logger and request id."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import logging
    from botk_web import Settings, create_app
    from botk_web.logging_config import configure_logging

    configure_logging("{level}")
    app = create_app(Settings(database_path="db.sqlite3", reports_dir="reports"))

    @app.get("/boom")
    def boom():
        logging.getLogger("botk.test").info("antes del fallo")
        raise RuntimeError("linea uno\\nlinea dos")

    client = app.test_client()
    # Closed as a WSGI server closes every response once it is sent.
    client.get("/boom", headers={{"X-Request-ID": "req-abc"}}).close()
    client.get("/search?q=texto+secreto+de+busqueda").close()
    logging.getLogger("werkzeug").info('127.0.0.1 - - "GET /search?q=texto+secreto HTTP/1.1" 200 -')
    import threading, warnings
    warnings.warn("aviso de prueba")
    worker = threading.Thread(target=lambda: 1 / 0, name="hilo-roto")
    worker.start()
    worker.join()
    """
)


def _run(tmp_path: Path, level: str) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(level=level)],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stderr.splitlines()]  # every line is JSON


def test_every_line_is_json_with_the_request_id_and_a_traceback_stays_in_its_line(tmp_path: Path) -> None:
    lines = _run(tmp_path, "INFO")
    info = next(line for line in lines if line.get("message") == "antes del fallo")
    assert info["request_id"] == "req-abc" and info["level"] == "INFO" and info["logger"] == "botk.test"
    assert str(info["time"]).startswith("20")
    failure = next(line for line in lines if line.get("message") == "unhandled error")
    assert failure["request_id"] == "req-abc" and "RuntimeError" in str(failure["exc_info"])
    access = [line for line in lines if line["logger"] == "botk.access"]
    assert [a["status"] for a in access] == [500, 200]
    assert access[0]["request_id"] == "req-abc" and access[0]["route"] == "/boom"
    assert "secreto" not in json.dumps(lines)  # neither the access line nor werkzeug's
    warning = next(line for line in lines if "aviso de prueba" in str(line.get("message")))
    assert warning["request_id"] is None  # logged after the requests ended: no stale id
    crash = next(line for line in lines if "hilo-roto" in str(line.get("message")))
    assert "ZeroDivisionError" in str(crash["exc_info"])


def test_the_level_is_honoured(tmp_path: Path) -> None:
    lines = _run(tmp_path, "ERROR")
    assert lines and all(line["level"] in ("ERROR", "CRITICAL") for line in lines)
