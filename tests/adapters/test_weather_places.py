"""Pinned places: names a geocoder may not know go to the service as coordinates."""

from __future__ import annotations

import pytest

from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_adapters.weather import PinnedPlaces, parse_places
from botk_web.settings import Settings, SettingsError
from tests.adapters.test_weather_clients import FORECAST, Stub, open_meteo, stub  # noqa: F401


def test_places_parse_with_accents_and_spaces_folded() -> None:
    assert parse_places(" Iquiuca = -20.1, -69.3 ; Mamiña=-20.07,-69.22 ") == {
        "iquiuca": (-20.1, -69.3),
        "mamina": (-20.07, -69.22),
    }


@pytest.mark.parametrize("bad", ["Iquiuca", "Iquiuca=norte", "=1,2", "X=95,10"])
def test_a_bad_places_setting_stops_the_start_naming_the_variable(bad: str) -> None:
    with pytest.raises(SettingsError, match="BOTK_WEATHER_PLACES"):
        Settings.from_env({"BOTK_WEATHER_PLACES": bad}, dotenv_path=None)


def test_a_pinned_place_is_asked_for_by_coordinates_and_keeps_its_name() -> None:
    inner = FakeWeather({"-20.1,-69.3": sample_report("-20.1,-69.3")})
    report = PinnedPlaces(inner, parse_places("Iquiuca=-20.1,-69.3")).weather("iquiuca")
    assert inner.calls == ["-20.1,-69.3"]
    assert report.location == "iquiuca"


def test_other_places_go_through_unchanged() -> None:
    inner = FakeWeather()
    PinnedPlaces(inner, parse_places("Iquiuca=-20.1,-69.3")).weather("Mamiña")
    assert inner.calls == ["Mamiña"]


def test_open_meteo_skips_geocoding_for_coordinates(stub: tuple[Stub, str]) -> None:  # noqa: F811
    fake, base = stub
    fake.on("/v1/forecast", (200, FORECAST, 0.0))
    open_meteo(base).weather("-20.1,-69.3")
    ((path, params),) = fake.requests
    assert path == "/v1/forecast"
    assert (params["latitude"], params["longitude"]) == (["-20.1"], ["-69.3"])
