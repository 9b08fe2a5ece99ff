"""The means of ``get_promedio``: all data, the last hours or days, or a period between dates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

import attrs

from botk_core.domain import Averages
from botk_core.errors import ToolFailed
from botk_core.sensors import spanish
from botk_core.sensors.periods import Period, period_of
from botk_core.sensors.stations import Stations
from botk_core.sensors.summary import left_out_sentence
from botk_core.sensors.window import choose_window
from botk_core.tools.results import AllAverages, Means, Provenance, StationAverages, WindowNote

HOURS_PER_DAY = 24
ASSUMED_YEAR = "anio_supuesto"
MAX_YEARS_BACK = 30


@attrs.frozen
class AskedWindow:
    """What the call asked for: ``days`` before now (hours as a fraction), or a dated ``period``.

    ``bounds`` are the dates as given; ``assumed_year`` when the user did not say the year.
    """

    days: float | None = None
    period: Period | None = None
    bounds: tuple[str | None, str | None] = (None, None)
    assumed_year: bool = False


def local_time(timestamp: float | None, zone: tzinfo) -> str | None:
    """A timestamp as local ISO time to the minute."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, zone).isoformat(timespec="minutes")


def asked_window(arguments: Mapping[str, Any], stations: Stations) -> AskedWindow | None:
    """The window of the arguments; one way of saying it at a time."""
    days, hours = arguments.get("dias"), arguments.get("horas")
    since, until = arguments.get("desde"), arguments.get("hasta")
    ways = sum(1 for given in (days, hours, since or until) if given)
    if ways > 1:
        raise ToolFailed("Indica el período de una sola forma: dias, horas, o desde/hasta.")
    if days:
        return AskedWindow(days=float(days))
    if hours:
        return AskedWindow(days=hours / HOURS_PER_DAY)
    if since or until:
        period = period_of(since, until, stations.zone, stations.now())
        return AskedWindow(
            period=period, bounds=(since, until), assumed_year=bool(arguments.get(ASSUMED_YEAR))
        )
    return None


def station_averages(stations: Stations, station: str, window: AskedWindow | None) -> StationAverages:
    """The means of one station over ``window`` (all its data when None).

    A relative window without data falls back to the same span before the last
    data, and says so; so does a period whose year the user did not say ("en
    marzo"), to the same dates of the latest earlier year with data. Any other
    dated period without data is a ToolFailed that says when the station's data is from.
    """
    repo, zone = stations.repo, stations.zone
    latest = repo.latest(station)
    if latest is None:
        raise ToolFailed(f"No hay lecturas de la estación {station}.")
    note, since, until = None, None, None
    if window is not None and window.days:
        note, since, until = _relative(stations, window.days, latest.timestamp)
    elif window is not None and window.period is not None:
        period = window.period
        note = WindowNote(requested=period.label, used=period.label, fallback=False, dated=True)
        since, until = period.since, period.until
    averages = repo.averages(station, since=since, until=until)
    if averages.n == 0 and window is not None and window.assumed_year:
        note, averages = _earlier_year(stations, station, window) or (note, averages)
    if averages.n == 0:
        raise ToolFailed(no_data_in(stations, station, note.requested if note else ""))
    first, final = averages.first_timestamp, averages.last_timestamp
    return StationAverages(
        station=station,
        means=Means.of(averages),
        readings=averages.n,
        since=local_time(first, zone),
        until=local_time(final, zone),
        period=spanish.period(first, final, zone) if first is not None and final is not None else None,
        window=note,
        left_out=averages.left_out,
        quality_note=left_out_sentence(averages.left_out),
        provenance=Provenance.of(repo.has_synthetic()),
    )


def all_averages(stations: Stations, window: AskedWindow | None) -> AllAverages:
    """The means of every station with readings; those without data in the period are named apart."""
    found, missing = [], []
    for station in stations.repo.stations():
        try:
            found.append(station_averages(stations, station, window))
        except ToolFailed as error:
            missing.append(error.message)
    if not found and window is not None and window.period is not None:
        raise ToolFailed(_nowhere(stations, window.period.label))
    if not found:
        raise ToolFailed(" ".join(missing) or "No hay lecturas de ninguna estación de sensores.")
    provenance = Provenance.of(stations.repo.has_synthetic())
    return AllAverages(
        station="todas", stations=tuple(found), without_data=tuple(missing), provenance=provenance
    )


def _nowhere(stations: Stations, label: str) -> str:
    """«No hay lecturas de ninguna estación en septiembre de 2026. Hay datos de: A y B (del ...); C (...).»"""
    spans: dict[str, list[str]] = {}
    for station in stations.repo.stations():
        span = stations.repo.averages(station)
        if span.first_timestamp is not None and span.last_timestamp is not None:
            where = spanish.period(span.first_timestamp, span.last_timestamp, stations.zone)
            spans.setdefault(where, []).append(station)
    listed = "; ".join(f"{_and(names)} ({where})" for where, names in spans.items())
    return f"No hay lecturas de ninguna estación {label}. Hay datos de: {listed}."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " y " + names[-1]


def no_data_in(stations: Stations, station: str, label: str) -> str:
    """«No hay lecturas de Iquiuca en septiembre de 2024. Sus datos van del ... (el último, hace ...).»"""
    repo, zone = stations.repo, stations.zone
    span = repo.averages(station)
    if span.first_timestamp is None or span.last_timestamp is None:
        return f"No hay lecturas de la estación {station}."
    where = spanish.period(span.first_timestamp, span.last_timestamp, zone)
    last = spanish.when(span.last_timestamp, stations.now(), zone)
    verb = "son" if where.startswith("el ") else "van"
    return f"No hay lecturas de {station} {label}. Sus datos {verb} {where} (el último es de {last})."


def _earlier_year(
    stations: Stations, station: str, window: AskedWindow
) -> tuple[WindowNote, Averages] | None:
    """The same dates in the latest earlier year with data, or None."""
    first = stations.repo.averages(station).first_timestamp
    requested = window.period.label if window.period else ""
    for back in range(1, MAX_YEARS_BACK + 1):
        since, until = (_years_back(bound, back) for bound in window.bounds)
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


def _relative(stations: Stations, days: float, last: float) -> tuple[WindowNote, float, float]:
    """The last ``days`` before now, or before the last data when there is none since then."""
    window = choose_window(stations.now(), days, last)
    when = spanish.when(last, stations.now(), stations.zone) if window.fallback else None
    note = WindowNote(
        requested=spanish.window_name(days),
        used=window.name(stations.zone),
        fallback=window.fallback,
        last_data=when,
    )
    return note, window.since, window.until
