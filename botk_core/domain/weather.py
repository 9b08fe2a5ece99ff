"""Current weather and daily forecasts."""

from __future__ import annotations

import attrs


@attrs.frozen
class CurrentWeather:
    """Weather now at a place."""

    temp_c: float
    humidity: float
    condition: str
    is_day: bool


@attrs.frozen
class DailyForecast:
    """One day of forecast; ``daily_chance_of_rain`` is None when the provider did not know it."""

    date: str
    maxtemp_c: float
    mintemp_c: float
    avgtemp_c: float
    daily_chance_of_rain: float | None


@attrs.frozen
class WeatherReport:
    """Current weather and a daily forecast for a place."""

    location: str
    current: CurrentWeather
    forecast: tuple[DailyForecast, ...]
