"""Sensor readings, the quality flags of their values, and their statistics."""

from __future__ import annotations

import enum

import attrs

# The measured values that averages, diagnoses and quality checks look at.
MEASURED = ("temperatura", "humedad", "nivel")
# The reason given for a value that was never measured (stored as None).
MISSING = "sin_medicion"


class Flag(enum.StrEnum):
    """Why a stored value is left out of averages and diagnoses (it stays stored)."""

    OUT_OF_BOUNDS = "fuera_de_rango"
    SPIKE = "pico_aislado"
    UNCONFIRMED = "salto_sin_confirmar"
    FLAT = "sensor_plano"


@attrs.frozen
class Flags:
    """The quality flag of each measured value of a reading; None means the value is valid."""

    temperatura: Flag | None = None
    humedad: Flag | None = None
    nivel: Flag | None = None

    def of(self, field: str) -> Flag | None:
        """The flag of ``field`` (one of ``MEASURED``)."""
        flag: Flag | None = getattr(self, field)
        return flag


CLEAN = Flags()


@attrs.frozen
class Reading:
    """One sensor reading of a station (the original service's record).

    ``synthetic`` marks demonstration data that is not a real measurement;
    ``flags`` marks values the quality checks leave out.
    """

    id_dato: int
    estacion: str
    timestamp: float
    location: str = ""
    dispositivo: str = ""
    bateria: float | None = None
    humedad: float | None = None
    nivel: float | None = None
    temperatura: float | None = None
    synthetic: bool = False
    flags: Flags = CLEAN

    def valid(self, field: str) -> float | None:
        """The value of ``field`` when it was measured and passed the quality checks."""
        value: float | None = getattr(self, field)
        return None if value is None or self.flags.of(field) is not None else value


@attrs.frozen
class LeftOut:
    """How many values of ``field`` a statistic left out, and why (``MISSING`` or a ``Flag``)."""

    field: str
    reason: str
    count: int


@attrs.frozen
class Averages:
    """Means of the valid values of a window; a mean is None when no value counted.

    ``n`` counts every reading of the window; ``left_out`` the values set aside.
    """

    temperatura: float | None
    humedad: float | None
    nivel: float | None
    n: int
    first_timestamp: float | None = None
    last_timestamp: float | None = None
    left_out: tuple[LeftOut, ...] = ()


@attrs.frozen
class Bucket:
    """The means of the valid values of one time bucket starting at ``start``."""

    start: float
    n: int
    temperatura: float | None = None
    humedad: float | None = None
    nivel: float | None = None
