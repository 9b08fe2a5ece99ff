"""OpenMeteoWeather: Open-Meteo's geocoding and forecast APIs, no key needed."""

from __future__ import annotations

from typing import Any

from botk_adapters.weather.cache import TtlCache
from botk_adapters.weather.http import JsonGetter, unavailable
from botk_adapters.weather.places import parse_coordinates
from botk_core.domain import CurrentWeather, DailyForecast, WeatherReport

GEOCODING_URL = "https://geocoding-api.open-meteo.com/v1/search"
FORECAST_URL = "https://api.open-meteo.com/v1/forecast"
_DAILY = "temperature_2m_max,temperature_2m_min,temperature_2m_mean,precipitation_probability_max"

# WMO weather interpretation codes, as Open-Meteo documents them.
_CONDITIONS = {
    0: "Despejado", 1: "Mayormente despejado", 2: "Parcialmente nublado", 3: "Nublado",
    45: "Niebla", 48: "Niebla con escarcha", 51: "Llovizna ligera", 53: "Llovizna", 55: "Llovizna densa",
    56: "Llovizna helada", 57: "Llovizna helada densa",
    61: "Lluvia ligera", 63: "Lluvia", 65: "Lluvia intensa",
    66: "Lluvia helada", 67: "Lluvia helada intensa", 71: "Nevada ligera", 73: "Nevada", 75: "Nevada intensa",
    77: "Granos de nieve", 80: "Chubascos ligeros", 81: "Chubascos", 82: "Chubascos violentos",
    85: "Chubascos de nieve", 86: "Chubascos de nieve intensos", 95: "Tormenta", 96: "Tormenta con granizo",
    99: "Tormenta con granizo intenso",
}  # fmt: skip


class OpenMeteoWeather:
    """WeatherProvider over Open-Meteo; places are looked up by name (in Chile by default)."""

    def __init__(
        self,
        http: JsonGetter | None = None,
        cache: TtlCache | None = None,
        country_code: str | None = "CL",
        geocoding_url: str = GEOCODING_URL,
        forecast_url: str = FORECAST_URL,
    ) -> None:
        self._http = http or JsonGetter()
        self._cache = cache or TtlCache()
        self._country = country_code
        self._geocoding_url = geocoding_url
        self._forecast_url = forecast_url

    def weather(self, location: str, days: int = 3) -> WeatherReport:
        key = ("open-meteo", location.strip().lower(), days)
        report: WeatherReport = self._cache.get_or_compute(key, lambda: self._fetch(location.strip(), days))
        return report

    def _fetch(self, location: str, days: int) -> WeatherReport:
        place = self._geocode(location)
        params = {
            "latitude": place["latitude"],
            "longitude": place["longitude"],
            "current": "temperature_2m,relative_humidity_2m,is_day,weather_code",
            "daily": _DAILY,
            "timezone": "auto",
            "forecast_days": days,
        }
        status, body = self._http.get(self._forecast_url, params)
        if status != 200 or not isinstance(body, dict):
            raise unavailable(f"el servicio respondió con error {status}")
        try:
            return WeatherReport(str(place["name"]), _current(body["current"]), _daily(body["daily"]))
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise unavailable("el servicio devolvió una respuesta incompleta") from error

    def _geocode(self, location: str) -> dict[str, Any]:
        coordinates = parse_coordinates(location)
        if coordinates is not None:
            return {"name": location, "latitude": coordinates[0], "longitude": coordinates[1]}
        params: dict[str, Any] = {"name": location, "count": 1, "language": "es", "format": "json"}
        if self._country:
            params["countryCode"] = self._country
        status, body = self._http.get(self._geocoding_url, params)
        if status != 200 or not isinstance(body, dict):
            raise unavailable(f"el servicio de lugares respondió con error {status}")
        results = body.get("results") or []
        if not results or not isinstance(results[0], dict) or "latitude" not in results[0]:
            raise unavailable(f"no encontré el lugar '{location}'")
        return results[0]


def _current(data: dict[str, Any]) -> CurrentWeather:
    code = data.get("weather_code")
    return CurrentWeather(
        temp_c=float(data["temperature_2m"]),
        humidity=float(data["relative_humidity_2m"]),
        condition=_CONDITIONS.get(code, "Desconocida") if isinstance(code, int) else "Desconocida",
        is_day=bool(data.get("is_day", 1)),
    )


def _daily(data: dict[str, Any]) -> tuple[DailyForecast, ...]:
    days = []
    for i, date in enumerate(data["time"]):
        high, low = float(data["temperature_2m_max"][i]), float(data["temperature_2m_min"][i])
        mean = (data.get("temperature_2m_mean") or [None] * (i + 1))[i]
        rain = (data.get("precipitation_probability_max") or [None] * (i + 1))[i]
        average = float(mean) if mean is not None else round((high + low) / 2, 1)
        chance = float(rain) if rain is not None else None  # unknown stays unknown, not 0 %
        days.append(DailyForecast(str(date), high, low, average, chance))
    return tuple(days)
