"""The OpenAPI description of the station routes and their JSON shapes."""

from __future__ import annotations

from typing import Any

from botk_web.openapi_build import op, path, query
from botk_web.openapi_schemas import INTEGER, NULLABLE_STRING, STRING, listing, obj, ref

NUMBER_OR_NULL: dict[str, Any] = {"type": ["number", "null"]}
THRESHOLDS = obj(
    ["low_level_m", "low_humidity_pct"], low_level_m={"type": "number"}, low_humidity_pct={"type": "number"}
)
VALUES = {"level_m": NUMBER_OR_NULL, "humidity_pct": NUMBER_OR_NULL, "temperature_c": NUMBER_OR_NULL}

STATION_SCHEMAS: dict[str, Any] = {
    "Station": obj(
        ["name", "kind", "forecast_place", "thresholds", "latest", "status"],
        name=STRING,
        kind=STRING,
        forecast_place=STRING,
        thresholds=THRESHOLDS,
        readings=INTEGER,
        latest={
            "oneOf": [
                {"type": "null"},
                obj(
                    ["time", "timestamp"],
                    time=STRING,
                    timestamp={"type": "number"},
                    times={"type": "object", "additionalProperties": STRING},
                    **VALUES,
                ),
            ],
            "description": (
                "Los últimos valores válidos (sin los marcados por calidad). `time` es la hora del "
                "nivel mostrado; `times`, la de cada valor."
            ),
        },
        age_seconds={"type": ["integer", "null"]},
        age={**NULLABLE_STRING, "description": "Antigüedad en palabras: «hace 3 días, el 28 de abril…»."},
        status={"enum": ["ok", "low_level", "stale", "no_data"]},
    ),
    "StationList": listing("Station"),
    "StationReadings": obj(
        ["station", "from", "to", "every_seconds", "points"],
        station=STRING,
        **{"from": STRING, "to": STRING},
        every_seconds=INTEGER,
        every_requested_seconds={
            "type": ["integer", "null"],
            "description": "El `every` pedido; si es menor que `every_seconds`, se amplió (ver `note`).",
        },
        note={**NULLABLE_STRING, "description": "Por qué se amplió `every`, si se amplió."},
        thresholds=THRESHOLDS,
        points={
            "type": "array",
            "items": obj(
                ["time", "timestamp", "n"], time=STRING, timestamp={"type": "number"}, n=INTEGER, **VALUES
            ),
        },
    ),
    "StationNotFound": obj(
        ["error", "code"], error=STRING, code=STRING, known={"type": "array", "items": STRING}
    ),
}
NOT_FOUND = {
    "description": "Estación desconocida; `known` lista las conocidas.",
    "content": {"application/json": {"schema": ref("StationNotFound")}},
}
TIME_DOC = "Fecha ISO 8601 (hora local si no trae zona) o segundos unix."


def _with_station_404(operation: dict[str, Any]) -> dict[str, Any]:
    operation["responses"]["404"] = NOT_FOUND
    return operation


def station_paths() -> dict[str, Any]:
    readings_params = (
        path("name"),
        query("from", {"type": "string"}, description=TIME_DOC + " Por defecto, 7 días antes de `to`."),
        query("to", {"type": "string"}, description=TIME_DOC + " Por defecto, la última lectura."),
        query(
            "every",
            {"type": "string", "examples": ["15m", "1h", "1d"]},
            description="Tamaño de cada punto, en hora local (1d empieza a medianoche de Santiago).",
        ),
    )
    svg = {"type": "string", "contentMediaType": "image/svg+xml"}
    days = query("days", {"type": "integer", "minimum": 1, "maximum": 366, "default": 7})
    return {
        "/stations": {
            "get": op("Estaciones con su último dato válido, su antigüedad y su estado.", "StationList")
        },
        "/stations/{name}/readings": {
            "get": _with_station_404(
                op(
                    "Lecturas promediadas por intervalo (máximo 2000 puntos, 366 días).",
                    "StationReadings",
                    "400",
                    params=readings_params,
                )
            )
        },
        "/stations/{name}/chart.svg": {
            "get": _with_station_404(
                op(
                    "Gráfico SVG del nivel con su umbral (últimos días con datos).",
                    svg,
                    "400",
                    params=(path("name"), days),
                    media="image/svg+xml",
                )
            )
        },
    }
