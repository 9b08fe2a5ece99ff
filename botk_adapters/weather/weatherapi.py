"""WeatherApiWeather: weatherapi.com's forecast API (needs ``WEATHERAPI_KEY``)."""

from __future__ import annotations

from typing import Any

from botk_adapters.weather.cache import TtlCache
from botk_adapters.weather.http import PREFIX, JsonGetter, unavailable
from botk_core.domain import CurrentWeather, DailyForecast, WeatherReport
from botk_core.errors import UpstreamAuthError

FORECAST_URL = "https://api.weatherapi.com/v1/forecast.json"
# weatherapi.com error codes: 1006 = no location found; 2006/2007/2008 = bad, exceeded or disabled key.
_NO_PLACE = 1006
_KEY_PROBLEMS = {1002, 2006, 2007, 2008, 2009}


class WeatherApiWeather:
    """WeatherProvider over weatherapi.com."""

    def __init__(
        self,
        api_key: str,
        http: JsonGetter | None = None,
        cache: TtlCache | None = None,
        forecast_url: str = FORECAST_URL,
    ) -> None:
        self._key = api_key
        self._http = http or JsonGetter()
        self._cache = cache or TtlCache()
        self._url = forecast_url

    def weather(self, location: str, days: int = 3) -> WeatherReport:
        key = ("weatherapi", location.strip().lower(), days)
        report: WeatherReport = self._cache.get_or_compute(key, lambda: self._fetch(location.strip(), days))
        return report

    def _fetch(self, location: str, days: int) -> WeatherReport:
        params = {"key": self._key, "q": location, "days": days, "lang": "es", "aqi": "no", "alerts": "no"}
        status, body = self._http.get(self._url, params)
        if status != 200:
            raise _error(status, body, location)
        try:
            return _report(body)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise unavailable("el servicio devolvió una respuesta incompleta") from error


def _error(status: int, body: Any, location: str) -> Exception:
    code = body.get("error", {}).get("code") if isinstance(body, dict) else None
    if code == _NO_PLACE:
        return unavailable(f"no encontré el lugar '{location}'")
    if code in _KEY_PROBLEMS or status in (401, 403):
        return UpstreamAuthError(PREFIX + "el servicio rechazó la clave WEATHERAPI_KEY.")
    return unavailable(f"el servicio respondió con error {status}")


def _report(body: dict[str, Any]) -> WeatherReport:
    current = body["current"]
    now = CurrentWeather(
        temp_c=float(current["temp_c"]),
        humidity=float(current["humidity"]),
        condition=str(current["condition"]["text"]),
        is_day=bool(current["is_day"]),
    )
    days = tuple(
        DailyForecast(
            date=str(day["date"]),
            maxtemp_c=float(day["day"]["maxtemp_c"]),
            mintemp_c=float(day["day"]["mintemp_c"]),
            avgtemp_c=float(day["day"]["avgtemp_c"]),
            daily_chance_of_rain=float(day["day"]["daily_chance_of_rain"]),
        )
        for day in body["forecast"]["forecastday"]
    )
    return WeatherReport(str(body["location"]["name"]), now, days)
