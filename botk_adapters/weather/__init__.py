"""Weather providers over HTTP: Open-Meteo (default, no key) and weatherapi.com."""

from collections.abc import Mapping

from botk_adapters.weather.cache import TtlCache
from botk_adapters.weather.http import JsonGetter
from botk_adapters.weather.openmeteo import OpenMeteoWeather
from botk_adapters.weather.places import PinnedPlaces, parse_places
from botk_adapters.weather.weatherapi import WeatherApiWeather
from botk_core.ports import WeatherProvider

__all__ = [
    "JsonGetter",
    "OpenMeteoWeather",
    "PinnedPlaces",
    "TtlCache",
    "WeatherApiWeather",
    "parse_places",
    "weather_provider",
]


def weather_provider(
    weatherapi_key: str | None = None,
    places: Mapping[str, tuple[float, float]] | None = None,
    openmeteo_url: str | None = None,
) -> WeatherProvider:
    """weatherapi.com when a key is given, else Open-Meteo; ``places`` pins names to coordinates.

    ``openmeteo_url`` replaces Open-Meteo's hosts by one base URL serving both
    ``/v1/search`` and ``/v1/forecast`` (a local mirror, or a fake in a test).
    """
    provider: WeatherProvider
    if weatherapi_key:
        provider = WeatherApiWeather(weatherapi_key)
    elif openmeteo_url:
        base = openmeteo_url.rstrip("/")
        provider = OpenMeteoWeather(geocoding_url=f"{base}/v1/search", forecast_url=f"{base}/v1/forecast")
    else:
        provider = OpenMeteoWeather()
    return PinnedPlaces(provider, places) if places else provider
