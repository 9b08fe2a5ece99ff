"""Station routes: the stations with their latest valid values, downsampled readings, a level chart."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue

from botk_core.errors import StationNotFound
from botk_core.sensors import spanish
from botk_core.sensors.buckets import local_buckets
from botk_core.sensors.overview import StationStatus, overview
from botk_core.sensors.rules import StationConfig
from botk_core.sensors.stations import Stations
from botk_core.sensors.window import choose_window
from botk_core.tools.measurements import local_time
from botk_web.routes import services
from botk_web.routes.station_chart import level_chart
from botk_web.routes.station_params import MAX_POINTS, parse_days, reading_window

bp = Blueprint("stations", __name__)
CHART_POINTS = 300
FIELDS = {"nivel": "level_m", "humedad": "humidity_pct", "temperatura": "temperature_c"}


def _stations() -> Stations:
    return services().stations


@bp.errorhandler(StationNotFound)
def unknown_station(error: StationNotFound) -> ResponseReturnValue:
    return jsonify(error=error.message, code=error.code, known=list(error.known)), 404


def thresholds(config: StationConfig) -> dict[str, float]:
    return {"low_level_m": config.low_level_m, "low_humidity_pct": config.low_humidity_pct}


def station_json(status: StationStatus, stations: Stations) -> dict[str, Any]:
    """A station with its latest valid values; ``time`` is the level's own (else the newest value's)."""
    config = status.config
    level = status.latest.get("nivel")
    newest = level.timestamp if level is not None else status.newest
    latest: dict[str, Any] | None = None
    if newest is not None:
        latest = {"time": local_time(newest, stations.zone), "timestamp": newest}
        latest |= {key: status.value(field) for field, key in FIELDS.items()}
        latest["times"] = {
            key: local_time(reading.timestamp, stations.zone)
            for field, key in FIELDS.items()
            if (reading := status.latest.get(field)) is not None
        }
    return {
        "name": config.name,
        "kind": config.kind,
        "forecast_place": config.forecast_place,
        "thresholds": thresholds(config),
        "readings": stations.repo.averages(config.name).n,
        "latest": latest,
        "age_seconds": None if newest is None else round(stations.now() - newest),
        "age": None if newest is None else spanish.when(newest, stations.now(), stations.zone),
        "status": status.status.value,
    }


@bp.get("/stations")
def list_stations() -> ResponseReturnValue:
    stations = _stations()
    return jsonify(object="list", data=[station_json(s, stations) for s in overview(stations)])


@bp.get("/stations/<name>/readings")
def station_readings(name: str) -> ResponseReturnValue:
    stations = _stations()
    station = stations.resolve(name)
    latest = stations.repo.latest(station)
    end = latest.timestamp if latest is not None else stations.now()
    since, until, every, asked = reading_window(request.args, end, stations.zone)
    points = [
        {
            "time": local_time(b.start, stations.zone),
            "timestamp": b.start,
            "n": b.n,
            **{key: None if (v := getattr(b, f)) is None else round(v, 3) for f, key in FIELDS.items()},
        }
        for b in local_buckets(stations.repo, station, since, until, every, stations.zone)
    ]
    widened = asked is not None and asked < every
    return jsonify(
        station=station,
        **{"from": local_time(since, stations.zone), "to": local_time(until, stations.zone)},
        every_seconds=int(every),
        every_requested_seconds=None if asked is None else int(asked),
        note=(
            f"every se amplió de {int(asked or 0)} s a {int(every)} s para no pasar de {MAX_POINTS} puntos"
            if widened
            else None
        ),
        thresholds=thresholds(stations.config(station)),
        points=points,
    )


@bp.get("/stations/<name>/chart.svg")
def station_chart(name: str) -> ResponseReturnValue:
    stations = _stations()
    station = stations.resolve(name)
    days = parse_days(request.args)
    latest = stations.repo.latest(station)
    window = choose_window(stations.now(), days, latest.timestamp if latest else None)
    every = max(60.0, (window.until - window.since) / CHART_POINTS)
    buckets = local_buckets(stations.repo, station, window.since, window.until, every, stations.zone)
    points = [(b.start + every / 2, b.nivel) for b in buckets]
    config = stations.config(station)
    span = window.name(stations.zone)
    svg = level_chart(
        f"Nivel del estanque de {station}, {span}",
        _description(station, span, [v for _, v in points if v is not None], config.low_level_m),
        points,
        (window.since, window.until),
        config.low_level_m,
        stations.zone,
        gap=3 * every,
    )
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-cache"})


def _description(station: str, span: str, levels: list[float], threshold: float) -> str:
    limit = f"umbral bajo {spanish.decimal(threshold, 1)} m"
    if not levels:
        return f"No hay lecturas válidas de nivel de {station} en {span}; {limit}."
    return (
        f"Nivel de {station} en {span}: entre {spanish.decimal(min(levels))} m y "
        f"{spanish.decimal(max(levels))} m; último valor {spanish.decimal(levels[-1])} m; {limit}."
    )
