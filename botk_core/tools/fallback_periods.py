"""Periods with data in place of an asked one without: the same dates a year before, or the latest alike.

"en marzo" with no data this March looks at the latest earlier March with data;
"ayer", "la semana pasada" or "el mes pasado" with no data since then look at
the last day, the last week or the last month that has data.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from botk_core.domain import Averages
from botk_core.sensors.periods import period_of
from botk_core.sensors.stations import Stations
from botk_core.tools.results import WindowNote

MAX_YEARS_BACK = 30
Bounds = tuple[str | None, str | None]


def earlier_year(
    stations: Stations, station: str, bounds: Bounds, requested: str
) -> tuple[WindowNote, Averages] | None:
    """The same dates in the latest earlier year with data, or None."""
    first = stations.repo.averages(station).first_timestamp
    for back in range(1, MAX_YEARS_BACK + 1):
        since, until = (_years_back(bound, back) for bound in bounds)
        period = period_of(since, until, stations.zone, stations.now())
        if first is None or (period.until is not None and period.until < first):
            return None
        averages = stations.repo.averages(station, since=period.since, until=period.until)
        if averages.n:
            return WindowNote(requested=requested, used=period.label, fallback=True, dated=True), averages
    return None


def _years_back(bound: str | None, years: int) -> str | None:
    """An ISO date or local time ``years`` earlier (29 February becomes the 28th)."""
    if bound is None:
        return None
    year, rest = int(bound[:4]) - years, bound[4:]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def like_the_last(
    stations: Stations, station: str, bounds: Bounds, requested: str
) -> tuple[WindowNote, Averages] | None:
    """A period like the asked one (a day, a week, a month, as many days) ending with the last data."""
    latest = stations.repo.latest(station)
    since, until = bounds
    if latest is None or since is None:
        return None
    today = datetime.fromtimestamp(stations.now(), stations.zone).date()
    first, last = date.fromisoformat(since[:10]), date.fromisoformat(until[:10]) if until else today
    end = datetime.fromtimestamp(latest.timestamp, stations.zone).date()
    if end >= first:
        return None  # the data reaches the asked period: there is nothing later to offer
    start = _alike_start(first, last, end)
    period = period_of(start.isoformat(), end.isoformat(), stations.zone, stations.now())
    averages = stations.repo.averages(station, since=period.since, until=period.until)
    if not averages.n:
        return None
    return WindowNote(requested=requested, used=period.label, fallback=True, dated=True), averages


def _alike_start(first: date, last: date, end: date) -> date:
    """Where a period like ``first..last`` ending on ``end`` starts: its month, week, or as many days."""
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and first.month == last.month:
        return end.replace(day=1)
    if first.weekday() == 0 and (last - first).days == 6:
        return end - timedelta(days=end.weekday())
    return end - (last - first)
