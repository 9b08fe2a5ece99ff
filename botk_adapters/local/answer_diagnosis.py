"""The offline answer for the water diagnosis: decision first, then its numbers and reasons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botk_adapters.local.answers import Answer
from botk_core.domain import LeftOut
from botk_core.sensors.spanish import count, day_of
from botk_core.sensors.summary import left_out_list
from botk_core.text import words
from botk_core.tools.results import Means
from botk_core.tools.results_diagnosis import (
    DiagnosisResult,
    Forecast,
    LatestValue,
    Recommendation,
    Sensors,
    StationDiagnosis,
    TrendOut,
)


def num(value: Any, unit: str, decimals: int = 1) -> str:
    """A number the Chilean way (decimal comma) with its unit, or "sin dato"."""
    if value is None:
        return "sin dato"
    text = f"{float(value):.{decimals}f}".replace(".", ",")
    return f"{text} {unit}" if unit else text


def forecast_line(forecast: Forecast) -> str:
    if forecast.error is not None:
        return f"Pronóstico en {forecast.place}: {forecast.error}"
    chances = ", ".join(f"{day_of(d.date)}: {num(d.rain_pct, '%', 0)}" for d in forecast.days)
    if forecast.rain_days is None:
        return (
            f"Pronóstico en {forecast.place}: probabilidad de lluvia sin dato "
            f"para {'el día' if len(forecast.days) == 1 else f'los {len(forecast.days)} días'}; "
            "la lluvia no se pudo evaluar."
        )
    return (
        f"Pronóstico en {forecast.place}: {forecast.rain_days} de {count(len(forecast.days), 'día', 'días')} "
        f"con lluvia probable (≥ 50 %). Probabilidad de lluvia por día: {chances}."
    )


def _means(means: Means, left_out: Sequence[LeftOut] = ()) -> str:
    """The three means; a mean without data says why when its values were all left out."""
    parts = []
    for name, field, value, unit in (
        ("temperatura", "temperatura", means.temperature, "°C"),
        ("humedad", "humedad", means.humidity, "%"),
        ("nivel del estanque", "nivel", means.level, "m"),
    ):
        why = left_out_list([item for item in left_out if item.field == field]) if value is None else None
        parts.append(f"{name} {num(value, unit, 2)}" + (f" (dejé fuera {why})" if why else ""))
    return ", ".join(parts)


def _sensor_lines(sensors: Sensors) -> list[str]:
    """The latest valid values; a date is said once for the values that share it."""
    named = [
        (name, v, unit)
        for name, v, unit in (
            ("nivel del estanque", sensors.level, "m"),
            ("humedad", sensors.humidity, "%"),
            ("temperatura", sensors.temperature, "°C"),
        )
        if v is not None
    ]
    if not named:
        return ["No hay lecturas válidas de nivel, humedad ni temperatura."]
    groups: dict[str, list[str]] = {}
    for name, v, unit in named:
        groups.setdefault(v.when, []).append(f"{name} {num(v.value, unit, 2 if unit == 'm' else 1)}")
    parts = [f"{', '.join(values)} ({when})" for when, values in groups.items()]
    head = (
        "Últimos valores válidos: "
        if sensors.level
        else "No hay lecturas válidas de nivel. Últimos valores: "
    )
    readings = count(sensors.day_readings, "lectura", "lecturas")
    day = f"Promedio de {sensors.day_window} ({readings}): {_means(sensors.day_means, sensors.day_left_out)}."
    return [head + "; ".join(parts) + ".", day]


def _trend_line(trend: TrendOut | None) -> list[str]:
    if trend is None:
        return []
    speed = num(abs(trend.cm_per_day), "cm por día")
    if trend.cm_per_day <= -0.5:
        text = f"baja {speed}"
        if trend.days_to_threshold:
            days = max(1, round(trend.days_to_threshold))
            plural = "s" if days > 1 else ""
            text += f"; a este ritmo llegaría a {num(trend.threshold_m, 'm')} en {days} día{plural}"
        elif trend.days_to_threshold == 0:
            text += "; ya está bajo el umbral"
    else:
        text = f"sube {speed}" if trend.cm_per_day >= 0.5 else "estable"
    return [f"Tendencia del nivel en {trend.period} ({count(trend.points, 'lectura', 'lecturas')}): {text}."]


def _recommendation_lines(rec: Recommendation | None) -> list[str]:
    if rec is None:
        return []
    reasons = f": {'; '.join(rec.reasons)}" if rec.reasons else ""
    lines = [f"Recomendación: {rec.action}{reasons}."]
    if not rec.trusted and rec.distrust:
        lines.append(f"⚠ No se puede confiar en esta recomendación para hoy: {rec.distrust}.")
    return lines


def station_block(d: StationDiagnosis) -> list[str]:
    """One station's part of the answer."""
    if d.message:
        return [d.message, forecast_line(d.forecast)]
    lines = [
        f"Diagnóstico hídrico de {d.station}: {d.verdict.conclusion}.",
        *_recommendation_lines(d.recommendation),
    ]
    if d.sensors:
        lines += _sensor_lines(d.sensors)
    lines += [*_trend_line(d.trend), forecast_line(d.forecast), "Hallazgos:"]
    lines += [f"- {f}" for f in d.verdict.findings] or ["- Ningún indicador está bajo su umbral."]
    lines += [d.verdict.note] if d.verdict.note else []
    lines += [f"Calidad de los datos: {d.quality_note}"] if d.quality_note else []
    if d.events:
        lines += ["Eventos:", *(f"- {e.text[0].upper()}{e.text[1:]}." for e in d.events)]
        hidden = d.events_total - len(d.events)
        if hidden > 0:
            lines.append(f"- … y {count(hidden, 'evento más', 'eventos más')} en los datos recientes.")
    trusted = d.recommendation is None or d.recommendation.trusted
    if d.warning and trusted:
        lines.append(f"⚠ {d.warning}")
    return lines


