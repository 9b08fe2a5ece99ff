"""The adapters behind BOTK's use cases: the ones a caller passed, else built from settings.

Each is built on first use, so a command that needs only the documents never
opens a model gateway or sensor data.
"""

from __future__ import annotations

from functools import cached_property

from botk_core.ports import (
    AssistantGateway,
    DocumentStore,
    MeasurementRepository,
    ReportStore,
    ThreadRepository,
    WeatherProvider,
)
from botk_core.sensors.stations import Stations
from botk_web.data_tools import DataTools, build_data_tools
from botk_web.gateways import build_gateway
from botk_web.parts import Parts
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings
from botk_web.storage import Storage, build_storage


class WiredAdapters:
    """The adapters of one BOTK: each a caller's replacement (``Parts``) or built from settings, once."""

    def __init__(self, settings: Settings, parts: Parts) -> None:
        self.settings = settings
        self.parts = parts

    @cached_property
    def storage(self) -> Storage:
        """The database behind every stateful part (SQLite, or PostgreSQL with BOTK_DATABASE_URL)."""
        return build_storage(self.settings)

    @cached_property
    def threads(self) -> ThreadRepository:
        return self.parts.threads if self.parts.threads is not None else self.storage.threads

    @cached_property
    def documents(self) -> DocumentStore:
        return self.parts.documents if self.parts.documents is not None else self.storage.documents

    @cached_property
    def rate_limits(self) -> TokenBuckets:
        return self.parts.rate_limits if self.parts.rate_limits is not None else self.storage.rate_limits

    @cached_property
    def storage_name(self) -> str:
        """Which storage runs, for ``/health``."""
        return "custom" if self.parts.threads and self.parts.documents else self.storage.name

    @cached_property
    def data(self) -> DataTools:
        """Sensor readings, weather and reports, and the tools built on them."""
        measurements = (
            self.parts.measurements if self.parts.measurements is not None else self.storage.measurements
        )
        return build_data_tools(self.settings, measurements, self.parts)

    @property
    def measurements(self) -> MeasurementRepository:
        return self.data.measurements

    @property
    def weather(self) -> WeatherProvider:
        return self.data.weather

    @property
    def reports(self) -> ReportStore:
        return self.data.reports

    @property
    def stations(self) -> Stations:
        """The stations: configured and with readings, their rules, clock and time zone."""
        return self.data.stations

    @cached_property
    def gateway(self) -> AssistantGateway:
        return self.parts.gateway or build_gateway(self.settings, self.documents, lambda: self.stations)

    def close(self) -> None:
        """Let go of the storage's connections (a PostgreSQL pool); nothing else needs closing."""
        if "storage" in self.__dict__:
            self.storage.close()
