"""The report routes: /readTextFile and /compile, and /threads/<id>/report.{tex,pdf}."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.weather import FakeWeather
from botk_adapters.reports import FilesystemReportStore
from botk_web import Settings, create_app


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "reports"))
    reports = FilesystemReportStore(tmp_path / "reports", engine="botk-no-such-tex-engine")
    return create_app(settings, weather=FakeWeather(), reports=reports).test_client()


def new_thread(client: FlaskClient) -> str:
    return str(client.get("/start").get_json()["thread_id"])


def test_a_thread_without_report_reads_empty_like_the_original_api(client: FlaskClient) -> None:
    thread_id = new_thread(client)
    assert client.get("/readTextFile", query_string={"thread_id": thread_id}).get_json() == {"response": ""}
    missing = client.get(f"/threads/{thread_id}/report.tex")
    assert missing.status_code == 404 and "todavía no tiene informe" in missing.get_json()["error"]


@pytest.mark.parametrize("bad", ["../../etc/passwd", "thread_" + "0" * 32, "..%2F..%2Fetc"])
def test_unknown_or_malicious_thread_ids_are_404(client: FlaskClient, bad: str) -> None:
    response = client.get("/readTextFile", query_string={"thread_id": bad})
    assert response.status_code == 404 and response.get_json()["code"] == "thread_not_found"
    assert client.post("/compile", json={"thread_id": bad}).status_code == 404


def test_missing_thread_id_is_400(client: FlaskClient) -> None:
    assert client.get("/readTextFile").status_code == 400
    assert client.post("/compile", json={}).get_json()["error"] == "Falta thread_id."


def test_pdf_without_a_tex_engine_is_a_clear_501(client: FlaskClient) -> None:
    thread_id = new_thread(client)
    client.post("/chat", data={"thread_id": thread_id, "message": "pon como título: 50% & $100"})
    tex = client.get(f"/threads/{thread_id}/report.tex")
    assert tex.status_code == 200 and "50\\% \\& \\$100" in tex.get_data(as_text=True)
    for response in (
        client.get(f"/threads/{thread_id}/report.pdf"),
        client.post("/compile", json={"thread_id": thread_id}),
    ):
        assert response.status_code == 501
        assert response.get_json()["code"] == "not_supported" and "pdflatex" in response.get_json()["error"]


def test_a_report_that_does_not_compile_is_a_clear_422(tmp_path: Path) -> None:
    engine = tmp_path / "failing-tex"
    engine.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    engine.chmod(0o755)
    settings = Settings(database_path=str(tmp_path / "c.sqlite3"), reports_dir=str(tmp_path / "reports"))
    reports = FilesystemReportStore(tmp_path / "reports", engine=str(engine))
    client = create_app(settings, weather=FakeWeather(), reports=reports).test_client()
    thread_id = new_thread(client)
    reports.replace_section(thread_id, "TITLE", "Informe Macaya")

    response = client.get(f"/threads/{thread_id}/report.pdf")

    assert response.status_code == 422
    assert response.get_json()["code"] == "report_compilation_failed"
