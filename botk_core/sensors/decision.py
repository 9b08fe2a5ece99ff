"""The water decision: findings, their label, and a recommendation with its reasons.

Findings are the thresholds the committee knows (low level, low humidity, no
rain expected) and a level falling towards its threshold (at the trend's rate
it reaches it within ``horizon_days``): none is "Condición normal", one
"moderada", two or more "crítica". The recommendation also weighs the level's
trend and the data's age, and says when it cannot be trusted. A station whose
level is too old to speak of today is to be checked first: its last level is
given as what it was, never as a reason to use the water as usual.
"""

from __future__ import annotations

import attrs

from botk_core.sensors.rules import DecisionRules, StationConfig
from botk_core.sensors.spanish import decimal
from botk_core.sensors.trend import Trend

NORMAL, MODERATE, CRITICAL = "Condición normal", "Condición moderada", "Condición crítica"
NO_DATA = "Sin datos suficientes"
SAVE, NORMAL_USE, RATION, CHECK = "guardar agua", "uso normal", "racionar el agua", "revisar el sensor"
CHECK_STATION = "revisar la estación"


@attrs.frozen(kw_only=True)
class Situation:
    """What the decision looks at, for one station."""

    config: StationConfig
    level: float | None
    humidity: float | None
    rain_days: int | None  # None: the forecast is unknown
    forecast_days: int
    trend: Trend | None
    stale: str | None  # why the data is too old, or None
    silent: bool = False  # the station itself has sent nothing recently (not only no valid level)
    sparse: str | None  # why the data is too thin, or None
    suspect: str | None  # why the sensor looks wrong, or None


@attrs.frozen
class Decision:
    findings: tuple[str, ...]
    label: str
    action: str
    reasons: tuple[str, ...]
    trusted: bool
    distrust: str | None


def findings(s: Situation, rules: DecisionRules) -> list[str]:
    """The thresholds crossed or about to be; an unknown value crosses none."""
    found = []
    low_level, low_humidity = s.config.low_level_m, s.config.low_humidity_pct
    if s.level is not None and s.level < low_level:
        found.append(f"Nivel de agua bajo: {decimal(s.level)} m (umbral {decimal(low_level, 1)} m).")
    elif s.level is not None and _reaches_threshold(s, rules) and s.trend is not None:
        found.append(
            f"El nivel baja {decimal(abs(s.trend.cm_per_day), 1)} cm por día: a este ritmo llegaría "
            f"al umbral de {decimal(low_level, 1)} m en {_days(s.trend.days_to_threshold or 0.0)}."
        )
    if s.humidity is not None and s.humidity < low_humidity:
        found.append(f"Humedad del aire baja: {decimal(s.humidity, 1)} % (umbral {low_humidity:g} %).")
    if s.rain_days == 0:
        found.append("No se espera lluvia significativa (ningún día con probabilidad de lluvia ≥ 50 %).")
    return found


def label(found: list[str]) -> str:
    return CRITICAL if len(found) >= 2 else MODERATE if found else NORMAL


def decide(s: Situation, rules: DecisionRules) -> Decision:
    """The recommendation, its reasons and whether it can be trusted today."""
    found = findings(s, rules)
    action, reasons = _action(s, rules)
    if s.suspect:
        reasons.append(s.suspect)
        action = f"{action} y {CHECK}" if action not in (CHECK, CHECK_STATION) else action
    distrust = s.stale or s.sparse or (None if s.level is not None else "no hay lecturas válidas de nivel")
    return Decision(tuple(found), label(found), action, tuple(reasons), distrust is None, distrust)


def _action(s: Situation, rules: DecisionRules) -> tuple[str, list[str]]:
    if s.level is None:
        return CHECK, ["no hay lecturas válidas de nivel"]
    threshold = decimal(s.config.low_level_m, 1)
    if s.stale:
        side = "bajo" if s.level < s.config.low_level_m else "sobre"
        last = f"con su último dato, el nivel ({decimal(s.level)} m) estaba {side} el umbral de {threshold} m"
        if s.silent:
            return CHECK_STATION, ["no hay datos recientes de nivel", last]
        return CHECK, ["la estación envía datos, pero no hay lecturas válidas de nivel recientes", last]
    trend, rain = _trend_reason(s.trend, threshold), _rain_reason(s)
    if s.level < s.config.low_level_m:
        return RATION, [
            f"el nivel ({decimal(s.level)} m) está bajo el umbral de {threshold} m",
            *trend,
            *rain,
        ]
    if _reaches_threshold(s, rules):
        return SAVE, [*trend, *rain]
    return NORMAL_USE, [
        f"el nivel ({decimal(s.level)} m) está sobre el umbral de {threshold} m",
        *trend,
        *rain,
    ]


def _reaches_threshold(s: Situation, rules: DecisionRules) -> bool:
    """Whether the level, now above its threshold, reaches it within the horizon at its rate."""
    days = s.trend.days_to_threshold if s.trend else None
    return days is not None and days <= rules.horizon_days


def _trend_reason(trend: Trend | None, threshold: str) -> list[str]:
    if trend is None:
        return []
    speed = decimal(abs(trend.cm_per_day), 1)
    if trend.falling:
        reason = f"el nivel baja {speed} cm por día"
        if trend.days_to_threshold:
            reason += f"; a este ritmo llegaría a {threshold} m en {_days(trend.days_to_threshold)}"
        return [reason]
    return [f"el nivel sube {speed} cm por día" if trend.rising else "el nivel se mantiene estable"]


def _rain_reason(s: Situation) -> list[str]:
    if s.rain_days is None:
        return ["no se pudo evaluar la lluvia"]
    if s.rain_days == 0:
        return [f"no se espera lluvia en {_coming(s.forecast_days)}"]
    return [f"se espera lluvia en {s.rain_days} de {_coming(s.forecast_days)}"]


def _coming(days: int) -> str:
    return "el próximo día" if days == 1 else f"los próximos {days} días"


def _days(days: float) -> str:
    whole = max(1, round(days))
    return "1 día" if whole == 1 else f"{whole} días"
