"""Stations and rules from settings: defaults, the file syntax, bad values, one way to name a station."""

from __future__ import annotations

import pytest

from botk_adapters.sensors.config import parse_rules, parse_stations
from botk_core.errors import StationNotFound
from botk_core.sensors.rules import QualityRules, StationConfig
from botk_core.sensors.stations import StationCatalog
from botk_web.settings import Settings, SettingsError


def test_without_settings_there_is_one_station_with_todays_values() -> None:
    catalog = parse_stations("")
    assert catalog.configured == (
        StationConfig(
            name="Iquiuca", kind="Estanque", forecast_place="Mamiña", low_level_m=1.0, low_humidity_pct=30.0
        ),
    )
    rules = parse_rules("")
    assert rules.quality == QualityRules() and rules.decision.stale_hours == 6.0


def test_stations_with_their_places_thresholds_and_defaults() -> None:
    catalog = parse_stations(
        "Iquiuca: lugar=Mamiña; Cau-Cau: tipo=Estanque, lugar=Macaya, nivel_bajo=0.8, humedad_baja=25\n"
        "*: lugar=Quipisca, nivel_bajo=1.2"
    )
    cau = catalog.config("cau cau")
    assert (cau.name, cau.forecast_place, cau.low_level_m, cau.low_humidity_pct) == (
        "Cau-Cau",
        "Macaya",
        0.8,
        25.0,
    )
    # "*" is for the stations not listed: a listed one keeps today's defaults for what it leaves out.
    iquiuca = catalog.config("Iquiuca")
    assert (iquiuca.forecast_place, iquiuca.low_level_m, iquiuca.low_humidity_pct) == ("Mamiña", 1.0, 30.0)
    stranger = catalog.config("Janchima")
    assert (stranger.name, stranger.forecast_place, stranger.low_level_m) == ("Janchima", "Quipisca", 1.2)


def test_rules_by_name() -> None:
    rules = parse_rules("plano_horas=12, desactualizado_horas=2, anomalas_pct=20, pico_lecturas=3")
    assert rules.quality.flat_hours == 12.0 and rules.quality.spike_max_run == 3
    assert rules.decision.stale_hours == 2.0 and rules.decision.suspect_share == 0.2


@pytest.mark.parametrize(
    ("variable", "value", "problem"),
    [
        ("BOTK_STATIONS", "Iquiuca: nivel=1", "clave desconocida 'nivel'"),
        (
            "BOTK_STATIONS",
            "Iquiuca: nivel_bajo=uno",
            "BOTK_STATIONS: nivel_bajo debe ser un número, no 'uno'",
        ),
        ("BOTK_STATIONS", ": lugar=Mamiña", "no tiene nombre de estación"),
        ("BOTK_SENSOR_RULES", "picos=3", "regla desconocida 'picos'"),
        ("BOTK_SENSOR_RULES", "plano_horas", "no tiene la forma clave=valor"),
        ("BOTK_SENSOR_RULES", "plano_horas=-1", "no puede ser negativo"),
        ("BOTK_SENSOR_RULES", "pico_lecturas=2.5", "pico_lecturas debe ser un número entero, no '2.5'"),
        ("BOTK_WEATHER_PLACES", "Iquiuca=norte", "no tiene la forma Nombre=latitud,longitud"),
    ],
)
def test_a_bad_setting_stops_the_start_naming_it(variable: str, value: str, problem: str) -> None:
    with pytest.raises(SettingsError, match=variable) as caught:
        Settings.from_env({variable: value}, dotenv_path=None)
    assert problem in str(caught.value)


def test_a_station_is_found_by_any_spelling_and_unknown_ones_get_the_list() -> None:
    catalog = StationCatalog((StationConfig(name="Iquiuca"), StationConfig(name="Pulcha")))
    with_data = ["Cau-Cau", "Iquiuca"]
    assert catalog.resolve("CAU CAU", with_data) == "Cau-Cau"
    assert catalog.resolve("iquiuca hoy", with_data) == "Iquiuca"
    assert catalog.resolve("pulcha", with_data) == "Pulcha"  # configured, no data yet
    with pytest.raises(StationNotFound) as caught:
        catalog.resolve("Miraflores", with_data)
    assert caught.value.known == ("Iquiuca", "Pulcha", "Cau-Cau")
    assert (
        caught.value.message
        == "No hay una estación llamada «Miraflores». Estaciones conocidas: Iquiuca, Pulcha, Cau-Cau."
    )
