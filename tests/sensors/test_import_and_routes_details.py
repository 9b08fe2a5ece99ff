"""The small things a committee or a front end notices: counts, names, grammar, times, intervals."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_adapters.sensors.legacy_db import load_readings
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_core.domain import Reading
from botk_core.errors import InvalidInput
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput
from botk_web import Settings, create_app
from botk_web.cli import main
from tests.sensors.field_data import readings_of, troubled
from tests.tools.helpers import DAY, NOW, reading, week


@pytest.mark.parametrize("repo_kind", ["memory", "sqlite"])
def test_one_station_however_its_name_is_spelled(tmp_path: Path, repo_kind: str) -> None:
    repo = (
        InMemoryMeasurementRepository()
        if repo_kind == "memory"
        else SqliteMeasurementRepository(tmp_path / "r.db")
    )
    spellings = ["iquiuca ", "IQUIUCA", "Iquiuca", "Iquiuca", "cau cau", "CAU-CAU"]
    readings = [reading(i, 10 - i, station=name) for i, name in enumerate(spellings, start=1)]
    ImportMeasurements(repo, known=["Cau-Cau"]).execute(ImportMeasurementsInput(readings))
    assert repo.stations() == ["Cau-Cau", "Iquiuca"]
    later = [reading(20, 0.5, station=" iquiuca")]
    ImportMeasurements(repo).execute(ImportMeasurementsInput(later))
    assert repo.stations() == ["Cau-Cau", "Iquiuca"] and repo.averages("Iquiuca").n == 5


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[1, 2, 3]", "es una lista de números, no de registros"),
        ('["a", "b"]', "es una lista de textos, no de registros"),
        ('{"data": [[1, 2]]}', "es una lista de listas, no de registros"),
    ],
)
def test_a_list_of_non_records_is_a_clear_error(tmp_path: Path, content: str, problem: str) -> None:
    source = tmp_path / "lecturas.json"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=problem):
        load_readings(str(source))


def test_missing_columns_are_named_in_the_plural(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE mediciones (timestamp INTEGER, nivel REAL)")
    conn.close()
    with pytest.raises(InvalidInput, match="no tiene las columnas idDato y estacion"):
        load_readings(str(path))


def test_a_folder_is_said_to_be_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    (tmp_path / "lecturas").mkdir()
    assert main(["sensors", "import", "lecturas"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Error: lecturas es una carpeta, no un archivo: indica el archivo de lecturas"
    )


def test_one_reading_is_one_lectura(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    record = {"idDato": 1, "estacion": "Iquiuca", "timestamp": NOW - 60, "nivel": 1.4}
    (tmp_path / "una.json").write_text(json.dumps({"data": [record]}), encoding="utf-8")
    assert main(["sensors", "import", "una.json"]) == 0
    out = capsys.readouterr().out
    assert "Iquiuca: 1 lectura, " in out and not re.search(r"\b1 lecturas", out)


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    readings = week(start_level=1.5, cm_per_day=0.0, every_hours=1.0)
    readings.append(reading(9000, 0.1, nivel=None, humedad=41.0))  # a newer humidity without a level
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    repo = InMemoryMeasurementRepository(readings)
    return create_app(settings, measurements=repo, weather=FakeWeather(), clock=lambda: NOW).test_client()


def test_the_latest_time_is_the_time_of_the_level_shown(client: FlaskClient) -> None:
    [station] = client.get("/stations").get_json()["data"]
    latest = station["latest"]
    assert latest["level_m"] == pytest.approx(1.5, abs=0.002)
    assert latest["time"] == "2026-01-15T11:30-03:00" == latest["times"]["level_m"]
    assert latest["times"]["humidity_pct"] == "2026-01-15T11:54-03:00"
    assert station["age"] == "hace 30 minutos, el 15 de enero de 2026 a las 11:30"


def test_daily_points_start_at_local_midnight(client: FlaskClient) -> None:
    points = client.get("/stations/Iquiuca/readings?every=1d").get_json()["points"]
    assert len(points) == 8 and all(p["time"].endswith("T00:00-03:00") for p in points)
    assert points[0]["time"] == "2026-01-08T00:00-03:00"


def test_daily_points_start_at_midnight_across_a_clock_change(tmp_path: Path) -> None:
    # Chile moved its clocks from -04 to -03 on 3 September 2023.
    start = 1693540800  # 1 September 2023, 00:00 -04
    readings = [reading_at(i, start + i * 3600) for i in range(6 * 24)]
    repo = InMemoryMeasurementRepository(readings)
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    app = create_app(settings, measurements=repo, weather=FakeWeather(), clock=lambda: start + 7 * DAY)
    body = (
        app.test_client().get("/stations/Iquiuca/readings?from=2023-09-01&to=2023-09-06&every=1d").get_json()
    )
    times = [p["time"] for p in body["points"]]
    assert times == [
        "2023-09-01T00:00-04:00", "2023-09-02T00:00-04:00", "2023-09-03T01:00-03:00",
        "2023-09-04T00:00-03:00", "2023-09-05T00:00-03:00", "2023-09-06T00:00-03:00",
    ]  # fmt: skip
    assert [p["n"] for p in body["points"]] == [24, 24, 23, 24, 24, 1]  # up to 6 September, 00:00


def reading_at(id_dato: int, timestamp: float) -> Reading:
    return reading(id_dato, (NOW - timestamp) / 3600, nivel=1.4)


def test_a_widened_interval_says_so(client: FlaskClient) -> None:
    body = client.get("/stations/Iquiuca/readings?from=2025-02-01&to=2026-01-15&every=1m").get_json()
    assert body["every_requested_seconds"] == 60 and body["every_seconds"] > 60
    assert body["note"] == f"every se amplió de 60 s a {body['every_seconds']} s para no pasar de 2000 puntos"
    plain = client.get("/stations/Iquiuca/readings?every=1h").get_json()
    assert plain["every_requested_seconds"] == 3600 and plain["note"] is None


def test_a_stuck_sensor_says_why_its_day_has_no_mean(tmp_path: Path) -> None:
    weather = FakeWeather({"Mamiña": sample_report("Mamiña", rain=(60.0, 10.0, 0.0))})
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    repo = InMemoryMeasurementRepository(readings_of(troubled(NOW)))
    client = create_app(settings, measurements=repo, weather=weather, clock=lambda: NOW).test_client()
    thread = client.get("/start").get_json()["thread_id"]
    answer = client.post("/chat", data={"thread_id": thread, "message": "¿cómo está Puquios?"}).get_json()
    assert (
        "nivel del estanque sin dato (dejé fuera 96 lecturas de nivel de un sensor pegado en un valor)"
        in answer["response"]
    )
