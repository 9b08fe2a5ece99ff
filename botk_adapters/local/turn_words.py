"""A data call said back as a question: «promedio de Janchima en los últimos 7 días»."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from typing import Any

from botk_core.errors import BotkError
from botk_core.sensors import spanish
from botk_core.sensors.periods import period_of
from botk_core.sensors.stations import ALL, station_key
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.events import ANOMALOUS, EMPTY, GET_EVENTOS, SILENT
from botk_core.tools.measurements import GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.weather import DEFAULT_LOCATION, GET_CLIMA


def window_words(arguments: Mapping[str, Any], zone: tzinfo, now: float) -> str:
    """ " en los últimos 7 días", " en septiembre de 2023", " ayer (1 de diciembre de 2026)"; "" for none."""
    if arguments.get("dias"):
        return " en " + spanish.window_name(float(arguments["dias"]))
    if arguments.get("horas"):
        return " en " + spanish.window_name(arguments["horas"] / 24)
    if arguments.get("desde") or arguments.get("hasta"):
        try:
            return " " + period_of(arguments.get("desde"), arguments.get("hasta"), zone, now).label
        except BotkError:
            return ""
    return ""


_FIELD_NAMES = {
    "nivel": "el nivel",
    "humedad": "la humedad",
    "temperatura": "la temperatura",
    "temp": "la temperatura",
}


def describe(
    tool: str, arguments: Mapping[str, Any], zone: tzinfo, now: float, fields: Sequence[str] = ()
) -> str:
    """The question a data call answers, in a few words between «» ("la temperatura de Cau-Cau")."""
    station = arguments.get("estacion")
    one = station if station and station_key(station) != ALL else None
    when = window_words(arguments, zone, now)
    if tool == GET_PROMEDIO:
        asked = " y ".join(f for f in arguments.get("campos") or () if f in _FIELD_NAMES)
        text = f"promedio{' de ' + asked if asked else ''} de {one or 'todas las estaciones'}{when}"
    elif tool == DIAGNOSTICO and fields:
        named = " y ".join(dict.fromkeys(_FIELD_NAMES[f] for f in fields))
        text = f"{named} de {one or 'los estanques'}"
    elif tool == DIAGNOSTICO:
        text = f"cómo está el estanque de {one}" if one else "cómo están los estanques"
    elif tool == GET_CLIMA:
        text = f"el tiempo en {arguments.get('location') or DEFAULT_LOCATION}"
    elif tool == GET_PROMEDIO_ESTACIONAL:
        text = "promedios por estación del año" + (f" de {one}" if one else "")
    elif tool == GET_EVENTOS:
        text = _events(arguments.get("tipo"), one) + when
    else:
        text = tool
    return f"«{text}»"


def _events(kind: str | None, station: str | None) -> str:
    where = f" de {station}" if station else ""
    if kind == EMPTY:
        return f"si el estanque{where} estuvo vacío" if station else "si algún estanque estuvo vacío"
    if kind == SILENT:
        return (
            f"si la estación{where} dejó de enviar datos"
            if station
            else "si alguna estación dejó de enviar datos"
        )
    if kind == ANOMALOUS:
        return f"lecturas anómalas{where}"
    return f"eventos{where}"


def relative_dates(arguments: Mapping[str, Any], now: float, zone: tzinfo) -> dict[str, Any]:
    """A window as ``desde``/``hasta`` dates (the events tool takes dates only)."""
    if arguments.get("desde") or arguments.get("hasta"):
        return {k: v for k, v in arguments.items() if k in ("desde", "hasta")}
    days = arguments.get("dias") or (arguments.get("horas") or 24) / 24
    start = datetime.fromtimestamp(now, zone) - timedelta(days=float(days))
    return {"desde": start.strftime("%Y-%m-%dT%H:%M")}
