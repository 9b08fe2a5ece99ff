"""``diagnostico_hidrico_integrado``: recent sensor readings plus the rain forecast."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import tzinfo
from typing import Any

from botk_core.domain import DailyForecast, Reading, ToolSpec
from botk_core.errors import BotkError
from botk_core.ports import MeasurementRepository, WeatherProvider
from botk_core.text import same_name
from botk_core.tools.measurements import UNITS, local_time, means, synthetic_fields
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.seasons import local_zone

DIAGNOSTICO = "diagnostico_hidrico_integrado"
LOW_LEVEL_M = 1.0
LOW_HUMIDITY_PCT = 30.0
RAIN_DAY_PCT = 50.0
STALE_AFTER_S = 6 * 3600.0
WINDOW_S = 24 * 3600.0
FIELDS = ("nivel", "humedad", "temperatura")
JUDGED = ("nivel", "humedad")
CRITICAL, MODERATE, NO_DATA = "Condición crítica", "Condición moderada", "Sin datos suficientes"
DOCS_HINT = "Para recomendaciones, complementa con los documentos técnicos (search_documents)."

DIAGNOSTICO_SPEC = ToolSpec(
    name=DIAGNOSTICO,
    description=(
        "Diagnóstico hídrico integrado: la última lectura y las últimas 24 h de los sensores "
        "de Iquiuca más el pronóstico de lluvia de 3 días en Mamiña. Devuelve los valores, "
        "su antigüedad, el análisis y una conclusión."
    ),
    parameters={"type": "object", "properties": {}, "additionalProperties": False},
)


def known_days(forecast: Sequence[DailyForecast]) -> list[DailyForecast]:
    """Days whose chance of rain is known; an unknown chance cannot be judged."""
    return [day for day in forecast if day.daily_chance_of_rain is not None]


def rain_days(forecast: Sequence[DailyForecast]) -> int | None:
    """Days whose chance of rain is at least 50 %; None when no day's chance is known."""
    known = known_days(forecast)
    if not known:
        return None
    return sum(1 for day in known if (day.daily_chance_of_rain or 0.0) >= RAIN_DAY_PCT)


def findings(
    nivel: float | None, humedad: float | None, forecast: Sequence[DailyForecast] | None
) -> list[str]:
    """The seed's findings; a value that is unknown gives none."""
    found = []
    if nivel is not None and nivel < LOW_LEVEL_M:
        found.append(f"Nivel de agua bajo: {nivel:.2f} m (umbral {LOW_LEVEL_M} m).")
    if humedad is not None and humedad < LOW_HUMIDITY_PCT:
        found.append(f"Humedad del aire baja: {humedad:.1f} % (umbral {LOW_HUMIDITY_PCT:.0f} %).")
    if forecast is not None and rain_days(forecast) == 0:
        found.append("No se espera lluvia significativa (ningún día con probabilidad de lluvia ≥ 50 %).")
    return found


def conclusion(found: Sequence[str]) -> str:
    """Two or more findings are critical, otherwise moderate."""
    return CRITICAL if len(found) >= 2 else MODERATE


