"""Typed outputs of the averages tools; JSON keys are the original service's Spanish ones."""

from __future__ import annotations

import attrs

from botk_core.domain import Averages, LeftOut
from botk_core.tools.typed import key

UNITS = {"temperatura": "°C", "humedad": "%", "nivel": "m"}
SYNTHETIC_NOTICE = "Datos sintéticos de demostración: no son mediciones reales."


def _units() -> dict[str, str]:
    return dict(UNITS)


@attrs.frozen(kw_only=True)
class Means:
    """The three means, rounded to 2 decimals."""

    temperature: float | None = key("temperatura")
    humidity: float | None = key("humedad")
    level: float | None = key("nivel")

    @classmethod
    def of(cls, averages: Averages) -> Means:
        values = (averages.temperatura, averages.humedad, averages.nivel)
        temperature, humidity, level = (None if v is None else round(v, 2) for v in values)
        return cls(temperature=temperature, humidity=humidity, level=level)


@attrs.frozen(kw_only=True)
class Provenance:
    """Whether the data is synthetic, said to whoever reads the output."""

    synthetic: bool = key("datos_sinteticos", default=False)
    notice: str | None = key("aviso", default=None)

    @classmethod
    def of(cls, synthetic: bool) -> Provenance:
        return cls(synthetic=True, notice=SYNTHETIC_NOTICE) if synthetic else cls()


@attrs.frozen(kw_only=True)
class WindowNote:
    """The window asked for, and the one used when it had no data.

    ``dated`` windows (between dates) are named with their preposition ("en
    septiembre de 2023", "el 30 de noviembre de 2026", "hoy"); relative ones are
    not ("los últimos 7 días").
    """

    requested: str = key("pedida")
    used: str = key("usada")
    fallback: bool = key("sin_datos_en_ventana")
    last_data: str | None = key("ultimo_dato", default=None)
    dated: bool = key("fechas", default=False)

    def phrase(self) -> str:
        """The window as it follows a noun: "en los últimos 7 días", "en septiembre de 2023"."""
        return self.requested if self.dated else f"en {self.requested}"

    def shown(self) -> str:
        """The window the means are of: the one asked for, or the one used instead."""
        if not self.fallback:
            return self.phrase()
        return self.used if self.dated else f"en {self.requested} con datos"


@attrs.frozen(kw_only=True)
class StationAverages:
    """``get_promedio`` for one station."""

    station: str = key("estacion")
    means: Means = key("promedio")
    units: dict[str, str] = key("unidades", factory=_units)
    readings: int = key("lecturas")
    since: str | None = key("desde")
    until: str | None = key("hasta")
    period: str | None = key("periodo", default=None)
    window: WindowNote | None = key("ventana", default=None)
    left_out: tuple[LeftOut, ...] = key("excluidas", default=())
    quality_note: str | None = key("nota_calidad", default=None)
    provenance: Provenance = key("origen", factory=Provenance)
    # The measurements the user asked for (all three when empty); the means hold all three anyway.
    fields: tuple[str, ...] = key("campos", default=())


@attrs.frozen(kw_only=True)
class AllAverages:
    """``get_promedio`` for every station with readings."""

    station: str = key("estacion")
    stations: tuple[StationAverages, ...] = key("estaciones")
    # Why each station left out had no readings in the period asked for.
    without_data: tuple[str, ...] = key("sin_datos", default=())
    provenance: Provenance = key("origen", factory=Provenance)


@attrs.frozen(kw_only=True)
class SeasonMeans:
    temperature: float | None = key("temperatura")
    humidity: float | None = key("humedad")
    level: float | None = key("nivel")
    n: int = key("n")


@attrs.frozen(kw_only=True)
class SeasonalAverages:
    """``get_promedio_estacional``: means per southern season, in season order."""

    station: str = key("estacion")
    seasons: dict[str, SeasonMeans] = key("promedios")
    units: dict[str, str] = key("unidades", factory=_units)
    left_out: tuple[LeftOut, ...] = key("excluidas", default=())
    quality_note: str | None = key("nota_calidad", default=None)
    provenance: Provenance = key("origen", factory=Provenance)
