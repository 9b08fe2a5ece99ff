"""The ports: what the core needs from the outside world, named by role."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from botk_core.domain import (
    Averages,
    Bucket,
    Chunk,
    DocumentInfo,
    Message,
    MessagePage,
    Passage,
    Reading,
    Thread,
    WeatherReport,
)
from botk_core.model import GatewayEvent, ModelReply, ModelRequest


class AssistantGateway(Protocol):
    """One model step: instructions, items and tool specs in; a reply out."""

    name: str
    model: str

    def complete(self, request: ModelRequest) -> ModelReply:
        """Run one model step and return its whole reply."""
        ...

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        """Run one model step, yielding text deltas and then ``ReplyDone``."""
        ...


class ThreadRepository(Protocol):
    """Threads and their messages, in acceptance order."""

    def create(self, thread: Thread) -> None: ...

    def get(self, thread_id: str) -> Thread:
        """Return the thread or raise ``ThreadNotFound``."""
        ...

    def add_message(self, message: Message) -> None: ...

    def update_message(self, message: Message) -> None:
        """Replace a stored message (same id), e.g. to mark a turn failed."""
        ...

    def list_messages(
        self,
        thread_id: str,
        *,
        limit: int,
        after: str | None = None,
        before: str | None = None,
        descending: bool = False,
    ) -> MessagePage:
        """A page of messages; ``after``/``before`` are message-id cursors.

        Raises ``InvalidInput`` when a cursor is not a message of the thread.
        """
        ...

    def recent_messages(self, thread_id: str, count: int) -> list[Message]:
        """The last ``count`` messages, oldest first."""
        ...

    def find_by_client_id(self, thread_id: str, client_message_id: str) -> Message | None:
        """The thread's message stored with this ``client_message_id``, if any."""
        ...

    def turn_lock(self, thread_id: str) -> AbstractContextManager[None]:
        """Hold the thread so that its turns run one at a time."""
        ...


class DocumentStore(Protocol):
    """Documents as searchable chunks."""

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        """Add the document, replacing any with the same id or name."""
        ...

    def remove(self, document_id: str) -> None:
        """Remove the document; raise ``DocumentNotFound`` if unknown."""
        ...

    def list_documents(self) -> list[DocumentInfo]: ...

    def search(self, query: str, k: int = 5) -> list[Passage]:
        """The best ``k`` passages for ``query``, best first."""
        ...


class DocumentReader(Protocol):
    """Turns a file's bytes into chunks, so the core never parses formats itself."""

    def supports(self, name: str) -> bool:
        """Tell whether the file name has a format this reader knows."""
        ...

    def read(self, name: str, data: bytes) -> list[Chunk]:
        """The file's chunks; raise ``UnreadableDocument`` (or a subclass) if it cannot."""
        ...


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

    def buckets(self, estacion: str, since: float, until: float, every: float) -> list[Bucket]:
        """Means of the valid values per ``every`` seconds (buckets aligned on multiples of it)."""
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

    def compile(self, thread_id: str) -> bytes:
        """The report as PDF; ``NotSupported`` when no TeX engine is installed."""
        ...
