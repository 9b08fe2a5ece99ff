"""Readings averaged per interval, with intervals on the local clock (a day starts at local midnight)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from botk_core.domain import Bucket
from botk_core.ports import MeasurementRepository
from botk_core.sensors.rules import DAY, HOUR


def utc_offset(timestamp: float, zone: tzinfo) -> float:
    """The zone's offset from UTC at ``timestamp``, in seconds (-14400 for Chile in winter)."""
    offset = datetime.fromtimestamp(timestamp, zone).utcoffset()
    return offset.total_seconds() if offset is not None else 0.0


def offset_spans(since: float, until: float, zone: tzinfo) -> list[tuple[float, float, float]]:
    """``since..until`` cut where the zone's offset changes (daylight saving), with each part's offset."""
    spans: list[tuple[float, float, float]] = []
    start, offset = since, utc_offset(since, zone)
    moment = since
    while moment < until:
        step = min(DAY, until - moment)
        if utc_offset(moment + step, zone) != offset:
            step = HOUR  # the change lies within this day: find its hour
            while utc_offset(moment + step, zone) == offset:
                step += HOUR
            spans.append((start, moment + step - 1e-3, offset))
            start, offset = moment + step, utc_offset(moment + step, zone)
        moment += step
    spans.append((start, until, offset))
    return spans


def local_buckets(
    repo: MeasurementRepository, station: str, since: float, until: float, every: float, zone: tzinfo
) -> list[Bucket]:
    """``repo.buckets`` on the local clock: hourly and daily intervals start on local hours and midnights."""
    found: list[Bucket] = []
    for index, (start, end, offset) in enumerate(offset_spans(since, until, zone)):
        # After a clock change, a day whose midnight the clock skipped starts with the change.
        found += [
            b if index == 0 or b.start >= start else Bucket(start, b.n, b.temperatura, b.humedad, b.nivel)
            for b in repo.buckets(station, start, end, every, offset)
        ]
    return _merged(found, every, zone)


def _merged(buckets: list[Bucket], every: float, zone: tzinfo) -> list[Bucket]:
    """One bucket per local interval: the day of a clock change would otherwise come in two parts.

    The parts' means are weighted by their readings: close enough for the one hour that differs.
    """
    merged: list[Bucket] = []
    for bucket in buckets:
        previous = merged[-1] if merged else None
        if previous is None or _label(previous.start, every, zone) != _label(bucket.start, every, zone):
            merged.append(bucket)
            continue
        merged[-1] = Bucket(
            previous.start,
            previous.n + bucket.n,
            *(_mean(getattr(previous, f), previous.n, getattr(bucket, f), bucket.n) for f in _FIELDS),
        )
    return merged


_FIELDS = ("temperatura", "humedad", "nivel")


def _label(start: float, every: float, zone: tzinfo) -> str:
    moment = datetime.fromtimestamp(start, zone)
    return moment.strftime("%Y-%m-%d") if every >= DAY else moment.strftime("%Y-%m-%d %H:%M")


def _mean(a: float | None, n: int, b: float | None, m: int) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return (a * n + b * m) / (n + m)
