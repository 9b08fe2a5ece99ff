"""Typed output of ``diagnostico_hidrico_integrado``; JSON keys in Spanish, as the model sees them."""

from __future__ import annotations

import attrs

from botk_core.domain import LeftOut
from botk_core.tools.results import UNITS, Means, Provenance
from botk_core.tools.typed import key


@attrs.frozen(kw_only=True)
class LatestValue:
    """The newest valid value of one sensor, with its date and age."""

    value: float = key("valor")
    at: str = key("fecha")
    when: str = key("cuando")
    age_hours: float = key("antiguedad_horas")
    ago: str = key("hace", default="")


@attrs.frozen(kw_only=True)
class Sensors:
    level: LatestValue | None = key("nivel", default=None)
    humidity: LatestValue | None = key("humedad", default=None)
    temperature: LatestValue | None = key("temperatura", default=None)
    units: dict[str, str] = key("unidades", factory=lambda: dict(UNITS))
    day_means: Means = key("promedio_24h")
    day_readings: int = key("lecturas_24h")
    day_window: str = key("ventana_24h")
    day_left_out: tuple[LeftOut, ...] = key("excluidas_24h", default=())


@attrs.frozen(kw_only=True)
class ForecastDay:
    date: str = key("fecha")
    rain_pct: float | None = key("lluvia_prob")
    max_temp: float = key("max_temp")


@attrs.frozen(kw_only=True)
class Forecast:
    """The rain forecast of the station's place; ``error`` says why there is none."""

    place: str = key("lugar")
    rain_days: int | None = key("dias_con_lluvia", default=None)
    unknown_days: int = key("dias_sin_dato", default=0)
    days: tuple[ForecastDay, ...] = key("detalle", default=())
    error: str | None = key("error", default=None)


@attrs.frozen(kw_only=True)
class TrendOut:
    cm_per_day: float = key("cm_por_dia")
    days_to_threshold: float | None = key("dias_hasta_umbral")
    threshold_m: float = key("umbral_m")
    period: str = key("periodo")
    points: int = key("lecturas")


@attrs.frozen(kw_only=True)
class Verdict:
    findings: tuple[str, ...] = key("analisis")
    conclusion: str = key("conclusion")
    note: str | None = key("nota", default=None)


@attrs.frozen(kw_only=True)
class Recommendation:
    action: str = key("accion")
    reasons: tuple[str, ...] = key("razones")
    trusted: bool = key("confiable")
    distrust: str | None = key("motivo_desconfianza", default=None)


@attrs.frozen(kw_only=True)
class EventOut:
    """An event with its local dates; ``ongoing`` when it lasts until now (a station silent now)."""

    kind: str = key("tipo")
    start: str = key("desde")
    end: str = key("hasta")
    text: str = key("descripcion")
    ongoing: bool = key("en_curso", default=False)


@attrs.frozen(kw_only=True)
class StationDiagnosis:
    """The diagnosis of one station: values, trend, forecast, findings, recommendation."""

    station: str = key("estacion")
    kind: str = key("tipo")
    message: str | None = key("mensaje", default=None)
    sensors: Sensors | None = key("sensores", default=None)
    trend: TrendOut | None = key("tendencia", default=None)
    forecast: Forecast = key("pronostico")
    verdict: Verdict = key("diagnostico")
    recommendation: Recommendation | None = key("recomendacion", default=None)
    left_out: tuple[LeftOut, ...] = key("excluidas", default=())
    quality_note: str | None = key("nota_calidad", default=None)
    events: tuple[EventOut, ...] = key("eventos", default=())
    # How many events the data holds; ``events`` shows at most a few of them.
    events_total: int = key("eventos_total", default=0)
    stale: bool = key("datos_desactualizados", default=False)
    warning: str | None = key("advertencia", default=None)


@attrs.frozen(kw_only=True)
class DiagnosisResult:
    stations: tuple[StationDiagnosis, ...] = key("estaciones")
    hint: str = key("sugerencia")
    provenance: Provenance = key("origen", factory=Provenance)
