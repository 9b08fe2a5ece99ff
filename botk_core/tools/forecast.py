"""The rain forecast as the diagnosis reads it: rain days, days without a known chance."""

from __future__ import annotations

from collections.abc import Sequence

from botk_core.domain import DailyForecast
from botk_core.errors import BotkError
from botk_core.ports import WeatherProvider
from botk_core.tools.results_diagnosis import Forecast, ForecastDay

FORECAST_DAYS = 3


def known_days(forecast: Sequence[DailyForecast]) -> list[DailyForecast]:
    """Days whose chance of rain is known; an unknown chance cannot be judged."""
    return [day for day in forecast if day.daily_chance_of_rain is not None]


def rain_days(forecast: Sequence[DailyForecast], rain_day_pct: float = 50.0) -> int | None:
    """Days whose chance of rain is at least ``rain_day_pct``; None when no day's chance is known."""
    known = known_days(forecast)
    if not known:
        return None
    return sum(1 for day in known if (day.daily_chance_of_rain or 0.0) >= rain_day_pct)


def forecast_for(weather: WeatherProvider, place: str, rain_day_pct: float) -> Forecast:
    """The forecast of ``place``; an unreachable service gives a forecast that says why."""
    try:
        report = weather.weather(place, FORECAST_DAYS)
    except BotkError as error:
        return Forecast(place=place, error=error.message)
    days = tuple(
        ForecastDay(date=d.date, rain_pct=d.daily_chance_of_rain, max_temp=d.maxtemp_c)
        for d in report.forecast
    )
    return Forecast(
        place=report.location,
        rain_days=rain_days(report.forecast, rain_day_pct),
        unknown_days=len(report.forecast) - len(known_days(report.forecast)),
        days=days,
    )


def forecast_note(forecast: Forecast) -> str | None:
    """Why the rain could not be judged, or only partly; None when it could."""
    if forecast.error is not None:
        return "Sin pronóstico disponible: la lluvia no se pudo evaluar."
    if forecast.rain_days is None:
        return "El pronóstico no trae probabilidad de lluvia (sin dato): la lluvia no se pudo evaluar."
    unknown = [day.date for day in forecast.days if day.rain_pct is None]
    if unknown:
        return (
            f"Probabilidad de lluvia sin dato para {', '.join(unknown)}: "
            "la lluvia se evaluó solo con los demás días."
        )
    return None
