"""The MeasurementRepository contract, run against every adapter."""

from __future__ import annotations

import pytest

from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.postgres.measurements import PostgresMeasurementRepository
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_core.domain import MISSING, Flag, LeftOut, Reading
from botk_core.ports import MeasurementRepository

MINUTE = 60.0
T0 = 1_700_000_000.0


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def repo(request: pytest.FixtureRequest, tmp_path) -> MeasurementRepository:
    if request.param == "memory":
        return InMemoryMeasurementRepository()
    if request.param == "postgres":
        return PostgresMeasurementRepository(request.getfixturevalue("postgres_database"))
    return SqliteMeasurementRepository(tmp_path / "botk.sqlite3")


def reading(id_dato: int, ts: float, station: str = "Iquiuca", **values) -> Reading:
    return Reading(id_dato=id_dato, estacion=station, timestamp=ts, location="Estanque", **values)


def minutes(levels: list[float | None], start: int = 1, step: float = 3 * MINUTE) -> list[Reading]:
    """A station's readings ``step`` apart with these levels."""
    return [reading(start + i, T0 + i * step, nivel=v) for i, v in enumerate(levels)]


def test_upsert_counts_new_readings_and_replaces_by_id(repo: MeasurementRepository) -> None:
    assert repo.upsert([reading(1, 100, nivel=1.0), reading(2, 200, nivel=1.2)]) == 2
    assert repo.upsert([reading(2, 200, nivel=1.1), reading(3, 300, nivel=1.3)]) == 1
    assert repo.count() == 3
    assert repo.averages("Iquiuca").nivel == pytest.approx((1.0 + 1.1 + 1.3) / 3)


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
            reading(3, 300, temperatura=25.0, humedad=50.0, nivel=1.2),
        ]
    )
    window = repo.averages("Iquiuca", since=200, until=300)
    assert (window.n, window.temperatura, window.humedad, window.nivel) == (2, 22.5, 45.0, 1.2)
    assert (window.first_timestamp, window.last_timestamp) == (200, 300)
    assert window.left_out == (LeftOut("nivel", MISSING, 1),)
    empty = repo.averages("Iquiuca", since=1000)
    assert (empty.n, empty.temperatura, empty.left_out) == (0, None, ())


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


def test_a_spike_stays_stored_but_is_left_out_of_the_means(repo: MeasurementRepository) -> None:
    repo.upsert(minutes([1.40, 1.41, 0.0, 1.40, 1.42, 3.0, 1.41]))
    stored = list(repo.readings("Iquiuca"))
    assert [r.nivel for r in stored] == [1.40, 1.41, 0.0, 1.40, 1.42, 3.0, 1.41]
    assert [r.flags.nivel for r in stored] == [None, None, Flag.SPIKE, None, None, Flag.SPIKE, None]
    averages = repo.averages("Iquiuca")
    assert averages.nivel == pytest.approx((1.40 + 1.41 + 1.40 + 1.42 + 1.41) / 5)
    assert averages.left_out == (LeftOut("nivel", "pico_aislado", 2),)


def test_a_jump_at_the_end_waits_for_the_next_reading(repo: MeasurementRepository) -> None:
    repo.upsert(minutes([1.40, 1.41, 1.40, 0.0]))
    assert repo.latest("Iquiuca").flags.nivel is Flag.UNCONFIRMED  # type: ignore[union-attr]
    assert repo.latest_valid("Iquiuca", "nivel").nivel == 1.40  # type: ignore[union-attr]
    # Three readings near zero: longer than a glitch, the drop was real.
    repo.upsert([reading(5 + i, T0 + (12 + 3 * i) * MINUTE, nivel=0.01 * (i + 1)) for i in range(2)])
    assert [r.flags.nivel for r in repo.readings("Iquiuca")] == [None] * 6
    assert repo.latest_valid("Iquiuca", "nivel").nivel == 0.02  # type: ignore[union-attr]


def test_a_jump_that_returns_at_once_becomes_a_spike(repo: MeasurementRepository) -> None:
    repo.upsert(minutes([1.40, 1.41, 1.40, 0.0]))
    repo.upsert([reading(5, T0 + 12 * MINUTE, nivel=1.41)])
    assert [r.flags.nivel for r in repo.readings("Iquiuca")] == [None, None, None, Flag.SPIKE, None]


def test_values_out_of_physical_bounds_are_left_out(repo: MeasurementRepository) -> None:
    repo.upsert(
        [reading(1, 100, humedad=140.0, temperatura=25.0), reading(2, 4000, humedad=40.0, temperatura=-80.0)]
    )
    averages = repo.averages("Iquiuca")
    assert (averages.humedad, averages.temperatura) == (40.0, 25.0)
    assert LeftOut("humedad", "fuera_de_rango", 1) in averages.left_out
    assert LeftOut("temperatura", "fuera_de_rango", 1) in averages.left_out


def test_a_flat_sensor_is_left_out_but_an_empty_tank_is_not(repo: MeasurementRepository) -> None:
    hour = 3600.0
    stuck = [reading(i, i * hour, temperatura=21.5, nivel=0.0) for i in range(1, 31)]  # 29 h the same
    repo.upsert([*stuck, reading(40, 31 * hour, temperatura=24.0, nivel=0.02)])
    flags = [(r.flags.temperatura, r.flags.nivel) for r in repo.readings("Iquiuca")]
    assert flags[:30] == [(Flag.FLAT, None)] * 30
    assert flags[30] == (None, None)
    assert repo.averages("Iquiuca").nivel == pytest.approx(0.02 / 31)


def test_latest_valid_skips_missing_and_flagged_values(repo: MeasurementRepository) -> None:
    repo.upsert([*minutes([1.40, 1.41]), reading(3, T0 + 6 * MINUTE, nivel=None, humedad=30.0)])
    assert repo.latest_valid("Iquiuca", "nivel").id_dato == 2  # type: ignore[union-attr]
    assert repo.latest_valid("Iquiuca", "humedad").id_dato == 3  # type: ignore[union-attr]
    assert repo.latest_valid("Quipisca", "nivel") is None
    with pytest.raises(ValueError):
        repo.latest_valid("Iquiuca", "bateria; DROP TABLE readings")


def test_buckets_average_the_valid_values_per_interval(repo: MeasurementRepository) -> None:
    hour = 3600.0
    base = T0 - T0 % hour
    repo.upsert(
        [
            reading(1, base + 60, nivel=1.0, humedad=40.0),
            reading(2, base + 600, nivel=1.2),
            reading(3, base + hour + 60, nivel=None, humedad=30.0),
            reading(4, base + 3 * hour, nivel=1.1),
        ]
    )
    buckets = repo.buckets("Iquiuca", base, base + 4 * hour, hour)
    assert [(b.start - base, b.n, b.nivel, b.humedad) for b in buckets] == [
        (0.0, 2, pytest.approx(1.1), 40.0),
        (hour, 1, None, 30.0),
        (3 * hour, 1, 1.1, None),
    ]
    assert repo.buckets("Iquiuca", base + 5 * hour, base + 6 * hour, hour) == []
