"""Answer writers for the data tools: they read the typed results, never guess at keys."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from botk_adapters.local.answer_diagnosis import forecast_line, num, write_diagnosis
from botk_adapters.local.answer_events import write_eventos
from botk_adapters.local.answers import Answer, Writer
from botk_core.domain import WeatherReport
from botk_core.sensors.spanish import count, day_of
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


def values(means: Means, decimals: int = 2) -> str:
    return (
        f"temperatura {num(means.temperature, '°C', decimals)}, "
        f"humedad {num(means.humidity, '%', decimals)}, "
        f"nivel del estanque {num(means.level, 'm', decimals)}"
    )


def with_notice(lines: list[str], provenance: Provenance) -> Answer:
    if provenance.synthetic and provenance.notice:
        lines.append(f"⚠ {provenance.notice}")
    return Answer("\n".join(lines))


def station_lines(result: StationAverages) -> list[str]:
    lines = []
    window, where = result.window, ""
    if window is not None and window.fallback:
        lines.append(
            f"No hay lecturas de {result.station} en {window.requested}: el último dato es de "
            f"{window.last_data}. Te muestro los promedios de {window.used}."
        )
    if window is not None:
        where = f" {window.phrase()}" + (" con datos" if window.fallback else "")
    span = f", {result.period}" if result.period else ""
    readings = count(result.readings, "lectura", "lecturas")
    lines.append(f"Promedios de la estación {result.station}{where} ({readings}{span}):")
    lines.append(values(result.means) + ".")
    if result.quality_note:
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
