"""Sensor readings and their statistics."""

from __future__ import annotations

import attrs


@attrs.frozen
class Reading:
    """One sensor reading of a station (the seed's record, §6).

    ``synthetic`` marks demonstration data that is not a real measurement.
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


@attrs.frozen
class Averages:
    """Means of the readings of a window; a mean is None when no value counted."""

    temperatura: float | None
    humedad: float | None
    nivel: float | None
    n: int
    first_timestamp: float | None = None
    last_timestamp: float | None = None
