"""The parts of BOTK a caller may replace when it bootstraps (tests, library users)."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from botk_core.ports import (
    AssistantGateway,
    DocumentStore,
    MeasurementRepository,
    ReportStore,
    ThreadRepository,
    WeatherProvider,
)
from botk_core.tools import Tool
from botk_web.ratelimit import TokenBuckets


@attrs.frozen
class Parts:
    """The replaceable parts; None builds the default adapter from settings."""

    threads: ThreadRepository | None = None
    documents: DocumentStore | None = None
    gateway: AssistantGateway | None = None
    measurements: MeasurementRepository | None = None
    weather: WeatherProvider | None = None
    reports: ReportStore | None = None
    rate_limits: TokenBuckets | None = None
    extra_tools: tuple[Tool, ...] = ()
    clock: Callable[[], float] = time.time
