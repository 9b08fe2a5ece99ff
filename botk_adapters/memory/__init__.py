"""In-memory adapters for every port, for tests (BOTK's and library users')."""

from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_adapters.memory.folder import InMemoryDocumentFolder
from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_adapters.memory.measurements import InMemoryMeasurementRepository
from botk_adapters.memory.reports import InMemoryReportStore
from botk_adapters.memory.threads import InMemoryThreadRepository
from botk_adapters.memory.weather import FakeWeather

__all__ = [
    "FakeWeather",
    "InMemoryDocumentFolder",
    "InMemoryDocumentStore",
    "InMemoryMeasurementRepository",
    "InMemoryReportStore",
    "InMemoryThreadRepository",
    "ScriptedAssistantGateway",
]
