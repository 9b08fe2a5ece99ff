"""GET /stations, /stations/<name>/readings and /stations/<name>/chart.svg."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from flask.testing import FlaskClient

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.weather import FakeWeather
from botk_web import Settings, create_app
from tests.tools.helpers import NOW, week

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    readings = week(start_level=1.6, cm_per_day=-5.0)
    readings[100] = attrs.evolve(readings[100], nivel=0.0)  # a drop that returns at once
    old = week(start_level=1.4, cm_per_day=0.0, station="Cau-Cau", first_id=5000, hours_ago=400 * 24)
    settings = Settings(
        database_path=str(tmp_path / "b.sqlite3"),
        reports_dir=str(tmp_path / "r"),
        stations="Iquiuca; Cau-Cau: nivel_bajo=0.8; Pulcha",
    )
    repo = InMemoryMeasurementRepository([*readings, *old])
    return create_app(settings, measurements=repo, weather=FakeWeather(), clock=lambda: NOW).test_client()


def test_stations_list_each_with_its_latest_valid_values_age_and_status(client: FlaskClient) -> None:
    body = client.get("/stations").get_json()
    by_name = {s["name"]: s for s in body["data"]}
    assert list(by_name) == ["Iquiuca", "Cau-Cau", "Pulcha"]
    iquiuca = by_name["Iquiuca"]
    assert iquiuca["status"] == "ok" and iquiuca["latest"]["level_m"] == pytest.approx(1.25, abs=0.002)
    assert iquiuca["age"] == "hace 30 minutos, el 15 de enero de 2026 a las 11:30"
    assert iquiuca["thresholds"] == {"low_level_m": 1.0, "low_humidity_pct": 30.0}
    assert by_name["Cau-Cau"]["status"] == "stale" and by_name["Cau-Cau"]["age"].startswith("hace 1 año")
    assert by_name["Pulcha"] == {**by_name["Pulcha"], "status": "no_data", "latest": None, "readings": 0}


def test_readings_are_downsampled_means_of_valid_values(client: FlaskClient) -> None:
    body = client.get("/stations/iquiuca/readings?every=1d").get_json()
    assert body["station"] == "Iquiuca" and body["every_seconds"] == 86_400
    points = body["points"]
    assert 7 <= len(points) <= 8 and sum(p["n"] for p in points) == 337
    assert all(p["level_m"] > 1.2 for p in points)  # the 0.0 drop is left out
    hourly = client.get(
        "/stations/Iquiuca/readings", query_string={"from": "2026-01-14", "to": "2026-01-14T23:59"}
    )
    assert hourly.status_code == 200 and len(hourly.get_json()["points"]) == 24
    assert hourly.get_json()["from"] == "2026-01-14T00:00-03:00"


def test_a_long_window_is_bounded_in_points(client: FlaskClient) -> None:
    body = client.get("/stations/Iquiuca/readings?from=2025-02-01&to=2026-01-15&every=1m").get_json()
    assert body["every_seconds"] >= (348 * 86_400) // 2000 and len(body["points"]) <= 2000


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=ayer", "from debe ser una fecha ISO 8601"),
        ("every=rápido", "every debe ser un intervalo"),
        ("every=10s", "al menos 60 segundos"),
        ("from=2026-01-15&to=2026-01-14", "from debe ser anterior a to"),
        ("from=2020-01-01&to=2026-01-01", "supera 366 días"),
    ],
)
def test_bad_parameters_are_a_clear_400(client: FlaskClient, query: str, message: str) -> None:
    response = client.get(f"/stations/Iquiuca/readings?{query}")
    assert response.status_code == 400
    assert message in response.get_json()["error"] and response.get_json()["code"] == "invalid_input"


@pytest.mark.parametrize("path", ["/stations/Atlantis/readings", "/stations/Atlantis/chart.svg"])
def test_an_unknown_station_is_a_404_with_the_known_ones(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    body = response.get_json()
    assert body["code"] == "station_not_found" and body["known"] == ["Iquiuca", "Cau-Cau", "Pulcha"]


def test_the_chart_is_a_small_accessible_svg_with_the_threshold(client: FlaskClient) -> None:
    response = client.get("/stations/Iquiuca/chart.svg?days=7")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert len(response.data) < 30_000
    svg = ET.fromstring(response.data)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "title desc"
    assert svg.find(f"{SVG}title").text == "Nivel del estanque de Iquiuca, los últimos 7 días"
    description = svg.find(f"{SVG}desc").text
    assert "entre 1,25 m y 1,60 m" in description and "umbral bajo 1,0 m" in description
    assert svg.findall(f"{SVG}polyline") and svg.find(f"{SVG}line").get("stroke-dasharray")
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "umbral 1,0 m" in texts


def test_the_chart_of_old_data_shows_its_last_days_and_says_so(client: FlaskClient) -> None:
    svg = ET.fromstring(client.get("/stations/Cau-Cau/chart.svg").data)
    assert svg.find(f"{SVG}title").text.startswith(
        "Nivel del estanque de Cau-Cau, los últimos 7 días con datos, del "
    )
    empty = ET.fromstring(client.get("/stations/Pulcha/chart.svg").data)
    assert "No hay lecturas válidas de nivel de Pulcha" in empty.find(f"{SVG}desc").text


@pytest.mark.parametrize("days", ["0", "400", "siete"])
def test_bad_chart_days_are_a_400(client: FlaskClient, days: str) -> None:
    response = client.get(f"/stations/Iquiuca/chart.svg?days={days}")
    assert response.status_code == 400 and "days debe ser" in response.get_json()["error"]
