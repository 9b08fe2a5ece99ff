"""Southern-hemisphere seasons and the per-season means of sensor readings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone, tzinfo

from botk_core.domain import Reading

SEASONS = ("Verano", "Otoño", "Invierno", "Primavera")
# Macaya's clocks: readings are grouped by the local calendar month, not UTC's.
LOCAL_ZONE_NAME = "America/Santiago"
_FIELDS = ("temperatura", "humedad", "nivel")


def local_zone(name: str = LOCAL_ZONE_NAME) -> tzinfo:
    """The named time zone; a fixed UTC-4 when the system has no zone data."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:
        return timezone(timedelta(hours=-4), "UTC-4")


def season_of_month(month: int) -> str:
    """Verano Dec-Feb, Otoño Mar-May, Invierno Jun-Aug, Primavera Sep-Nov."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return SEASONS[(month % 12) // 3]


def season_of(timestamp: float, zone: tzinfo) -> str:
    """The season of a unix timestamp, by the calendar month in ``zone``."""
    return season_of_month(datetime.fromtimestamp(timestamp, zone).month)


def seasonal_means(readings: Iterable[Reading], zone: tzinfo) -> dict[str, dict[str, float | int | None]]:
    """Means per season, ``{season: {temperatura, humedad, nivel, n}}``, 2 decimals.

    Seasons without readings are left out; ``n`` counts readings, and each
    mean is taken over the readings whose value is valid (measured, not flagged).
    """
    sums: dict[str, dict[str, float]] = {}
    counts: dict[str, dict[str, int]] = {}
    for reading in readings:
        season = season_of(reading.timestamp, zone)
        total = sums.setdefault(season, dict.fromkeys(_FIELDS, 0.0))
        count = counts.setdefault(season, {"n": 0, **dict.fromkeys(_FIELDS, 0)})
        count["n"] += 1
        for field in _FIELDS:
            value = reading.valid(field)
            if value is not None:
                total[field] += value
                count[field] += 1
    result: dict[str, dict[str, float | int | None]] = {}
    for season in SEASONS:
        if season in counts:
            means = {f: _mean(sums[season][f], counts[season][f]) for f in _FIELDS}
            result[season] = {**means, "n": counts[season]["n"]}
    return result


def _mean(total: float, count: int) -> float | None:
    return round(total / count, 2) if count else None
