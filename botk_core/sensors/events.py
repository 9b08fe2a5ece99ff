"""Real events in a station's readings: an empty tank for hours, a station silent for long.

These are not glitches to hide but facts the committee must hear, with their dates.
A station that has sent nothing since its last reading is silent now: that
silence, still going on, is an event too, and the most urgent one.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from datetime import tzinfo

import attrs

from botk_core.domain import Reading
from botk_core.sensors import spanish
from botk_core.sensors.rules import HOUR, DecisionRules


class EventKind(enum.StrEnum):
    EMPTY_TANK = "estanque_vacio"
    SILENT = "sin_datos"


@attrs.frozen
class Event:
    """Something that happened at a station between ``start`` and ``end`` (unix seconds).

    ``ongoing`` marks a silence that lasts until now (``end`` is the moment it was seen).
    """

    kind: EventKind
    start: float
    end: float
    ongoing: bool = False

    def describe(self, zone: tzinfo) -> str:
        """The event in one Spanish sentence, with its dates."""
        length = spanish.duration(self.end - self.start)
        if self.ongoing:
            return (
                f"la estación no envía datos desde el {spanish.moment(self.start, zone)} "
                f"({spanish.ago(self.end - self.start)})"
            )
        if self.kind is EventKind.EMPTY_TANK:
            return f"el estanque estuvo vacío {length} ({spanish.span(self.start, self.end, zone)})"
        return f"la estación no envió datos durante {length} ({spanish.span(self.start, self.end, zone)})"


def find_events(readings: Sequence[Reading], rules: DecisionRules, now: float | None = None) -> list[Event]:
    """Empty-tank episodes and silences of one station's readings (in time order), oldest first.

    With ``now`` (the readings then reach the station's latest one), a silence from the
    last reading until now counts too, and it comes first.
    """
    events = sorted([*_empty_runs(readings, rules), *_silences(readings, rules)], key=lambda e: e.start)
    if now is not None and readings and now - readings[-1].timestamp >= rules.silent_hours * HOUR:
        events.insert(0, Event(EventKind.SILENT, readings[-1].timestamp, now, ongoing=True))
    return events


def _empty_runs(readings: Sequence[Reading], rules: DecisionRules) -> list[Event]:
    levels = [(r.timestamp, v) for r in readings if (v := r.valid("nivel")) is not None]
    events, start, last = [], None, None
    for timestamp, level in [*levels, (float("inf"), float("inf"))]:
        if level <= rules.empty_level_m:
            start = timestamp if start is None else start
            last = timestamp
            continue
        if start is not None and last is not None and last - start >= rules.empty_minutes * 60:
            events.append(Event(EventKind.EMPTY_TANK, start, last))
        start = last = None
    return events


def _silences(readings: Sequence[Reading], rules: DecisionRules) -> list[Event]:
    limit = rules.silent_hours * HOUR
    return [
        Event(EventKind.SILENT, before.timestamp, after.timestamp)
        for before, after in itertools.pairwise(readings)
        if after.timestamp - before.timestamp >= limit
    ]
