"""Stations and sensor rules from their settings text (``BOTK_STATIONS``, ``BOTK_SENSOR_RULES``).

``BOTK_STATIONS="Iquiuca: tipo=Estanque, lugar=Mamiña, nivel_bajo=1.0, humedad_baja=30; Cau Cau"``:
stations separated by ";", each a name and optional ``clave=valor`` pairs; the
name ``*`` sets the defaults of stations that have readings but no entry.
``BOTK_SENSOR_RULES="plano_horas=24, desactualizado_horas=6"``: thresholds by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_core.sensors.rules import DEFAULT_STATION, DecisionRules, QualityRules, SensorRules, StationConfig
from botk_core.sensors.stations import StationCatalog

STATION_KEYS = {
    "tipo": "kind",
    "lugar": "forecast_place",
    "nivel_bajo": "low_level_m",
    "humedad_baja": "low_humidity_pct",
}
QUALITY_KEYS = {
    "nivel_max": "level_max_m", "salto_nivel": "level_jump_m", "salto_humedad": "humidity_jump_pct",
    "salto_temperatura": "temperature_jump_c", "pico_minutos": "spike_minutes",
    "pico_lecturas": "spike_max_run", "plano_horas": "flat_hours", "plano_lecturas": "flat_min_readings",
}  # fmt: skip
DECISION_KEYS = {
    "lluvia_pct": "rain_day_pct", "tendencia_dias": "trend_days", "horizonte_dias": "horizon_days",
    "desactualizado_horas": "stale_hours", "lecturas_minimas": "min_valid_levels",
    "anomalas_pct": "suspect_share", "eventos_dias": "events_days", "vacio_m": "empty_level_m",
    "vacio_minutos": "empty_minutes", "silencio_horas": "silent_hours",
}  # fmt: skip


def parse_stations(spec: str) -> StationCatalog:
    """The station catalog of ``spec``; empty means today's single station, Iquiuca.

    Raises ValueError naming the entry or key that is wrong.
    """
    entries = [part.strip() for part in spec.replace("\n", ";").split(";") if part.strip()]
    parsed = []
    for entry in entries:
        name, _, options = entry.partition(":")
        if not name.strip():
            raise ValueError(f"'{entry}' no tiene nombre de estación")
        parsed.append((name.strip(), _pairs(options, STATION_KEYS, StationConfig)))
    defaults = DEFAULT_STATION
    for name, values in parsed:
        if name == "*":
            defaults = attrs.evolve(defaults, **values)
    # A listed station takes today's defaults for what it leaves out; "*" is for the unlisted ones.
    configured = tuple(attrs.evolve(DEFAULT_STATION, name=n, **v) for n, v in parsed if n != "*")
    return StationCatalog(configured or (attrs.evolve(defaults, name=DEFAULT_STATION.name),), defaults)


def parse_rules(spec: str) -> SensorRules:
    """The rules of ``spec`` over the documented defaults; raises ValueError naming a bad key."""
    pairs = _split(spec)
    unknown = [k for k in pairs if k not in QUALITY_KEYS and k not in DECISION_KEYS]
    if unknown:
        known = ", ".join([*QUALITY_KEYS, *DECISION_KEYS])
        raise ValueError(f"regla desconocida '{unknown[0]}' (conocidas: {known})")
    quality = _pairs_of(pairs, QUALITY_KEYS, QualityRules)
    decision = _pairs_of(pairs, DECISION_KEYS, DecisionRules)
    if "suspect_share" in decision:
        decision["suspect_share"] = float(decision["suspect_share"]) / 100
    return SensorRules(quality=QualityRules(**quality), decision=DecisionRules(**decision))


def _split(text: str) -> dict[str, str]:
    pairs = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(f"'{item}' no tiene la forma clave=valor")
        pairs[key.strip().lower()] = value.strip()
    return pairs


def _pairs(text: str, keys: Mapping[str, str], cls: type) -> dict[str, Any]:
    pairs = _split(text)
    unknown = [k for k in pairs if k not in keys]
    if unknown:
        raise ValueError(f"clave desconocida '{unknown[0]}' (conocidas: {', '.join(keys)})")
    return _pairs_of(pairs, keys, cls)


def _pairs_of(pairs: Mapping[str, str], keys: Mapping[str, str], cls: type) -> dict[str, Any]:
    types = {f.name: f.type for f in attrs.fields(cls)}
    values: dict[str, Any] = {}
    for key, attribute in keys.items():
        if key in pairs:
            values[attribute] = _value(key, pairs[key], str(types[attribute]))
    return values


def _value(key: str, raw: str, kind: str) -> Any:
    if kind == "str":
        return raw
    try:
        number = float(raw) if kind == "float" else int(raw)
    except ValueError:
        whole = "un número entero" if kind == "int" else "un número"
        raise ValueError(f"{key} debe ser {whole}, no {raw!r}") from None
    if number < 0:
        raise ValueError(f"{key} no puede ser negativo, no {raw!r}")
    return number
