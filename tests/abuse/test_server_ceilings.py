"""The whole hostile battery against real gunicorn (deploy/gunicorn.conf.py, the production app).

Every answer is under 500 and within 10 s, no worker's peak RSS (VmHWM) passes
300 MB, every log line is JSON with a request id, and what was acknowledged
before the battery (a conversation, the shared folder) is intact after it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, bootstrap
from tests.abuse import hostile_files as hostile
from tests.abuse.hostile_feed import Hostile
from tests.e2e.gunicorn_server import Server, start_gunicorn

pytestmark = pytest.mark.e2e

MAX_SECONDS = 10.0
MAX_RSS_KB = 300 * 1024
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("ceilings")
    shared = root / "compartidos"
    shared.mkdir()
    (shared / "manual.md").write_text(
        "# Manual\n\nLa luz roja indica una falla del sensor.\n", encoding="utf-8"
    )
    ingest = bootstrap(Settings(database_path=str(root / "botk.sqlite3"))).document_use_cases.ingest
    ingest.execute(IngestDocumentsInput(shared))
    running = start_gunicorn(
        root, app="botk_web.wsgi:app", BOTK_WORKERS="1", BOTK_DOCUMENTS_DIR=str(shared), BOTK_RATE_LIMIT="0"
    )
    yield running
    running.stop()


def workers(server: Server) -> list[int]:
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def upload(name: str, data: bytes, **headers: str) -> Callable[[str], requests.Response]:
    def send(url: str) -> requests.Response:
        files = {"files": (name, data)}
        return requests.post(url + "/documents", files=files, headers=headers, timeout=60)

    return send


def post_json(path: str, body: str) -> Callable[[str], requests.Response]:
    def send(url: str) -> requests.Response:
        headers = {"Content-Type": "application/json"}
        return requests.post(url + path, data=body, headers=headers, timeout=60)

    return send


def get(path: str) -> Callable[[str], requests.Response]:
    return lambda url: requests.get(url + path, timeout=60)


BATTERY: list[tuple[str, Callable[[str], requests.Response], set[int]]] = [
    ("zip bomb in a media entry", upload("bomba.docx", hostile.zip_bomb(megabytes=1500)), {413}),
    ("zip bomb in .rels", upload("rels.docx", hostile.zip_bomb("word/_rels/document.xml.rels", 200)), {413}),
    ("zip with a lying header", upload("mentira.docx", hostile.lying_zip(64)), {400}),
    ("80,000-page PDF", upload("paginas.pdf", hostile.many_pages_pdf(80_000)), {413}),
    ("80,000 pages, /Count says 1", upload("cuenta.pdf", hostile.many_pages_pdf(80_000, 1)), {413}),
    ("a page of 3M operators", upload("pesada.pdf", hostile.heavy_page_pdf()), {413}),
    ("14 MB of text", upload("grande.txt", hostile.text_file(14)), {413}),
    ("3.5 MB of text", upload("mediano.txt", hostile.text_file(3.5)), {201}),
    ("a dense but legal docx", upload("denso.docx", hostile.dense_docx(1.5)), {201}),
    ("deep JSON to /chat", post_json("/chat", '{"thread_id": "t", "message": ' + DEEP + "}"), {400}),
    ("deep JSON to /chat/stream", post_json("/chat/stream", DEEP), {400}),
    ("5,000-digit number to /compile", post_json("/compile", '{"thread_id": ' + "7" * 5000 + "}"), {400}),
    ("5M empty objects to /chat", post_json("/chat", '{"x": [' + "{}," * 5_000_000 + "{}]}"), {400, 413}),
    (
        "16 MB form of tiny fields",
        lambda url: requests.post(
            url + "/chat",
            data="a=1&" * 4_000_000,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=60,
        ),
        {400, 413},
    ),
    ("a 6,000-character URL", get("/search?q=" + "a" * 6000), {414}),
    ("a 9,000-character URL", get("/search?q=" + "a" * 9000), {414}),
    ("PUT to /chat", lambda url: requests.put(url + "/chat", timeout=10), {405}),
    ("cross-site form post", upload("ajeno.txt", b"texto ajeno", Origin="https://evil.example"), {403}),
    ("forged shared document", upload("manual.md", b"# Manual\n\nLa luz roja: todo bien.\n"), {409}),
]


def test_no_hostile_request_costs_a_5xx_10_seconds_or_300_mb(server: Server) -> None:
    thread_id = requests.get(server.url + "/start", timeout=10).json()["thread_id"]
    chat = requests.post(server.url + "/chat", data={"thread_id": thread_id, "message": "hola"}, timeout=30)
    assert chat.status_code == 200
    documents_before = requests.get(server.url + "/documents", timeout=10).json()["data"]
    manual = next(d for d in documents_before if d["name"] == "manual.md")

    problems = []
    for name, send, expected in BATTERY:
        started = time.monotonic()
        response = send(server.url)
        seconds = time.monotonic() - started
        json_body = response.headers.get("Content-Type", "").startswith("application/json")
        if response.status_code not in expected or seconds > MAX_SECONDS or not json_body:
            problems.append((name, response.status_code, round(seconds, 1), response.text[:200]))
    delete = requests.delete(f"{server.url}/documents/{manual['id']}", timeout=10)
    assert delete.status_code == 403
    assert problems == []
    assert all(peak_rss_kb(pid) < MAX_RSS_KB for pid in workers(server)), [
        peak_rss_kb(pid) // 1024 for pid in workers(server)
    ]

    history = requests.get(server.url + "/threadHistory", params={"thread_id": thread_id}, timeout=10).json()
    assert [m["role"] for m in history["data"]] == ["user", "assistant"]
    after = {
        d["name"]: d["content_hash"]
        for d in requests.get(server.url + "/documents", timeout=10).json()["data"]
    }
    assert after["manual.md"] == manual["content_hash"]
    assert {"mediano.txt", "denso.docx"} <= set(after)


def test_every_log_line_is_json_with_a_request_id(server: Server) -> None:
    requests.get(server.url + "/listAssistants", headers={"X-Request-ID": "abuso-1"}, timeout=10)
    time.sleep(0.2)
    lines = [line for line in server.log.read_text(errors="replace").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # a non-JSON line fails here
    assert all({"time", "level", "logger"} <= set(r) for r in records)
    access = [r for r in records if r["logger"] == "botk.access"]
    assert access and all(r["request_id"] for r in access)
    assert any(r["request_id"] == "abuso-1" and r["route"] == "/listAssistants" for r in access)
    assert "a" * 500 not in server.log.read_text()  # no full query strings


def test_a_hostile_sensor_feed_cannot_swell_a_serving_worker(tmp_path: Path) -> None:
    feed = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    feed.daemon_threads = True
    threading.Thread(target=feed.serve_forever, daemon=True).start()
    running = start_gunicorn(
        tmp_path,
        app="botk_web.wsgi:app",
        BOTK_WORKERS="1",
        SENSOR_DATA_URL=f"http://127.0.0.1:{feed.server_address[1]}/endless",
        SENSOR_REFRESH_MINUTES="1",
    )
    try:
        deadline = time.monotonic() + 30
        while "sensor refresh failed" not in running.log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        failure = [
            json.loads(line) for line in running.log.read_text().splitlines() if "sensor refresh" in line
        ]
        assert failure and "BOTK_SENSOR_MAX_BYTES" in failure[0]["message"]
        assert all(peak_rss_kb(pid) < MAX_RSS_KB for pid in workers(running))
        assert requests.get(running.url + "/health", timeout=5).status_code == 200
    finally:
        running.stop()
        feed.shutdown()
