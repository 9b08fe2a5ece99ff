"""get_promedio and get_promedio_estacional over an in-memory repository."""

from __future__ import annotations

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_core.domain import Reading
from botk_core.tools.measurements import promedio_estacional_tool, promedio_tool
from tests.tools.helpers import NOW, reading, run


def repo_with(*readings: Reading) -> InMemoryMeasurementRepository:
    return InMemoryMeasurementRepository(list(readings))


def test_promedio_averages_all_readings_of_the_station_to_two_decimals() -> None:
    repo = repo_with(
        reading(1, 24 * 40, nivel=1.0, humedad=41.0, temperatura=20.0),
        reading(2, 1, nivel=2.0, humedad=40.0, temperatura=25.555),
        reading(3, 1, station="Quipisca", nivel=9.0),
    )
    output = run(promedio_tool(repo, clock=lambda: NOW), estacion="iquiuca")
    assert output["estacion"] == "Iquiuca"
    assert output["promedio"] == {"temperatura": 22.78, "humedad": 40.5, "nivel": 1.5}
    assert output["lecturas"] == 2 and output["unidades"]["nivel"] == "m"


def test_promedio_over_the_last_days_only() -> None:
    repo = repo_with(reading(1, 24 * 40, nivel=1.0), reading(2, 1, nivel=2.0))
    output = run(promedio_tool(repo, clock=lambda: NOW), estacion="Iquiuca", dias=7)
    assert output["promedio"]["nivel"] == 2.0 and output["lecturas"] == 1
    empty = run(promedio_tool(repo, clock=lambda: NOW + 24 * 3600 * 30), estacion="Iquiuca", dias=1)
    assert empty == {"error": "no hay lecturas de la estación Iquiuca en el último día"}


def test_promedio_names_the_known_stations_when_one_is_unknown() -> None:
    output = run(
        promedio_tool(repo_with(reading(1, 1), reading(2, 1, station="Quipisca"))), estacion="Macaya"
    )
    assert output == {
        "error": "no hay lecturas de la estación 'Macaya'. Estaciones con datos: Iquiuca, Quipisca"
    }


def test_bad_arguments_get_precise_errors() -> None:
    tool = promedio_tool(repo_with(reading(1, 1)))
    assert run(tool) == {"error": "invalid arguments: arguments.estacion is required"}
    assert run(tool, estacion="Iquiuca", dias=0) == {
        "error": "invalid arguments: arguments.dias must be >= 1"
    }


def test_estacional_groups_by_southern_season_for_all_stations() -> None:
    july = NOW - 24 * 3600 * 190  # mid-July 2025
    repo = repo_with(
        reading(1, 1, nivel=1.0),
        reading(2, 2, station="Quipisca", nivel=2.0),
        Reading(3, "Iquiuca", july, nivel=0.5, humedad=20.0, temperatura=10.0),
    )
    every = run(promedio_estacional_tool(repo))
    assert every["estacion"] == "todas"
    assert every["promedios"]["Verano"] == {"temperatura": 27.0, "humedad": 40.0, "nivel": 1.5, "n": 2}
    assert every["promedios"]["Invierno"]["n"] == 1
    one = run(promedio_estacional_tool(repo), estacion="Quipisca")
    assert list(one["promedios"]) == ["Verano"] and one["promedios"]["Verano"]["nivel"] == 2.0


def test_estacional_without_readings_is_an_error_and_synthetic_is_marked() -> None:
    assert "error" in run(promedio_estacional_tool(repo_with()))
    synthetic = repo_with(Reading(-1, "Iquiuca", NOW, nivel=1.2, synthetic=True))
    output = run(promedio_estacional_tool(synthetic))
    assert output["datos_sinteticos"] is True
    assert run(promedio_tool(synthetic), estacion="Iquiuca")["datos_sinteticos"] is True
