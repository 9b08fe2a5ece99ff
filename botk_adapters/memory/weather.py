"""FakeWeather: a WeatherProvider that answers from fixed reports."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from botk_core.domain import CurrentWeather, DailyForecast, WeatherReport
from botk_core.errors import UpstreamUnavailable


def sample_report(location: str, rain: tuple[float | None, ...] = (10.0, 20.0, 0.0)) -> WeatherReport:
    """A plausible report for ``location`` with the given daily chances of rain (None: unknown)."""
    days = tuple(
        DailyForecast(f"2026-01-{15 + i:02d}", 28.0 + i, 12.0, 20.0 + i, chance)
        for i, chance in enumerate(rain)
    )
    return WeatherReport(location, CurrentWeather(26.5, 35.0, "Despejado", True), days)


class FakeWeather:
    """Reports by place name (case-insensitive); unknown places fail like the real ones.

    ``failing`` makes every call fail as an unreachable service does.
    """

    def __init__(self, reports: Mapping[str, WeatherReport] | None = None, failing: bool = False) -> None:
        self._reports = {k.lower(): v for k, v in (reports or {}).items()}
        self.failing = failing
        self.calls: list[str] = []

    def weather(self, location: str, days: int = 3) -> WeatherReport:
        self.calls.append(location)
        if self.failing:
            raise UpstreamUnavailable(
                "No pude consultar el pronóstico del tiempo: sin conexión con el servicio."
            )
        report = self._reports.get(location.lower())
        if report is None:
            if self._reports:
                raise UpstreamUnavailable(
                    f"No pude consultar el pronóstico del tiempo: no encontré el lugar '{location}'."
                )
            report = sample_report(location)
        return attrs.evolve(report, forecast=report.forecast[:days])