def describe_age(seconds: float) -> str:
    """How old something is, in Spanish words."""
    minutes = max(0, int(seconds // 60))
    if minutes < 60:
        return f"hace {minutes} minuto{'s' if minutes != 1 else ''}"
    hours = minutes // 60
    if hours < 48:
        return f"hace {hours} hora{'s' if hours != 1 else ''}"
    return f"hace {hours // 24} días"


class _Diagnosis:
    """Builds the diagnosis output; one instance per tool."""

    def __init__(
        self,
        repo: MeasurementRepository,
        weather: WeatherProvider,
        clock: Callable[[], float],
        zone: tzinfo,
        station: str,
        forecast_place: str,
    ) -> None:
        self.repo, self.weather, self.clock, self.zone = repo, weather, clock, zone
        self.station, self.place = station, forecast_place

    def run(self, arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        forecast, forecast_out = self._forecast()
        latest = self._latest()
        base = {"estacion": self.station, "pronostico": forecast_out}
        if latest is None:
            message = f"No hay lecturas de sensores de la estación {self.station}; no puedo diagnosticar."
            diagnosis = {"analisis": [], "conclusion": NO_DATA}
            return ToolResult({**base, "sin_datos": True, "mensaje": message, "diagnostico": diagnosis})
        values = self._latest_values(latest)
        found = findings(_value(values, "nivel"), _value(values, "humedad"), forecast)
        output: dict[str, Any] = {
            **base,
            "sensores": self._sensors(latest, values),
            "diagnostico": self._verdict(found, forecast),
        }
        oldest = _oldest(latest, values)
        age = self.clock() - oldest.timestamp
        output["datos_desactualizados"] = age > STALE_AFTER_S
        if age > STALE_AFTER_S:
            stale = [f for f in JUDGED if f in values and self.clock() - values[f].timestamp > STALE_AFTER_S]
            which = f" ({', '.join(stale)})" if stale else ""
            output["advertencia"] = (
                f"La lectura usada más antigua{which} es de {local_time(oldest.timestamp, self.zone)} "
                f"({describe_age(age)}); el diagnóstico puede no reflejar la situación de hoy."
            )
        return ToolResult({**output, "sugerencia": DOCS_HINT, **synthetic_fields(self.repo)})

    def _latest(self) -> Reading | None:
        for station in self.repo.stations():
            if same_name(station, self.station):
                return self.repo.latest(station)
        return None

    def _latest_values(self, latest: Reading) -> dict[str, Reading]:
        """Per field, the newest reading of the last 24 h whose value is not null.

        A newer record of another sensor kind (e.g. humidity only) must not hide the
        tank level reported a minute before it.
        """
        chosen: dict[str, Reading] = {}
        recent = self.repo.readings(
            latest.estacion, since=latest.timestamp - WINDOW_S, until=latest.timestamp
        )
        for item in recent:  # timestamp order: later readings win
            for field in FIELDS:
                if getattr(item, field) is not None:
                    chosen[field] = item
        return chosen

    def _sensors(self, latest: Reading, values: Mapping[str, Reading]) -> dict[str, Any]:
        window = self.repo.averages(
            latest.estacion, since=latest.timestamp - WINDOW_S, until=latest.timestamp
        )
        oldest = _oldest(latest, values)
        age = self.clock() - oldest.timestamp
        return {
            "fecha": local_time(oldest.timestamp, self.zone),
            "antiguedad_horas": round(age / 3600, 1),
            "antiguedad": describe_age(age),
            **{field: _value(values, field) for field in FIELDS},
            "fechas": {field: self._stamp(values[field]) for field in FIELDS if field in values},
            "unidades": UNITS,
            "ultimas_24h": {**means(window), "n": window.n},
        }

    def _stamp(self, item: Reading) -> dict[str, Any]:
        age = self.clock() - item.timestamp
        return {
            "fecha": local_time(item.timestamp, self.zone),
            "antiguedad_horas": round(age / 3600, 1),
            "antiguedad": describe_age(age),
        }

    def _forecast(self) -> tuple[tuple[DailyForecast, ...] | None, dict[str, Any]]:
        try:
            report = self.weather.weather(self.place, 3)
        except BotkError as error:
            return None, {"lugar": self.place, "error": error.message}
        detail = [
            {"fecha": d.date, "lluvia_prob": d.daily_chance_of_rain, "max_temp": d.maxtemp_c}
            for d in report.forecast
        ]
        return report.forecast, {
            "lugar": report.location,
            "dias_con_lluvia": rain_days(report.forecast),
            "dias_sin_dato": len(report.forecast) - len(known_days(report.forecast)),
            "detalle": detail,
        }

    def _verdict(self, found: list[str], forecast: Sequence[DailyForecast] | None) -> dict[str, Any]:
        verdict: dict[str, Any] = {"analisis": found, "conclusion": conclusion(found)}
        if forecast is None:
            verdict["nota"] = "Sin pronóstico disponible: la lluvia no se pudo evaluar."
        elif rain_days(forecast) is None:
            verdict["nota"] = (
                "El pronóstico no trae probabilidad de lluvia (sin dato): la lluvia no se pudo evaluar."
            )
        else:
            unknown = [day.date for day in forecast if day.daily_chance_of_rain is None]
            if unknown:
                verdict["nota"] = (
                    f"Probabilidad de lluvia sin dato para {', '.join(unknown)}: "
                    "la lluvia se evaluó solo con los demás días."
                )
        return verdict


def _value(values: Mapping[str, Reading], field: str) -> float | None:
    item = values.get(field)
    value: float | None = getattr(item, field) if item is not None else None
    return value


def _oldest(latest: Reading, values: Mapping[str, Reading]) -> Reading:
    """The oldest reading among those the diagnosis judges (level, humidity); ``latest`` when none."""
    judged = [values[field] for field in JUDGED if field in values] or list(values.values())
    return min(judged, key=lambda item: item.timestamp, default=latest)


def diagnostico_tool(
    repo: MeasurementRepository,
    weather: WeatherProvider,
    clock: Callable[[], float] = time.time,
    zone: tzinfo | None = None,
    station: str = "Iquiuca",
    forecast_place: str = "Mamiña",
) -> Tool:
    """Build ``diagnostico_hidrico_integrado``."""
    diagnosis = _Diagnosis(repo, weather, clock, zone or local_zone(), station, forecast_place)
    return Tool(DIAGNOSTICO_SPEC, diagnosis.run)
