"""The ports: what the core needs from the outside world, named by role."""

from botk_core.ports.conversation import AssistantGateway, ThreadRepository
from botk_core.ports.data import MeasurementRepository, ReportStore, WeatherProvider
from botk_core.ports.documents import DocumentFolder, DocumentReader, DocumentStore

__all__ = [
    "AssistantGateway",
    "DocumentFolder",
    "DocumentReader",
    "DocumentStore",
    "MeasurementRepository",
    "ReportStore",
    "ThreadRepository",
    "WeatherProvider",
]
