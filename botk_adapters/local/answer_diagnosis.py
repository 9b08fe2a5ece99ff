"""The offline answer for the water diagnosis: one actionable line per tank first, then compact details.

Each tank leads with what to do, why in a few words and how old its data is
("Cancosa: guardar agua (condición moderada): el nivel baja 9,0 cm por día…;
último dato hace 21 minutos"); a station that has stopped sending data says
that instead of a recommendation it cannot back. The details follow, a few
lines per tank: its latest values with the 24 h means, the trend, the
findings, what the quality checks left out and its events. A forecast shared
by several tanks is said once.
"""

from __future__ import annotations

from botk_adapters.local.answer_focus import focus_lines
from botk_adapters.local.answers import Answer
from botk_adapters.local.diagnosis_lines import forecast_line, num, sensor_line, trend_line
from botk_core.sensors.decision import CHECK, CHECK_STATION
from botk_core.sensors.spanish import count
from botk_core.tools.results_diagnosis import DiagnosisResult, Forecast, Recommendation, StationDiagnosis

__all__ = ["forecast_line", "lead_line", "num", "station_block", "write_diagnosis"]


def _header(d: StationDiagnosis) -> list[str]:
    """The verdict and the recommendation with all its reasons; why it cannot be trusted, if so."""
    rec = d.recommendation
    stale = rec is not None and rec.action == CHECK_STATION and d.sensors and d.sensors.level
    based = (
        f" (según su último dato, {d.sensors.level.ago})" if stale and d.sensors and d.sensors.level else ""
    )
    head = f"Diagnóstico hídrico de {d.station}: {d.verdict.conclusion}{based}."
    if rec is None:
        return [head]
    reasons = f": {'; '.join(rec.reasons)}" if rec.reasons else ""
    lines = [f"{head} Recomendación: {rec.action}{reasons}."]
    if not rec.trusted and rec.distrust:
        lines.append(f"⚠ No se puede confiar en esta recomendación para hoy: {rec.distrust}.")
    return lines


def station_block(d: StationDiagnosis, with_forecast: bool = True) -> list[str]:
    """One station's details; ``with_forecast`` False when the answer says the forecast apart."""
    if d.message:
        return [d.message, *([forecast_line(d.forecast)] if with_forecast else [])]
    # A silence still going on is what matters first: it comes before the verdict, once.
    silent = [
        f"{d.station} {e.text.removeprefix('la estación ')}: hay que revisar la estación."
        for e in d.events
        if e.ongoing
    ]
    lines = [*silent, *_header(d)]
    if d.sensors:
        lines.append(sensor_line(d.sensors))
    lines += trend_line(d.trend)
    lines += [forecast_line(d.forecast)] if with_forecast else []
    findings = " ".join(d.verdict.findings) or "Ningún indicador está bajo su umbral."
    lines.append(f"Hallazgos: {findings}")
    partly = d.forecast.error is None and d.forecast.rain_days is not None
    lines += [d.verdict.note] if d.verdict.note and partly else []
    lines += [f"Calidad de los datos: {d.quality_note}"] if d.quality_note else []
    past = [e for e in d.events if not e.ongoing]
    if past:
        lines += ["Eventos:", *(f"- {e.text[0].upper()}{e.text[1:]}." for e in past)]
        hidden = d.events_total - len(d.events)
        if hidden > 0:
            lines.append(f"- … y {count(hidden, 'evento más', 'eventos más')} en los datos recientes.")
    trusted = d.recommendation is None or d.recommendation.trusted
    if d.warning and trusted:
        lines.append(f"⚠ {d.warning}")
    return lines


def lead_line(d: StationDiagnosis) -> str:
    """The tank in one line: what to do, the main reason and the age of its data."""
    rec, sensors = d.recommendation, d.sensors
    if d.message or rec is None:
        return f"{d.station}: sin lecturas; no puedo diagnosticar."
    values = [v for v in (sensors.level, sensors.humidity, sensors.temperature) if v] if sensors else []
    newest = max(values, key=lambda v: v.at).ago if values else None
    age = f"último dato {newest}" if newest else "sin datos válidos"
    if rec.action == CHECK_STATION:
        return f"{d.station}: sin datos recientes ({age}): {rec.action}."
    if rec.action == CHECK:
        return f"{d.station}: {rec.action}: {'; '.join(rec.reasons[:1])}; {age}."
    label = d.verdict.conclusion[:1].lower() + d.verdict.conclusion[1:]
    reason = f": {rec.reasons[0]}" if rec.reasons else ""
    return f"{d.station}: {rec.action} ({label}){reason}; {age}{_untrusted(rec)}."


def _untrusted(rec: Recommendation) -> str:
    return f" (no confiable para hoy: {rec.distrust})" if not rec.trusted and rec.distrust else ""


def _forecasts(result: DiagnosisResult) -> list[str]:
    """The forecast of each place the stations share, once."""
    places: dict[str, Forecast] = {}
    for d in result.stations:
        places.setdefault(d.forecast.place, d.forecast)
    return [forecast_line(forecast) for forecast in places.values()]


def write_diagnosis(result: DiagnosisResult, question: str) -> Answer:
    """One station: its details, or what was asked and a line; several: a line each, then the details."""
    stations = result.stations
    if len(stations) == 1:
        d = stations[0]
        focus = focus_lines(d, question)
        # A question about one value or whether it works gets that, and the tank in one line.
        text = "\n".join([*focus, f"En resumen, {lead_line(d)}"] if focus else station_block(d))
    else:
        focus = [line for d in stations for line in focus_lines(d, question)]
        lead = ["Recomendación por estanque:", *(f"- {lead_line(d)}" for d in stations)]
        blocks = ["\n".join(station_block(d, with_forecast=False)) for d in stations]
        text = "\n\n".join(["\n".join([*focus, *lead, *_forecasts(result)]), *blocks])
    if result.provenance.synthetic and result.provenance.notice:
        text += f"\n⚠ {result.provenance.notice}"
    return Answer(text)
