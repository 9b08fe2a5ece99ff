"""Importing sensor readings: the original API BOTK's JSON, CSV, URLs, bad records, synthetic data."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from botk_adapters.sensors import PeriodicImport, load_records, parse_records, synthetic_readings
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_core.errors import InvalidInput, NotFound, UpstreamUnavailable
from botk_core.usecases.import_measurements import (
    ImportMeasurements,
    ImportMeasurementsInput,
    ImportSummary,
    load_synthetic_if_empty,
)
from botk_web import Settings, bootstrap
from botk_web.cli import main
from botk_web.sensor_refresh import sensor_import_job

RECORDS = [
    {"idDato": 101, "estacion": "Iquiuca", "location": "Estanque", "dispositivo": "a84041000181c7a1",
     "timestamp": 1767225600, "bateria": "3.61", "humedad": "41.5", "nivel": "1.52", "temperatura": 26.9},
    {"idDato": "102", "estacion": "Iquiuca", "location": "Estanque", "dispositivo": "a84041000181c7a1",
     "timestamp": "1767225780", "bateria": None, "humedad": None, "nivel": "1,49", "temperatura": ""},
    {"idDato": 103, "estacion": "", "timestamp": 1767225900},
    {"idDato": 104, "estacion": "Iquiuca", "timestamp": 1767225900, "nivel": "abc"},
    {"idDato": 105, "estacion": "Iquiuca", "timestamp": 1767225900000},
    {"estacion": "Iquiuca", "timestamp": 1767225900},
    "not a record",
]  # fmt: skip


def test_records_with_strings_and_nulls_parse_and_bad_ones_are_skipped_with_reasons() -> None:
    readings, rejected = parse_records(RECORDS)
    assert [r.id_dato for r in readings] == [101, 102]
    assert (readings[0].nivel, readings[0].bateria, readings[1].nivel, readings[1].temperatura) == (
        1.52, 3.61, 1.49, None
    )  # fmt: skip
    assert [(r.position, r.reason) for r in rejected] == [
        (3, "falta estacion"),
        (4, "nivel no es un número: 'abc'"),
        (5, "timestamp fuera de rango (se esperan segundos unix): 1767225900000"),
        (6, "falta idDato"),
        (7, "el registro no es un objeto"),
    ]


def test_json_and_csv_files_give_the_same_records(tmp_path: Path) -> None:
    (tmp_path / "d.json").write_text(json.dumps({"data": RECORDS[:2]}), encoding="utf-8")
    (tmp_path / "d.csv").write_text(
        "idDato;estacion;location;dispositivo;timestamp;bateria;humedad;nivel;temperatura\n"
        "101;Iquiuca;Estanque;a84041000181c7a1;1767225600;3.61;41.5;1.52;26.9\n"
        "102;Iquiuca;Estanque;a84041000181c7a1;1767225780;;;1,49;\n",
        encoding="utf-8",
    )
    from_json = parse_records(load_records(str(tmp_path / "d.json")))
    from_csv = parse_records(load_records(str(tmp_path / "d.csv")))
    assert from_json == from_csv and len(from_json[0]) == 2


def test_unreadable_sources_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        load_records(str(tmp_path / "missing.json"))
    (tmp_path / "bad.json").write_text('{"rows": []}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="data"):
        load_records(str(tmp_path / "bad.json"))


@pytest.fixture
def sensor_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = json.dumps({"data": RECORDS}).encode() if self.path == "/datos" else b"{}"
            self.send_response(200 if self.path == "/datos" else 500)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_records_come_from_a_url(sensor_server: str) -> None:
    assert len(load_records(f"{sensor_server}/datos")) == len(RECORDS)
    with pytest.raises(UpstreamUnavailable, match="error 500"):
        load_records(f"{sensor_server}/otra")


def test_real_readings_replace_synthetic_ones_and_upsert_by_id(tmp_path: Path) -> None:
    repo = SqliteMeasurementRepository(tmp_path / "b.sqlite3")
    assert load_synthetic_if_empty(repo, lambda: synthetic_readings(1767225600.0, days=30)) > 100
    assert load_synthetic_if_empty(repo, lambda: synthetic_readings(1767225600.0)) == 0
    readings, rejected = parse_records(RECORDS)
    progress: list[tuple[int, int]] = []
    use_case = ImportMeasurements(repo, batch_size=1)
    first = use_case.execute(
        ImportMeasurementsInput(readings, rejected, lambda d, t: progress.append((d, t)))
    )
    assert (first.received, first.imported, first.new, len(first.rejected)) == (7, 2, 2, 5)
    assert first.removed_synthetic > 100 and not repo.has_synthetic() and repo.count() == 2
    assert progress == [(1, 2), (2, 2)]
    again = use_case.execute(ImportMeasurementsInput(readings))
    assert (again.new, again.removed_synthetic, repo.count()) == (0, 0, 2)


def test_an_import_with_no_valid_readings_keeps_the_synthetic_data(tmp_path: Path) -> None:
    repo = SqliteMeasurementRepository(tmp_path / "b.sqlite3")
    load_synthetic_if_empty(repo, lambda: synthetic_readings(1767225600.0, days=2))
    ImportMeasurements(repo).execute(ImportMeasurementsInput([], parse_records(RECORDS[2:])[1]))
    assert repo.has_synthetic()


def test_synthetic_readings_are_plausible_and_marked() -> None:
    readings = synthetic_readings(1767225600.0)
    assert all(r.synthetic and r.id_dato < 0 and r.dispositivo == "SINTETICO" for r in readings)
    assert len({r.id_dato for r in readings}) == len(readings)
    levels = [r.nivel for r in readings if r.nivel is not None]
    assert 1.2 < sum(levels) / len(levels) < 1.8


def test_cli_import_prints_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "cli.sqlite3"))
    (tmp_path / "d.json").write_text(json.dumps({"data": RECORDS}), encoding="utf-8")
    assert main(["sensors", "import", "d.json"]) == 0
    out = capsys.readouterr().out
    assert (
        "Registros leídos: 7 · importados: 2 (nuevos: 2, actualizados: 0, sin cambios: 0) · omitidos: 5"
        in out
    )
    assert "Se borraron" in out and "✗ registro 4: nivel no es un número: 'abc'" in out
    assert main(["sensors", "status"]) == 0
    assert (
        capsys.readouterr()
        .out.strip()
        .startswith("Iquiuca: 2 lecturas; último nivel válido 1,49 m (último dato hace")
    )


def test_the_periodic_import_reads_the_url_and_survives_failures(sensor_server: str, tmp_path: Path) -> None:
    repo = SqliteMeasurementRepository(tmp_path / "b.sqlite3")

    def job(path: str) -> PeriodicImport:
        settings = Settings(sensor_data_url=f"{sensor_server}{path}", sensor_refresh_minutes=10)
        found = sensor_import_job(bootstrap(settings, measurements=repo))
        assert found is not None
        return found

    summary = job("/datos").run_once()
    assert summary is not None and summary.new == 2 and repo.count() == 2
    assert job("/otra").run_once() is None
    assert repo.count() == 2


def test_huge_ids_are_rejected_and_long_ids_keep_every_digit() -> None:
    base = {"estacion": "Iquiuca", "timestamp": 1767225600, "nivel": 1.5}
    records = [{**base, "idDato": 1e20}, {**base, "idDato": "9007199254740993"}, {**base, "idDato": -4}]
    readings, rejected = parse_records(records)
    assert [r.id_dato for r in readings] == [9007199254740993]
    assert [r.position for r in rejected] == [1, 3]
    assert all("fuera de rango" in r.reason for r in rejected)


def test_the_periodic_import_survives_a_failing_run() -> None:
    calls: list[int] = []

    def failing_run() -> ImportSummary:
        calls.append(1)
        raise OverflowError("boom")

    job = PeriodicImport(failing_run, every_seconds=0.01)
    job.start()
    deadline = time.monotonic() + 5
    while len(calls) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    job.stop()
    assert len(calls) >= 3
