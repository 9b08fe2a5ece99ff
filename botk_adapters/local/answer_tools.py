"""Answer writers for the data tools: they read the typed results, never guess at keys."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from botk_adapters.local.answer_diagnosis import write_diagnosis
from botk_adapters.local.answer_events import write_eventos
from botk_adapters.local.answers import Answer, Writer
from botk_adapters.local.diagnosis_lines import forecast_line, num
from botk_core.domain import WeatherReport
from botk_core.sensors.spanish import count, day_of
from botk_core.sensors.summary import left_out_sentence
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.events import GET_EVENTOS
from botk_core.tools.measurements import GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.report import MODIFY_DOCUMENT
from botk_core.tools.results import AllAverages, Means, Provenance, SeasonalAverages, StationAverages
from botk_core.tools.results_diagnosis import DiagnosisResult
from botk_core.tools.results_events import EventsResult
from botk_core.tools.seasons import SEASONS
from botk_core.tools.typed import from_json
from botk_core.tools.weather import GET_CLIMA

__all__ = ["TOOL_WRITERS", "forecast_line", "num"]

T = TypeVar("T")
UNREADABLE = "No pude leer el resultado de la consulta."


def typed(cls: type[T], write: Callable[[T, str], Answer]) -> Writer:
    """A writer that first reads the output as ``cls``."""

    def writer(output: Mapping[str, Any], question: str) -> Answer:
        try:
            result = from_json(cls, output)
        except ValueError:
            return Answer(UNREADABLE)
        return write(result, question)

    return writer


_NAMES = {
    "temperatura": ("temperatura", "°C"),
    "humedad": ("humedad", "%"),
    "nivel": ("nivel del estanque", "m"),
}


def values(means: Means, decimals: int = 2, fields: tuple[str, ...] = ()) -> str:
    """ "temperatura 27,03 °C, humedad 39,96 %, nivel del estanque 1,35 m", or only the ``fields`` asked."""
    shown = {"temperatura": means.temperature, "humedad": means.humidity, "nivel": means.level}
    chosen = [f for f in shown if f in fields] or list(shown)
    return ", ".join(f"{_NAMES[f][0]} {num(shown[f], _NAMES[f][1], decimals)}" for f in chosen)


def with_notice(lines: list[str], provenance: Provenance) -> Answer:
    if provenance.synthetic and provenance.notice:
        lines.append(f"⚠ {provenance.notice}")
    return Answer("\n".join(lines))


def _fallback_line(result: StationAverages) -> list[str]:
    """Why the means are of another window than the one asked for."""
    window = result.window
    if window is None or not window.fallback:
        return []
    if window.dated:
        used = window.used.removeprefix("en ")
        return [
            f"No hay lecturas de {result.station} {window.requested}; te muestro {used}, el último con datos."
        ]
    return [
        f"No hay lecturas de {result.station} en {window.requested}: el último dato es de "
        f"{window.last_data}. Te muestro los promedios de {window.used}."
    ]


def station_lines(result: StationAverages) -> list[str]:
    """The means of one station; only the measurements asked for when the question named them."""
    where = f" {result.window.shown()}" if result.window is not None else ""
    span = f", {result.period}" if result.period else ""
    readings = count(result.readings, "lectura", "lecturas")
    fields = result.fields
    if len(fields) == 1:
        name = _NAMES[fields[0]][0]
        head = f"{name[0].upper()}{name[1:]} promedio de la estación {result.station}"
    else:
        head = f"Promedios de la estación {result.station}"
    lines = [*_fallback_line(result), f"{head}{where} ({readings}{span}):"]
    lines.append(values(result.means, fields=fields) + ".")
    note = left_out_sentence(tuple(i for i in result.left_out if i.field in fields)) if fields else None
    if fields and result.quality_note:
        lines += [note] if note else []
    elif result.quality_note:
        lines.append(result.quality_note)
    return lines


def write_promedio(output: Mapping[str, Any], question: str) -> Answer:
    if isinstance(output.get("estaciones"), list):
        return typed(AllAverages, _write_all)(output, question)
    return typed(StationAverages, lambda r, q: with_notice(station_lines(r), r.provenance))(output, question)


def _write_all(result: AllAverages, question: str) -> Answer:
    lines: list[str] = []
    for station in result.stations:
        lines += [*station_lines(station), ""]
    lines += [*result.without_data, ""] if result.without_data else []
    return with_notice(lines[:-1], result.provenance)


def write_estacional(result: SeasonalAverages, question: str) -> Answer:
    scope = (
        "todas las estaciones de sensores" if result.station == "todas" else f"la estación {result.station}"
    )
    lines = [f"Promedios por estación del año ({scope}):"]
    for season in SEASONS:
        means = result.seasons.get(season)
        if means:
            row = Means(temperature=means.temperature, humidity=means.humidity, level=means.level)
            lines.append(f"- {season}: {values(row)} ({count(means.n, 'lectura', 'lecturas')})")
    if result.quality_note:
        lines.append(result.quality_note)
    return with_notice(lines, result.provenance)


def write_clima(report: WeatherReport, question: str) -> Answer:
    now = report.current
    moment = "de día" if now.is_day else "de noche"
    lines = [
        f"Clima en {report.location} ahora: {num(now.temp_c, '°C')}, humedad {num(now.humidity, '%', 0)}, "
        f"{now.condition.lower()} ({moment}).",
        "Pronóstico:",
    ]
    for day in report.forecast:
        lines.append(
            f"- {day_of(day.date)}: máxima {num(day.maxtemp_c, '°C')}, mínima {num(day.mintemp_c, '°C')}, "
            f"probabilidad de lluvia {num(day.daily_chance_of_rain, '%', 0)}"
        )
    return Answer("\n".join(lines))


def write_modify_document(output: Mapping[str, Any], question: str) -> Answer:
    return Answer(f"Listo: actualicé la sección {output['section']} del informe de esta conversación.")


TOOL_WRITERS: dict[str, Writer] = {
    GET_PROMEDIO: write_promedio,
    GET_PROMEDIO_ESTACIONAL: typed(SeasonalAverages, write_estacional),
    GET_CLIMA: typed(WeatherReport, write_clima),
    DIAGNOSTICO: typed(DiagnosisResult, write_diagnosis),
    GET_EVENTOS: typed(EventsResult, write_eventos),
    MODIFY_DOCUMENT: write_modify_document,
}
