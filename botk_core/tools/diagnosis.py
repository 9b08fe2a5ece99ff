"""``diagnostico_hidrico_integrado``: each station's recent readings, the rain forecast, a decision."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botk_core.domain import ToolSpec
from botk_core.ports import WeatherProvider
from botk_core.sensors.stations import Stations
from botk_core.tools.diagnosis_station import StationDiagnoser, no_data
from botk_core.tools.forecast import forecast_for
from botk_core.tools.registry import Tool, ToolContext, ToolResult
from botk_core.tools.results import Provenance
from botk_core.tools.results_diagnosis import DiagnosisResult, Forecast

DIAGNOSTICO = "diagnostico_hidrico_integrado"
DOCS_HINT = (
    "Para explicar la recomendación, complementa con los documentos técnicos "
    "(plan maestro, informes de calidad del agua, guía de la red de sensores)."
)

DIAGNOSTICO_SPEC = ToolSpec(
    name=DIAGNOSTICO,
    description=(
        "Diagnóstico hídrico integrado de los estanques: por estación, el último nivel válido, "
        "la humedad y la temperatura, la tendencia del nivel de los últimos días, el pronóstico "
        "de lluvia de 3 días de su lugar, la calidad de los datos, los eventos (estanque vacío, "
        "estación sin datos), una conclusión y una recomendación con sus razones. Sin `estacion`, "
        "todas las estaciones con datos."
    ),
    parameters={
        "type": "object",
        "properties": {
            "estacion": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "description": "Estación de sensores, p. ej. Iquiuca; sin ella, todas.",
            }
        },
        "additionalProperties": False,
    },
)


class _Diagnosis:
    def __init__(self, stations: Stations, weather: WeatherProvider) -> None:
        self.stations, self.weather = stations, weather

    def run(self, arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        chosen = self.stations.chosen(arguments.get("estacion"))
        forecasts: dict[str, Forecast] = {}  # stations sharing a place share its forecast
        diagnoser = StationDiagnoser(self.stations)
        with_data = set(self.stations.repo.stations())
        results = []
        for station in chosen:
            config = self.stations.config(station)
            place = config.forecast_place
            if place not in forecasts:
                forecasts[place] = forecast_for(
                    self.weather, place, self.stations.rules.decision.rain_day_pct
                )
            forecast = forecasts[place]
            if station in with_data:
                results.append(diagnoser.diagnose(station, forecast))
            else:
                results.append(no_data(station, config, forecast))
        provenance = Provenance.of(self.stations.repo.has_synthetic())
        return ToolResult(DiagnosisResult(stations=tuple(results), hint=DOCS_HINT, provenance=provenance))


def diagnostico_tool(stations: Stations, weather: WeatherProvider) -> Tool:
    """Build ``diagnostico_hidrico_integrado``."""
    return Tool(DIAGNOSTICO_SPEC, _Diagnosis(stations, weather).run)
