"""The MeasurementRepository contract, run against every adapter."""

from __future__ import annotations

import pytest

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.postgres.measurements import PostgresMeasurementRepository
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_core.domain import Reading
from botk_core.ports import MeasurementRepository


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def repo(request: pytest.FixtureRequest, tmp_path) -> MeasurementRepository:
    if request.param == "memory":
        return InMemoryMeasurementRepository()
    if request.param == "postgres":
        return PostgresMeasurementRepository(request.getfixturevalue("postgres_database"))
    return SqliteMeasurementRepository(tmp_path / "botk.sqlite3")


def reading(id_dato: int, ts: float, station: str = "Iquiuca", **values) -> Reading:
    return Reading(id_dato=id_dato, estacion=station, timestamp=ts, location="Estanque", **values)


def test_upsert_counts_new_readings_and_replaces_by_id(repo: MeasurementRepository) -> None:
    assert repo.upsert([reading(1, 100, nivel=1.0), reading(2, 200, nivel=2.0)]) == 2
    assert repo.upsert([reading(2, 200, nivel=3.0), reading(3, 300, nivel=4.0)]) == 1
    assert repo.count() == 3
    assert repo.averages("Iquiuca").nivel == pytest.approx((1.0 + 3.0 + 4.0) / 3)


def test_latest_is_the_newest_reading_of_the_station(repo: MeasurementRepository) -> None:
    repo.upsert([reading(1, 300), reading(2, 100), reading(3, 900, station="Quipisca")])
    latest = repo.latest("Iquiuca")
    assert latest is not None and latest.id_dato == 1
    assert repo.latest("Macaya") is None
    assert repo.stations() == ["Iquiuca", "Quipisca"]


def test_averages_skip_nulls_and_respect_the_window(repo: MeasurementRepository) -> None:
    repo.upsert(
        [
            reading(1, 100, temperatura=10.0, humedad=None, nivel=1.0),
            reading(2, 200, temperatura=20.0, humedad=40.0, nivel=None),
            reading(3, 300, temperatura=30.0, humedad=50.0, nivel=2.0),
        ]
    )
    window = repo.averages("Iquiuca", since=200, until=300)
    assert (window.n, window.temperatura, window.humedad, window.nivel) == (2, 25.0, 45.0, 2.0)
    assert (window.first_timestamp, window.last_timestamp) == (200, 300)
    empty = repo.averages("Iquiuca", since=1000)
    assert (empty.n, empty.temperatura) == (0, None)


def test_readings_come_in_time_order_for_one_or_all_stations(repo: MeasurementRepository) -> None:
    repo.upsert([reading(1, 300), reading(2, 100, station="Quipisca"), reading(3, 200)])
    assert [r.id_dato for r in repo.readings(None)] == [2, 3, 1]
    assert [r.id_dato for r in repo.readings("Iquiuca", since=250)] == [1]


def test_synthetic_readings_are_flagged_and_removed_alone(repo: MeasurementRepository) -> None:
    repo.upsert([Reading(-1, "Iquiuca", 100, synthetic=True), reading(5, 200, bateria=3.7)])
    assert repo.has_synthetic()
    assert repo.remove_synthetic() == 1
    assert not repo.has_synthetic()
    [kept] = list(repo.readings(None))
    assert kept == reading(5, 200, bateria=3.7)
