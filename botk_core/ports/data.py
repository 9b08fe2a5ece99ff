"""Ports of the data tools: weather, sensor readings and the per-thread report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from botk_core.domain import (
    Averages,
    Bucket,
    Reading,
    WeatherReport,
)


class WeatherProvider(Protocol):
    """Current weather and forecast; raises ``UpstreamError`` when unreachable."""

    def weather(self, location: str, days: int = 3) -> WeatherReport: ...


class MeasurementRepository(Protocol):
    """Sensor readings: upsert by ``id_dato``, latest, windows and statistics.

    Every upsert judges the quality of the new readings and of their
    neighbours (``botk_core.sensors.quality``); flagged values stay stored
    but statistics leave them out, and say how many and why.
    """

    def upsert(self, readings: Sequence[Reading]) -> int:
        """Insert or replace readings by ``id_dato``; return how many were new."""
        ...

    def unchanged(self, readings: Sequence[Reading]) -> int:
        """How many of ``readings`` are stored already with exactly these values (flags aside)."""
        ...

    def count(self) -> int: ...

    def has_synthetic(self) -> bool:
        """Whether any stored reading is synthetic demonstration data."""
        ...

    def remove_synthetic(self) -> int:
        """Delete every synthetic reading; return how many were removed."""
        ...

    def stations(self) -> list[str]:
        """The station names that have readings, sorted."""
        ...

    def latest(self, estacion: str) -> Reading | None: ...

    def latest_valid(self, estacion: str, field: str) -> Reading | None:
        """The newest reading whose ``field`` was measured and is not flagged."""
        ...

    def averages(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Averages:
        """Means of the valid values of ``since <= timestamp <= until`` (all stations when None)."""
        ...

    def buckets(
        self, estacion: str, since: float, until: float, every: float, offset: float = 0.0
    ) -> list[Bucket]:
        """Means of the valid values per ``every`` seconds.

        Buckets start where ``timestamp + offset`` is a multiple of ``every``: with
        a zone's UTC offset, daily buckets start at its local midnight.
        """
        ...

    def readings(
        self, estacion: str | None, since: float | None = None, until: float | None = None
    ) -> Iterator[Reading]:
        """Readings of the window in timestamp order (all stations when None)."""
        ...


class ReportStore(Protocol):
    """Per-thread LaTeX report; the thread id is validated before any path."""

    def read(self, thread_id: str) -> str:
        """The report's LaTeX source, or "" when the thread has none yet."""
        ...

    def replace_section(self, thread_id: str, section: str, content: str) -> None:
        """Replace the body of a canonical section with ``content`` (plain text)."""
        ...

    def delete(self, thread_id: str) -> None:
        """Remove the thread's report, if it has one."""
        ...

    def compile(self, thread_id: str) -> bytes:
        """The report as PDF; ``NotSupported`` when no TeX engine is installed."""
        ...
