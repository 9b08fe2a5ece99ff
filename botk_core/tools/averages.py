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
from botk_core.tools.fallback_periods import earlier_year, like_the_last
from botk_core.tools.results import AllAverages, Means, Provenance, StationAverages, WindowNote

HOURS_PER_DAY = 24
ASSUMED_YEAR = "anio_supuesto"
RELATIVE = "relativo"


@attrs.frozen
class AskedWindow:
    """What the call asked for: ``days`` before now (hours as a fraction), or a dated ``period``.

    ``bounds`` are the dates as given; ``assumed_year`` when the user did not say the year,
    ``relative`` when the user named the period from today ("ayer", "la semana pasada").
    """

    days: float | None = None
    period: Period | None = None
    bounds: tuple[str | None, str | None] = (None, None)
    assumed_year: bool = False
    relative: bool = False


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
            period=period,
            bounds=(since, until),
            assumed_year=bool(arguments.get(ASSUMED_YEAR)),
            relative=bool(arguments.get(RELATIVE)),
        )
    return None


def station_averages(stations: Stations, station: str, window: AskedWindow | None) -> StationAverages:
    """The means of one station over ``window`` (all its data when None).

    A relative window without data falls back to the same span before the last
    data, and says so; so does a period named from today ("ayer", "la semana
    pasada"), to a period like it that ends with the last data, and a period whose
    year the user did not say ("en marzo"), to the same dates of the latest
    earlier year with data. Any other dated period without data is a ToolFailed
    that says when the station's data is from.
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
    if averages.n == 0 and window is not None and window.period is not None:
        note, averages = _instead(stations, station, window) or (note, averages)
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


def _instead(stations: Stations, station: str, window: AskedWindow) -> tuple[WindowNote, Averages] | None:
    """A period with data in place of the one asked for, when the question allows one."""
    requested = window.period.label if window.period else ""
    if window.assumed_year:
        return earlier_year(stations, station, window.bounds, requested)
    if window.relative:
        return like_the_last(stations, station, window.bounds, requested)
    return None


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
