"""Anomalous readings as episodes with dates: "3 picos aislados de nivel el 28 de noviembre a las 10:05".

The quality checks flag values one by one; the committee reads them as
episodes: consecutive flagged values of one sensor, for one reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

import attrs

from botk_core.domain import MEASURED, Flag, Reading
from botk_core.sensors import spanish
from botk_core.sensors.rules import HOUR

# Two flagged values further apart than this are two episodes.
EPISODE_GAP_S = HOUR
_WHAT = {
    Flag.OUT_OF_BOUNDS: ("lectura de {f} fuera del rango posible", "lecturas de {f} fuera del rango posible"),
    Flag.SPIKE: ("pico aislado de {f}", "picos aislados de {f}"),
    Flag.UNCONFIRMED: ("salto brusco de {f} aún sin confirmar", "saltos bruscos de {f} aún sin confirmar"),
    Flag.FLAT: (
        "lectura de {f} de un sensor pegado en un valor",
        "lecturas de {f} de un sensor pegado en un valor",
    ),
}


@attrs.frozen
class Episode:
    """``count`` consecutive values of ``field`` flagged for ``flag``, from ``start`` to ``end``."""

    field: str
    flag: Flag
    start: float
    end: float
    count: int

    def describe(self, zone: tzinfo) -> str:
        singular, plural = _WHAT[self.flag]
        what = spanish.count(self.count, singular.format(f=self.field), plural.format(f=self.field))
        if self.end - self.start < 60:
            return f"{what} el {spanish.moment(self.start, zone)}"
        return f"{what} ({spanish.span(self.start, self.end, zone)})"


def episodes(readings: Sequence[Reading]) -> list[Episode]:
    """The flagged values of one station's readings (in time order) as episodes, oldest first."""
    found: list[Episode] = []
    for field in MEASURED:
        open_: Episode | None = None
        for reading in readings:
            if getattr(reading, field) is None:
                continue
            flag = reading.flags.of(field)
            if open_ is not None and (
                flag is not open_.flag or reading.timestamp - open_.end > EPISODE_GAP_S
            ):
                found.append(open_)
                open_ = None
            if flag is None:
                continue
            if open_ is None:
                open_ = Episode(field, flag, reading.timestamp, reading.timestamp, 1)
            else:
                open_ = attrs.evolve(open_, end=reading.timestamp, count=open_.count + 1)
        if open_ is not None:
            found.append(open_)
    return sorted(found, key=lambda episode: episode.start)
