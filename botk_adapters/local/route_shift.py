"""A window moved back from the one asked about last: "¿y la semana anterior?", "¿y el día antes?".

After "promedio de la semana pasada" (Monday 5 to Sunday 11), "¿y la semana
anterior?" is Monday 29 to Sunday 4; after "los últimos 3 días", the 7 days
before them; after "en marzo", February, and "¿y el año anterior?" March of the
year before; "¿y el anterior?" moves back by the length of the last window.
Whole days stay dates ("2026-01-05"); a window that starts at a moment of the
day (the last days) moves to the whole days before that day; one shorter than a
day (the last hours) moves as local times.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

_DAY = timedelta(days=1)
_STEPS = {"dia": timedelta(days=1), "semana": timedelta(days=7)}


def shifted(previous: Mapping[str, Any], unit: str, now: float, zone: tzinfo) -> dict[str, str] | None:
    """The window before ``previous``'s (tool arguments) by ``unit`` ("" for its own length).

    None when ``previous`` has no window to move back from.
    """
    bounds = _bounds(previous, now, zone)
    if bounds is None:
        return None
    start, end = bounds
    whole = _whole_months(start, end)
    if not unit and whole:
        # "¿y el anterior?" after a month (or a year): the months before, as many.
        months = (end.year - start.year) * 12 + end.month - start.month
        return _arguments(_months_back(start, months), start)
    if unit == "ano":
        # "¿y el año anterior?" after March 2023: March 2022.
        return _arguments(_months_back(start, 12), _months_back(end, 12))
    if unit == "mes":
        return _arguments(_months_back(start, 1), start)
    step = _STEPS.get(unit, end - start)
    if start.time() != datetime.min.time() and step >= _DAY:
        # After "los últimos 3 días" (from 01:22 three days ago): the whole days before that day.
        start = datetime.combine(start.date(), datetime.min.time())
        step = timedelta(days=max(1, round(step / _DAY)))
    return _arguments(start - step, start)


def _bounds(arguments: Mapping[str, Any], now: float, zone: tzinfo) -> tuple[datetime, datetime] | None:
    """The window of ``arguments`` as local [start, end) moments."""
    since, until = arguments.get("desde"), arguments.get("hasta")
    today = datetime.fromtimestamp(now, zone).replace(tzinfo=None)
    if since:
        start = _moment(str(since))
        end = _moment(str(until)) + (_DAY if len(str(until)) <= 10 else timedelta(0)) if until else today
        return start, end
    days = arguments.get("dias") or (arguments.get("horas") or 0) / 24
    if not days:
        return None
    return today - timedelta(days=float(days)), today


def _moment(text: str) -> datetime:
    return (
        datetime.fromisoformat(text[:16])
        if len(text) > 10
        else datetime.combine(date.fromisoformat(text), datetime.min.time())
    )


def _months_back(moment: datetime, months: int) -> datetime:
    """The same day ``months`` earlier (the last day of that month when it has fewer days)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month + 1, day=day)
        except ValueError:
            continue
    return moment  # unreachable: every month has a 28th


def _whole_months(start: datetime, end: datetime) -> bool:
    midnight = datetime.min.time()
    return start.day == 1 and end.day == 1 and start.time() == midnight and end.time() == midnight


def _arguments(start: datetime, end: datetime) -> dict[str, str]:
    """``desde``/``hasta`` for [start, end): dates for whole days, local times otherwise."""
    midnight = datetime.min.time()
    if start.time() == midnight and end.time() == midnight:
        return {"desde": start.date().isoformat(), "hasta": (end - _DAY).date().isoformat()}
    return {"desde": start.strftime("%Y-%m-%dT%H:%M"), "hasta": end.strftime("%Y-%m-%dT%H:%M")}
