"""The ``get_clima`` tool: current weather and a 3-day forecast for a place."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botk_core.domain import ToolSpec
from botk_core.ports import WeatherProvider
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


def clima_tool(weather: WeatherProvider, default_location: str = DEFAULT_LOCATION) -> Tool:
    """Build ``get_clima``; its output is the ``WeatherReport`` itself (the original service's shape).

    An unreachable service reaches the model as an error in one plain sentence.
    """

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        location = (arguments.get("location") or default_location).strip()
        return ToolResult(weather.weather(location, FORECAST_DAYS))

    return Tool(CLIMA_SPEC, handler)
