"""The lines of a tank's readings in the diagnosis answer: values, 24 h means, trend and forecast.

Numbers are written the Chilean way (decimal comma) with their unit; a
value with no data says "sin dato", and a mean whose values the quality
checks all left out says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botk_core.domain import LeftOut
from botk_core.sensors.spanish import count, day_of
from botk_core.sensors.summary import left_out_list
from botk_core.tools.results import Means
from botk_core.tools.results_diagnosis import Forecast, Sensors, TrendOut


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


def means_line(means: Means, left_out: Sequence[LeftOut] = ()) -> str:
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


def sensor_line(sensors: Sensors) -> str:
    """The latest valid values (a date said once for the values that share it) and the 24 h means."""
    named = [
        (name, v, unit)
        for name, v, unit in (
            ("nivel del estanque", sensors.level, "m"),
            ("humedad", sensors.humidity, "%"),
            ("temperatura", sensors.temperature, "°C"),
        )
        if v is not None
    ]
    readings = count(sensors.day_readings, "lectura", "lecturas")
    means = means_line(sensors.day_means, sensors.day_left_out)
    day = f"Promedio de {sensors.day_window} ({readings}): {means}."
    if not named:
        return f"No hay lecturas válidas de nivel, humedad ni temperatura. {day}"
    groups: dict[str, list[str]] = {}
    for name, v, unit in named:
        groups.setdefault(v.when, []).append(f"{name} {num(v.value, unit, 2 if unit == 'm' else 1)}")
    parts = [f"{', '.join(values)} ({when})" for when, values in groups.items()]
    head = (
        "Últimos valores válidos: "
        if sensors.level
        else "No hay lecturas válidas de nivel. Últimos valores: "
    )
    return f"{head}{'; '.join(parts)}. {day}"


def trend_line(trend: TrendOut | None) -> list[str]:
    if trend is None:
        return []
    speed = num(abs(trend.cm_per_day), "cm por día")
    if trend.cm_per_day <= -0.5:
        text = f"baja {speed}" + ("; ya está bajo el umbral" if trend.days_to_threshold == 0 else "")
    else:
        text = f"sube {speed}" if trend.cm_per_day >= 0.5 else "estable"
    return [f"Tendencia del nivel en {trend.period} ({count(trend.points, 'lectura', 'lecturas')}): {text}."]
