"""The ``get_clima`` tool: current weather and a 3-day forecast for a place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from botk_core.domain import ToolSpec
from botk_core.errors import BotkError
from botk_core.ports import WeatherProvider
from botk_core.text import same_name
from botk_core.tools.registry import Tool, ToolContext, ToolResult

GET_CLIMA = "get_clima"
DEFAULT_LOCATION = "Iquiuca"
FORECAST_DAYS = 3

CLIMA_SPEC = ToolSpec(
    name=GET_CLIMA,
    description=(
        "Clima actual (temperatura °C, humedad %, condición, día/noche) y pronóstico de "
        "3 días (máxima, mínima, promedio y probabilidad de lluvia %) de un lugar."
    ),
    parameters={
        "type": "object",
        "properties": {
            "location": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100,
                "description": f"Lugar, p. ej. Mamiña. Por defecto {DEFAULT_LOCATION}.",
            }
        },
        "additionalProperties": False,
    },
)


def clima_tool(
    weather: WeatherProvider,
    default_location: str = DEFAULT_LOCATION,
    forecast_place: Callable[[str], str | None] | None = None,
) -> Tool:
    """Build ``get_clima``; its output is the ``WeatherReport`` itself (the original service's shape).

    An unreachable service reaches the model as an error in one plain sentence.
    A station's name that the service does not know as a place ("Janchima")
    gets the forecast of the station's place, and the report says whose it is.
    """

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        location = (arguments.get("location") or default_location).strip()
        try:
            return ToolResult(weather.weather(location, FORECAST_DAYS))
        except BotkError:
            place = forecast_place(location) if forecast_place else None
            if not place or same_name(place, location):
                raise
        report = weather.weather(place, FORECAST_DAYS)
        return ToolResult(attrs.evolve(report, location=f"{report.location} (pronóstico de {location})"))

    return Tool(CLIMA_SPEC, handler)
