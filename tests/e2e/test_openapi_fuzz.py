"""schemathesis against a live gunicorn: no 5xx, and every response matches /openapi.json."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.gunicorn_server import start_gunicorn

pytestmark = [pytest.mark.e2e, pytest.mark.load]

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
# Bounded: a fixed seed keeps CI reproducible; set BOTK_FUZZ_SEED to explore further.
EXAMPLES = os.environ.get("BOTK_FUZZ_EXAMPLES", "25")
SEED = os.environ.get("BOTK_FUZZ_SEED", "1")


def test_fuzzing_the_live_api_finds_no_server_error_and_no_schema_violation(tmp_path: Path) -> None:
    server = start_gunicorn(tmp_path, app="botk_web.wsgi:app", API_HASH="fuzz-key", BOTK_RATE_LIMIT="0")
    try:
        result = subprocess.run(
            [
                SCHEMATHESIS,
                "run",
                server.url + "/openapi.json",
                "--checks",
                CHECKS,
                "-H",
                "Authorization: Bearer fuzz-key",
                "--max-examples",
                EXAMPLES,
                "--seed",
                SEED,
                # The coverage phase crashes inside hypothesis on Python 3.11 (an AST recursion SystemError).
                "--phases",
                "examples,fuzzing,stateful",
                "--workers",
                "4",
                "--request-timeout",
                "30",
                "--generation-database",
                "none",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
