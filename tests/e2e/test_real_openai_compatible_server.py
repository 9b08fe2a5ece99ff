"""BOTK_GATEWAY=openai-chat against a real OpenAI-compatible server: llama.cpp's llama-server.

The model is a tiny random-weights GGUF written at test time
(scripts/make_tiny_gguf.py): it speaks nonsense, but through the real server's
HTTP, templating, tool handling and streaming. Skipped when llama-server or the
``gguf`` package is missing; ``make e2e-real`` builds and installs them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import ROOT, free_port, wait_until_up

pytestmark = pytest.mark.e2e


def llama_server() -> str | None:
    """BOTK_LLAMA_SERVER, else llama-server on PATH or next to this Python."""
    candidates = [os.environ.get("BOTK_LLAMA_SERVER"), shutil.which("llama-server")]
    candidates.append(str(Path(sys.executable).parent / "llama-server"))
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="module", params=["--jinja", "--no-jinja"], ids=["jinja", "no-jinja"])
def upstream(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A llama-server on 127.0.0.1 serving the tiny model; yields its /v1 URL.

    Without --jinja, llama.cpp refuses any request with tools (HTTP 500).
    """
    binary = llama_server()
    if binary is None or importlib.util.find_spec("gguf") is None:
        missing = "llama-server or the gguf package is not installed (make e2e-real installs them)"
        # make e2e-real sets BOTK_E2E_REAL: there a skip would hide a broken setup.
        if os.environ.get("BOTK_E2E_REAL"):
            pytest.fail(missing)
        pytest.skip(missing)
    model = tmp_path_factory.mktemp("model") / "tiny.gguf"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_tiny_gguf.py"), str(model)], check=True)
    port = free_port()
    # -n bounds each answer: a random model seldom says its end token.
    command = [binary, "-m", str(model), "--host", "127.0.0.1", "--port", str(port), "-c", "2048"]
    command += ["-n", "24", "-t", "2", request.param]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_model(f"http://127.0.0.1:{port}", process)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for_model(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama-server exited with {process.returncode}")
        try:
            if requests.get(url + "/health", timeout=1).ok:  # 503 while the model loads
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError("llama-server did not load the model")


@pytest.fixture(params=["auto", "none"], ids=["tools", "no-tools"])
def botk(
    request: pytest.FixtureRequest, upstream: str, tmp_path: Path, sample_documents: Path
) -> Iterator[tuple[str, Path, bool]]:
    """``botk serve`` on openai-chat; yields its URL, its log file and whether tools must be refused."""
    database = tmp_path / "botk.sqlite3"
    ingest = [sys.executable, "-m", "botk_web.cli", "docs", "ingest", str(sample_documents)]
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    env.update(BOTK_DATABASE=str(database), BOTK_GATEWAY="openai-chat", OPENAI_BASE_URL=upstream)
    env.update(BOTK_MODEL="tiny", BOTK_CHAT_TOOLS=request.param, BOTK_OPENAI_TIMEOUT="60")
    subprocess.run(ingest, cwd=tmp_path, env=env, check=True, capture_output=True)
    port = free_port()
    env["PORT"] = str(port)
    log = tmp_path / "botk.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "botk_web.cli", "serve"], cwd=tmp_path, env=env, stderr=sink
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        refused = request.param == "auto" and request.node.callspec.params["upstream"] == "--no-jinja"
        yield url, log, refused
    finally:
        process.terminate()
        process.wait(timeout=10)


def streamed(url: str, thread_id: str, message: str) -> list[tuple[str, dict[str, object]]]:
    """The (event, data) pairs of one /chat/stream turn."""
    reply = requests.post(
        f"{url}/chat/stream", data={"thread_id": thread_id, "message": message}, stream=True, timeout=120
    )
    assert reply.status_code == 200, reply.text
    events: list[tuple[str, dict[str, object]]] = []
    for frame in reply.text.strip().split("\n\n"):
        name, data = frame.split("\n", 1)
        events.append((name.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return events


def test_start_chat_stream_and_history_work_end_to_end(botk: tuple[str, Path, bool]) -> None:
    url, log, tools_refused = botk
    started = requests.get(f"{url}/start", timeout=10).json()
    thread_id = started["thread_id"]

    answer = requests.post(
        f"{url}/chat", data={"thread_id": thread_id, "message": "¿Qué nivel tiene el pozo?"}, timeout=120
    )
    assert answer.status_code == 200, answer.text
    events = streamed(url, thread_id, "¿Y la luz roja del sensor?")

    names = [name for name, _ in events]
    assert "error" not in names and names[-1] == "done"
    done = events[-1][1]
    assert "".join(str(data["text"]) for name, data in events if name == "delta") in (done["response"], "")
    history = requests.get(f"{url}/threadHistory", params={"thread_id": thread_id}, timeout=10).json()
    assert [m["role"] for m in history["data"]] == ["user", "assistant", "user", "assistant"]
    said = [m["content"][0]["text"]["value"] for m in history["data"] if m["role"] == "assistant"]
    assert said == [answer.json()["response"], done["response"]]
    # Tools are given up for passages only where the real server refused them.
    assert ("no tool support" in log.read_text()) == tools_refused
