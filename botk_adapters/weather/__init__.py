"""Weather providers over HTTP: Open-Meteo (default, no key) and weatherapi.com."""

from botk_adapters.weather.http import JsonGetter, TtlCache
from botk_adapters.weather.openmeteo import OpenMeteoWeather
from botk_adapters.weather.weatherapi import WeatherApiWeather

__all__ = ["JsonGetter", "OpenMeteoWeather", "TtlCache", "WeatherApiWeather", "weather_provider"]


def weather_provider(weatherapi_key: str | None = None) -> OpenMeteoWeather | WeatherApiWeather:
    """weatherapi.com when a key is given, else Open-Meteo."""
    return WeatherApiWeather(weatherapi_key) if weatherapi_key else OpenMeteoWeather()
