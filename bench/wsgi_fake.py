"""BOTK's app behind a fake gateway, served by a real gunicorn process for the load benchmarks.

gunicorn loads ``wsgi_fake:build()``; the environment picks the gateway:
``BENCH_GATEWAY=latency:0.2`` (a model step that takes 200 ms) or
``BENCH_GATEWAY=openai:<base_url>`` (the Responses gateway against a fake
upstream), and ``BENCH_DB`` the SQLite file.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PRODUCTION_CONF = ROOT / "deploy" / "gunicorn.conf.py"
# Until deploy/gunicorn.conf.py lands: threaded workers, enough threads for 64 clients.
FALLBACK_BOTK = ["--worker-class", "gthread", "--workers", "2", "--threads", "32", "--timeout", "120"]
SEED = ["--worker-class", "sync", "--workers", "4", "--timeout", "120"]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from botk_core.model import GatewayEvent, ModelReply, ModelRequest, ReplyDone, TextDelta  # noqa: E402


class LatencyGateway:
    """A model step that takes ``seconds`` and then answers a fixed text (no tool calls)."""

    name = "latency"
    model = "fake"

    def __init__(self, seconds: float, text: str = "Respuesta de prueba del benchmark.") -> None:
        self.seconds = seconds
        self.text = text

    def reply(self, request: ModelRequest) -> ModelReply:
        if self.seconds:
            time.sleep(self.seconds)
        return ModelReply(text=self.text)

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        reply = self.reply(request)
        for word in re.findall(r"\S+\s*", reply.text):
            yield TextDelta(word)
        yield ReplyDone(reply)


def gateway_from(spec: str) -> Any:
    """``latency:<seconds>`` or ``openai:<base_url>``."""
    kind, _, value = spec.partition(":")
    if kind == "latency":
        return LatencyGateway(float(value))
    from botk_adapters.openai import OpenAIConfig, OpenAIResponsesGateway, make_client

    client = make_client(OpenAIConfig(api_key="sk-bench", base_url=value, timeout=30, max_retries=0))
    return OpenAIResponsesGateway(client, "gpt-4o")


def build(db: str | None = None, gateway: str | None = None, database_url: str | None = None) -> Any:
    """The WSGI app gunicorn serves; the arguments default to BENCH_DB, BENCH_GATEWAY and
    BENCH_DATABASE_URL (PostgreSQL instead of the SQLite file when set)."""
    from botk_web.app import create_app
    from botk_web.settings import Settings

    environ = {
        "BOTK_DATABASE": db or os.environ["BENCH_DB"],
        "BOTK_DATABASE_URL": database_url or os.environ.get("BENCH_DATABASE_URL", ""),
        # All clients come from 127.0.0.1: the per-client limiter still runs (its cost
        # is measured) but with a ceiling no benchmark reaches.
        "BOTK_RATE_LIMIT": "10000000",
        "BOTK_RATE_LIMIT_BURST": "10000000",
        # One thread takes thousands of turns in a run: no per-thread message quota.
        "BOTK_MAX_THREAD_MESSAGES": "0",
    }
    settings = Settings.from_env(environ, dotenv_path=None)
    return create_app(settings, gateway=gateway_from(gateway or os.environ.get("BENCH_GATEWAY", "latency:0")))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def botk_options(env: dict[str, str] | None = None) -> tuple[list[str], str]:
    """BOTK's production gunicorn options and where they come from (``env`` as given to Server)."""
    if PRODUCTION_CONF.is_file():
        from botk_web.settings import Settings

        sizes = Settings.from_env({**os.environ, **(env or {})}, dotenv_path=None)
        return [
            "-c",
            str(PRODUCTION_CONF),
        ], f"deploy/gunicorn.conf.py (gthread, {sizes.workers} workers x {sizes.threads} threads)"
    return FALLBACK_BOTK, "gthread, 2 workers x 32 threads (deploy/gunicorn.conf.py not found)"


class Server:
    """A gunicorn process serving ``wsgi_fake:build()`` on 127.0.0.1; a context manager."""

    def __init__(self, options: list[str], gateway: str, db: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, **(env or {}), "BENCH_GATEWAY": gateway, "BENCH_DB": str(db)}
        env["PYTHONPATH"] = f"{ROOT}:{BENCH}"
        env.pop("API_HASH", None)  # the benchmark measures turns, not auth
        command = [sys.executable, "-m", "gunicorn", *options, "-b", f"127.0.0.1:{self.port}"]
        command += ["--chdir", str(BENCH), "wsgi_fake:build()"]
        self._process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(ROOT)
        )

    @property
    def pid(self) -> int:
        return self._process.pid

    def workers(self) -> list[int]:
        """The pids of the master's worker processes."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.pid:
                pids.append(int(stat.parent.name))
        return pids

    def __enter__(self) -> Server:
        try:
            return self._wait_ready()
        except BaseException:
            self.__exit__()
            raise

    def _wait_ready(self) -> Server:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self._process.returncode}")
            try:
                if requests.get(self.url + "/dummy", timeout=5).ok:
                    time.sleep(0.5)  # let the other workers finish booting
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer within 30 s")

    def __exit__(self, *exc: object) -> None:
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
