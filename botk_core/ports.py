"""The ports: what the core needs from the outside world, named by role."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from botk_core.domain import (
    AcceptedTurn,
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
from botk_core.model import GatewayEvent, ModelRequest


class AssistantGateway(Protocol):
    """One model step: instructions, items and tool specs in; text deltas and the reply out.

    Streaming is the only form: a caller that wants the whole reply collects
    the stream with ``botk_core.model.collect_reply``.
    """

    name: str
    model: str

    def stream(self, request: ModelRequest) -> Iterator[GatewayEvent]:
        """Run one model step, yielding text deltas and then ``ReplyDone``."""
        ...


class ThreadRepository(Protocol):
    """Threads and their messages, in acceptance order, and one turn at a time per thread.

    A turn costs two writes: ``accept_turn`` (the lock and the user message) and
    ``finish_turn`` (the answer, the user message's status and the unlock).
    """

    def create(self, thread: Thread) -> None: ...

    def get(self, thread_id: str) -> Thread:
        """Return the thread or raise ``ThreadNotFound``."""
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

    def accept_turn(self, user: Message, *, history: int, max_messages: int | None = None) -> AcceptedTurn:
        """Hold ``user.thread_id`` and store ``user`` (status pending), in one write.

        Waits while another turn of the thread runs (``Conflict`` past the wait);
        a lock left by a dead process is taken over and the user messages it
        left pending become failed. A message stored before with the same
        ``client_message_id`` is this turn's: with another text it raises
        ``IdempotencyKeyReused`` and changes nothing; with its answer stored, that
        answer is returned and nothing is held; otherwise it is pending again.
        A new message beyond ``max_messages`` raises ``ThreadFull``. ``history``
        earlier completed messages come back with it, oldest first, as the model
        reads them: their role and text (citations and tool runs may be left out).
        """
        ...

    def finish_turn(self, turn: AcceptedTurn, answer: Message | None) -> None:
        """Store ``answer`` and complete the user message (None: mark it failed), and unlock, in one write."""
        ...

    def recover_turns(self) -> int:
        """Mark failed the user messages left pending by turns whose process died; return how many."""
        ...

    def delete_thread(self, thread_id: str) -> None:
        """Delete the thread and its messages; ``ThreadNotFound``, or ``Conflict`` during a turn."""
        ...

    def prune_threads(self, inactive_since: float) -> list[str]:
        """Delete the threads with no message since ``inactive_since``; return their ids."""
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


class DocumentFolder(Protocol):
    """A folder of document files (a directory, a share), named by their paths inside it."""

    # Where the documents came from, kept with them ("dir:/srv/documentos"), so that an
    # ingest of the folder removes only what an earlier ingest of the same folder added.
    source: str

    def names(self) -> list[str]:
        """The documents' names, sorted; hidden files, lock files and READMEs left out."""
        ...

    def read(self, name: str) -> bytes:
        """The file's bytes; ``UnreadableDocument`` when it cannot be read."""
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

    def delete(self, thread_id: str) -> None:
        """Remove the thread's report, if it has one."""
        ...

    def compile(self, thread_id: str) -> bytes:
        """The report as PDF; ``NotSupported`` when no TeX engine is installed."""
        ...
