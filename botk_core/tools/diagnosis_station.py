"""The diagnosis of one station: latest valid values, trend, quality, events and the decision."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from botk_core.domain import Reading
from botk_core.sensors import spanish
from botk_core.sensors.decision import NO_DATA, Decision, Situation, decide
from botk_core.sensors.events import Event, EventKind, find_events
from botk_core.sensors.rules import DAY, HOUR, StationConfig
from botk_core.sensors.stations import Stations
from botk_core.sensors.summary import left_out_of, left_out_sentence, suspect_sensor
from botk_core.sensors.trend import Trend, level_trend
from botk_core.sensors.window import Window, choose_window
from botk_core.tools.events import event_out
from botk_core.tools.forecast import forecast_note
from botk_core.tools.measurements import local_time
from botk_core.tools.results import Means
from botk_core.tools.results_diagnosis import (
    EventOut,
    Forecast,
    LatestValue,
    Recommendation,
    Sensors,
    StationDiagnosis,
    TrendOut,
    Verdict,
)

FIELDS = ("nivel", "humedad", "temperatura")
JUDGED = ("nivel", "humedad")
MAX_EVENTS = 5


def no_data(station: str, config: StationConfig, forecast: Forecast) -> StationDiagnosis:
    return StationDiagnosis(
        station=station,
        kind=config.kind,
        message=f"No hay lecturas de sensores de la estación {station}; no puedo diagnosticar.",
        forecast=forecast,
        verdict=Verdict(findings=(), conclusion=NO_DATA, note=forecast_note(forecast)),
    )


class StationDiagnoser:
    """Diagnoses stations one by one with the same clock, zone and rules."""

    def __init__(self, stations: Stations) -> None:
        self.stations = stations
        self.repo, self.zone, self.rules = stations.repo, stations.zone, stations.rules.decision

    def diagnose(self, station: str, forecast: Forecast) -> StationDiagnosis:
        config = self.stations.config(station)
        latest = self.repo.latest(station)
        if latest is None:
            return no_data(station, config, forecast)
        values = {f: v for f in FIELDS if (v := self.repo.latest_valid(station, f)) is not None}
        window, recent, judged = self._windows(station, latest)
        trend = level_trend(judged, config.low_level_m)
        situation = self._situation(config, values, forecast, trend, judged, window.name(self.zone))
        silent = self.stations.now() - latest.timestamp > self.rules.stale_hours * HOUR
        decision = decide(attrs.evolve(situation, silent=silent), self.rules)
        left_out = left_out_of(judged)
        events = find_events(recent, self.rules, self.stations.now())
        return StationDiagnosis(
            station=station,
            kind=config.kind,
            sensors=self._sensors(station, values, latest),
            trend=self._trend(trend, config, window.name(self.zone)),
            forecast=forecast,
            verdict=Verdict(
                findings=decision.findings, conclusion=decision.label, note=forecast_note(forecast)
            ),
            recommendation=_recommendation(decision),
            left_out=left_out,
            quality_note=left_out_sentence(left_out),
            events=self._events(events),
            events_total=len(events),
            stale=self._stale_fields(values) != [],
            warning=self._warning(values),
        )

    def _windows(self, station: str, latest: Reading) -> tuple[Window, list[Reading], list[Reading]]:
        """The trend window, the readings of the events window, and those of the trend window."""
        window = choose_window(self.stations.now(), self.rules.trend_days, latest.timestamp)
        since = min(window.since, latest.timestamp - self.rules.events_days * DAY)
        recent = list(self.repo.readings(station, since=since, until=latest.timestamp))
        return window, recent, [r for r in recent if window.since <= r.timestamp <= window.until]

    def _situation(
        self,
        config: StationConfig,
        values: dict[str, Reading],
        forecast: Forecast,
        trend: Trend | None,
        judged: Sequence[Reading],
        window_name: str,
    ) -> Situation:
        level, humidity = values.get("nivel"), values.get("humedad")
        valid_levels = sum(1 for r in judged if r.valid("nivel") is not None)
        sparse = None
        if level is not None and valid_levels < self.rules.min_valid_levels:
            found = spanish.count(valid_levels, "lectura válida", "lecturas válidas")
            sparse = f"solo hay {found} de nivel en {window_name}"
        return Situation(
            config=config,
            level=level.nivel if level else None,
            humidity=humidity.humedad if humidity else None,
            rain_days=forecast.rain_days if forecast.error is None else None,
            forecast_days=len(forecast.days),
            trend=trend,
            stale=self._stale_reason(level),
            sparse=sparse,
            suspect=suspect_sensor(judged, self.rules.suspect_share),
        )

    def _stale_reason(self, level: Reading | None) -> str | None:
        if level is None or self.stations.now() - level.timestamp <= self.rules.stale_hours * HOUR:
            return None
        when = spanish.when(level.timestamp, self.stations.now(), self.zone)
        return f"el último dato válido de nivel es de {when}"

    def _stale_fields(self, values: dict[str, Reading]) -> list[str]:
        limit = self.rules.stale_hours * HOUR
        return [f for f in JUDGED if f in values and self.stations.now() - values[f].timestamp > limit]

    def _warning(self, values: dict[str, Reading]) -> str | None:
        stale = self._stale_fields(values)
        if not stale:
            return None
        oldest = min((values[f] for f in stale), key=lambda r: r.timestamp)
        return (
            f"El dato usado más antiguo ({', '.join(stale)}) es de "
            f"{spanish.when(oldest.timestamp, self.stations.now(), self.zone)}; "
            "el diagnóstico puede no reflejar la situación de hoy."
        )

    def _sensors(self, station: str, values: dict[str, Reading], latest: Reading) -> Sensors:
        day = choose_window(self.stations.now(), 1, latest.timestamp)
        averages = self.repo.averages(station, since=day.since, until=day.until)
        latest_values = {f: self._value(values[f], f) for f in FIELDS if f in values}
        return Sensors(
            level=latest_values.get("nivel"),
            humidity=latest_values.get("humedad"),
            temperature=latest_values.get("temperatura"),
            day_means=Means.of(averages),
            day_readings=averages.n,
            day_left_out=averages.left_out,
            day_window=day.name(self.zone),
        )

    def _value(self, reading: Reading, field: str) -> LatestValue:
        now = self.stations.now()
        return LatestValue(
            value=float(getattr(reading, field)),
            at=local_time(reading.timestamp, self.zone) or "",
            when=spanish.when(reading.timestamp, now, self.zone),
            age_hours=round((now - reading.timestamp) / HOUR, 1),
            ago=spanish.ago(now - reading.timestamp),
        )

    def _trend(self, trend: Trend | None, config: StationConfig, window_name: str) -> TrendOut | None:
        if trend is None:
            return None
        days = None if trend.days_to_threshold is None else round(trend.days_to_threshold, 1)
        return TrendOut(
            cm_per_day=round(trend.cm_per_day, 1),
            days_to_threshold=days,
            threshold_m=config.low_level_m,
            period=window_name,
            points=trend.points,
        )

    def _events(self, events: Sequence[Event]) -> tuple[EventOut, ...]:
        """The events to show: a silence until now first, then empty tanks, then the newest others.

        Past events come in time order after the one going on.
        """
        ranked = sorted(
            events, key=lambda e: (e.ongoing, e.kind is EventKind.EMPTY_TANK, e.start), reverse=True
        )
        found = sorted(ranked[:MAX_EVENTS], key=lambda e: (not e.ongoing, e.start))
        return tuple(event_out(e, self.zone) for e in found)


def _recommendation(decision: Decision) -> Recommendation:
    return Recommendation(
        action=decision.action, reasons=decision.reasons, trusted=decision.trusted, distrust=decision.distrust
    )
