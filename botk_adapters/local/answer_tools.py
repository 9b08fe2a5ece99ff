"""Answer writers for the data tools' outputs: numbers with units, conclusions, data age."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from botk_adapters.local.answers import Answer, Writer

SEASON_ORDER = ("Verano", "Otoño", "Invierno", "Primavera")


def num(value: Any, unit: str, decimals: int = 1) -> str:
    """A number the Chilean way (decimal comma) with its unit, or "sin dato"."""
    if value is None:
        return "sin dato"
    text = f"{float(value):.{decimals}f}".replace(".", ",")
    return f"{text} {unit}" if unit else text


def when(iso: str | None) -> str:
    """A local ISO time as "15-01-2026 10:00"."""
    if not iso:
        return "fecha desconocida"
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return iso


def _values(means: Mapping[str, Any], decimals: int = 2) -> str:
    return (
        f"temperatura {num(means.get('temperatura'), '°C', decimals)}, "
        f"humedad {num(means.get('humedad'), '%', decimals)}, "
        f"nivel del estanque {num(means.get('nivel'), 'm', decimals)}"
    )


def _with_notice(lines: list[str], output: Mapping[str, Any]) -> Answer:
    if output.get("datos_sinteticos"):
        lines.append(f"⚠ {output.get('aviso', 'Datos sintéticos de demostración.')}")
    return Answer("\n".join(lines))


def write_promedio(output: Mapping[str, Any], question: str) -> Answer:
    head = (
        f"Promedios de la estación {output['estacion']} ({output['lecturas']} lecturas, "
        f"del {when(output.get('desde'))} al {when(output.get('hasta'))}):"
    )
    return _with_notice([head, _values(output["promedio"]) + "."], output)


def write_estacional(output: Mapping[str, Any], question: str) -> Answer:
    station = output.get("estacion")
    scope = "todas las estaciones de sensores" if station in (None, "todas") else f"la estación {station}"
    lines = [f"Promedios por estación del año ({scope}):"]
    for season in SEASON_ORDER:
        values = output["promedios"].get(season)
        if values:
            lines.append(f"- {season}: {_values(values)} ({values['n']} lecturas)")
    return _with_notice(lines, output)


def write_clima(output: Mapping[str, Any], question: str) -> Answer:
    now = output["current"]
    moment = "de día" if now.get("is_day") else "de noche"
    lines = [
        f"Clima en {output['location']} ahora: {num(now['temp_c'], '°C')}, "
        f"humedad {num(now['humidity'], '%', 0)}, "
        f"{str(now['condition']).lower()} ({moment}).",
        "Pronóstico:",
    ]
    for day in output.get("forecast", []):
        lines.append(
            f"- {day['date']}: máxima {num(day['maxtemp_c'], '°C')}, mínima {num(day['mintemp_c'], '°C')}, "
            f"probabilidad de lluvia {num(day.get('daily_chance_of_rain'), '%', 0)}"
        )
    return Answer("\n".join(lines))


def _forecast_line(forecast: Mapping[str, Any]) -> str:
    if "error" in forecast:
        return f"Pronóstico en {forecast.get('lugar', '?')}: no disponible ({forecast['error']})."
    days = forecast.get("detalle", [])
    chances = ", ".join(f"{d['fecha']}: {num(d['lluvia_prob'], '%', 0)}" for d in days)
    if forecast.get("dias_con_lluvia", 0) is None:
        return (
            f"Pronóstico en {forecast.get('lugar')}: probabilidad de lluvia sin dato "
            f"para los {len(days)} días; la lluvia no se pudo evaluar."
        )
    return (
        f"Pronóstico en {forecast.get('lugar')}: {forecast.get('dias_con_lluvia', 0)} de {len(days)} días "
        f"con lluvia probable (≥ 50 %). Probabilidad de lluvia por día: {chances}."
    )


def write_diagnostico(output: Mapping[str, Any], question: str) -> Answer:
    verdict = output["diagnostico"]
    if output.get("sin_datos"):
        return Answer(f"{output['mensaje']}\n{_forecast_line(output['pronostico'])}")
    sensors = output["sensores"]
    day = sensors.get("ultimas_24h", {})
    lines = [
        f"Diagnóstico hídrico de {output['estacion']}: {verdict['conclusion']}.",
        f"Última lectura ({when(sensors.get('fecha'))}, {sensors.get('antiguedad')}): "
        f"nivel del estanque {num(sensors.get('nivel'), 'm', 2)}, "
        f"humedad {num(sensors.get('humedad'), '%')}, "
        f"temperatura {num(sensors.get('temperatura'), '°C')}.",
        f"Promedio de las últimas 24 h ({day.get('n', 0)} lecturas): {_values(day)}.",
        _forecast_line(output["pronostico"]),
    ]
    reasons = verdict.get("analisis") or ["Ningún indicador está bajo su umbral."]
    lines += ["Razones:", *(f"- {reason}" for reason in reasons)]
    if verdict.get("nota"):
        lines.append(verdict["nota"])
    if output.get("advertencia"):
        lines.append(f"⚠ {output['advertencia']}")
    return _with_notice(lines, output)


def write_modify_document(output: Mapping[str, Any], question: str) -> Answer:
    return Answer(f"Listo: actualicé la sección {output['section']} del informe de esta conversación.")


TOOL_WRITERS: dict[str, Writer] = {
    "get_promedio": write_promedio,
    "get_promedio_estacional": write_estacional,
    "get_clima": write_clima,
    "diagnostico_hidrico_integrado": write_diagnostico,
    "modify_document": write_modify_document,
}
