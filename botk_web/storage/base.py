"""What every storage is (the ``Storage`` protocol) and what each reads from settings besides its database."""

from __future__ import annotations

from typing import Protocol

from botk_adapters.documents import load_synonyms
from botk_adapters.openai.vector_state import VectorStoreRecord
from botk_adapters.sensors.config import parse_rules
from botk_core.ports import DocumentStore, MeasurementRepository, ThreadRepository
from botk_core.sensors.rules import QualityRules
from botk_core.synonyms import Synonyms
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings


class Storage(Protocol):
    """Every stateful adapter on one database, its readiness probe and how to let it go."""

    name: str
    location: str  # where the data lives, safe to show (/health): never a user or password

    @property
    def threads(self) -> ThreadRepository: ...

    @property
    def documents(self) -> DocumentStore: ...

    @property
    def measurements(self) -> MeasurementRepository: ...

    @property
    def rate_limits(self) -> TokenBuckets: ...

    @property
    def vector_state(self) -> VectorStoreRecord: ...

    def writable(self) -> bool:
        """Whether the database takes a write now (``/ready``); never raises."""
        ...

    def start_upkeep(self) -> None:
        """Start what a running server does in the background to keep the database fast."""
        ...

    def close(self) -> None:
        """Let go of the connections it holds."""
        ...


def synonyms(settings: Settings) -> Synonyms:
    """BOTK's built-in synonyms plus the documents folder's own ``sinonimos.txt``, read at start."""
    return load_synonyms(settings.documents_dir)


def quality_rules(settings: Settings) -> QualityRules:
    """The sensors' quality rules (``BOTK_SENSOR_RULES``) a measurement store flags readings by."""
    return parse_rules(settings.sensor_rules).quality