_FOCUS = (
    (("temperatura", "temp"), "La última temperatura válida de {s} es {v}", "temperature", "°C"),
    (("humedad",), "La última humedad válida de {s} es {v}", "humidity", "%"),
    (("nivel",), "El último nivel válido del estanque de {s} es {v}", "level", "m"),
)
_LATEST = frozenset({"ultimo", "ultima", "ultimos", "ultimas", "reciente"})
_DATA = frozenset({"dato", "datos", "lectura", "lecturas", "medicion", "mediciones", "registro"})


def focus_lines(d: StationDiagnosis, question: str) -> list[str]:
    """The value the question asks for, first: "La última temperatura válida de Iquiuca es 27,8 °C (...)"."""
    asked, sensors = set(words(question)), d.sensors
    if sensors is None:
        return []
    lines = []
    for names, sentence, attribute, unit in _FOCUS:
        value: LatestValue | None = getattr(sensors, attribute)
        if value is not None and asked & set(names):
            shown = num(value.value, unit, 2 if unit == "m" else 1)
            lines.append(sentence.format(s=d.station, v=shown) + f" ({value.when}).")
    if not lines and asked & _LATEST and asked & _DATA:
        values = [v for v in (sensors.level, sensors.humidity, sensors.temperature) if v is not None]
        if values:
            newest = max(values, key=lambda v: v.at)
            lines.append(f"El último dato válido de {d.station} es de {newest.when}.")
    return lines


def summary_line(result: DiagnosisResult) -> list[str]:
    """With several stations, each one's recommendation in one line, before the details."""
    if len(result.stations) < 2:
        return []
    parts = []
    for d in result.stations:
        rec = d.recommendation
        if rec is None:
            parts.append(f"{d.station}: sin datos")
            continue
        label = d.verdict.conclusion.removeprefix("Condición ")
        parts.append(
            f"{d.station}: {rec.action} ({label}{'' if rec.trusted else ', datos no confiables para hoy'})"
        )
    return ["Recomendación por estanque: " + "; ".join(parts) + "."]


def write_diagnosis(result: DiagnosisResult, question: str) -> Answer:
    blocks = summary_line(result)
    blocks += ["\n".join([*focus_lines(d, question), *station_block(d)]) for d in result.stations]
    text = "\n\n".join(blocks)
    if result.provenance.synthetic and result.provenance.notice:
        text += f"\n⚠ {result.provenance.notice}"
    return Answer(text)
