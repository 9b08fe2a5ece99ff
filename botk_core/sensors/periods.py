"""Periods asked by date (``desde``/``hasta``): ISO dates or local times, named as people say them.

A date alone covers its whole local day: ``hasta=2023-09-30`` ends at the end
of that day. "septiembre de 2023", "el 30 de noviembre de 2026", "ayer (30 de
noviembre de 2026)", "del 1 al 15 de septiembre de 2023".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

import attrs

from botk_core.errors import ToolFailed
from botk_core.sensors import spanish

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$")


@attrs.frozen
class Bound:
    """One end of a period: its instant, and its calendar date when it was given as a date."""

    timestamp: float
    day: date | None


@attrs.frozen
class Period:
    """``since..until`` (either may be open) and how the answer names it."""

    since: float | None
    until: float | None
    label: str


def parse_bound(raw: str, name: str, zone: tzinfo, end: bool) -> Bound:
    """``2023-09-01`` (a whole local day) or ``2023-09-01T08:00`` (local time)."""
    text = raw.strip()
    try:
        if _DATE.match(text):
            day = date.fromisoformat(text)
            start = datetime.combine(day, time(), zone)
            edge = start + timedelta(days=1) if end else start
            return Bound(edge.timestamp() - (1e-3 if end else 0.0), day)
        if _MOMENT.match(text):
            return Bound(
                datetime.fromisoformat(text.replace(" ", "T")).replace(tzinfo=zone).timestamp(), None
            )
    except ValueError:
        pass
    raise ToolFailed(
        f"{name} debe ser una fecha como 2023-09-01 o una hora local como 2023-09-01T08:00, no {raw!r}."
    )


def period_of(desde: str | None, hasta: str | None, zone: tzinfo, now: float) -> Period:
    """The period of ``desde``/``hasta`` (at least one given); raises ToolFailed when it is reversed."""
    start = parse_bound(desde, "desde", zone, end=False) if desde else None
    stop = parse_bound(hasta, "hasta", zone, end=True) if hasta else None
    if start and stop and start.timestamp > stop.timestamp:
        raise ToolFailed("«desde» es posterior a «hasta»: el período está al revés.")
    today = datetime.fromtimestamp(now, zone).date()
    return Period(
        start.timestamp if start else None, stop.timestamp if stop else None, _label(start, stop, zone, today)
    )


def _label(start: Bound | None, stop: Bound | None, zone: tzinfo, today: date) -> str:
    if start and stop and start.day and stop.day:
        return dates_label(start.day, stop.day, today)
    if start and not stop:
        if start.day == today:
            return "hoy"
        return f"desde el {_day_or_moment(start, zone)}"
    if stop and not start:
        return f"hasta el {_day_or_moment(stop, zone)}"
    assert start and stop
    return f"desde el {_day_or_moment(start, zone)} hasta el {_day_or_moment(stop, zone)}"


def _day_or_moment(bound: Bound, zone: tzinfo) -> str:
    return _day(bound.day) if bound.day else spanish.moment(bound.timestamp, zone)


def dates_label(first: date, last: date, today: date) -> str:
    """Whole days ``first..last`` in words: a day, a month, a year or a range."""
    if first == last:
        relative = {today: "hoy", today - timedelta(days=1): "ayer"}.get(first)
        return f"{relative}, {_day(first)}" if relative else f"el {_day(first)}"
    whole_month = first.day == 1 and (last + timedelta(days=1)).day == 1
    if whole_month and (first.month, first.year) == (last.month, last.year):
        return f"en {spanish.MONTHS[first.month - 1]} de {first.year}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"en {first.year}"
    if first.year != last.year:
        return f"del {_day(first)} al {_day(last)}"
    if first.month != last.month:
        return f"del {first.day} de {spanish.MONTHS[first.month - 1]} al {_day(last)}"
    return f"del {first.day} al {_day(last)}"


def _day(day: date) -> str:
    return f"{day.day} de {spanish.MONTHS[day.month - 1]} de {day.year}"
