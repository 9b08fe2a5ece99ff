"""IngestDocuments: bring a folder's files into the DocumentStore, incrementally."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

import attrs

from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import BotkError
from botk_core.ids import new_id
from botk_core.ports import DocumentFolder, DocumentReader, DocumentStore

log = logging.getLogger(__name__)

UNREADABLE = "No se pudo leer el archivo (formato dañado o no reconocido)."

Progress = Callable[[int, int, str], None]


@attrs.frozen
class IngestDocumentsInput:
    """The folder to ingest; ``progress(done, total, name)`` is told of each file."""

    directory: str = attrs.field(converter=str)
    remove_missing: bool = True
    progress: Progress | None = attrs.field(default=None, eq=False)


@attrs.frozen
class IngestReport:
    """What an ingest did; names are paths relative to the folder.

    ``chunks`` counts every passage now indexed from the folder, skipped files
    included.
    """

    files: int
    chunks: int
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]
    removed: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]
    seconds: float


def content_hash(data: bytes, revision: str) -> str:
    """The file's identity for "unchanged": its bytes, as read by ``revision`` of the readers."""
    return hashlib.sha256(revision.encode() + b"\0" + data).hexdigest()


class IngestDocuments:
    """Add new files, replace changed ones, skip unchanged ones (unparsed), drop deleted ones."""

    def __init__(
        self,
        store: DocumentStore,
        reader: DocumentReader,
        open_folder: Callable[[str], DocumentFolder],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._reader = reader
        self._open_folder = open_folder
        self._clock = clock

    def execute(self, request: IngestDocumentsInput) -> IngestReport:
        started = time.perf_counter()
        folder = self._open_folder(str(request.directory))
        names = folder.names()
        known = {d.name: d for d in self._store.list_documents()}
        tally = _Tally()
        for index, name in enumerate(names, start=1):
            self._ingest_one(folder, name, known.get(name), tally)
            if request.progress:
                request.progress(index, len(names), name)
        if request.remove_missing:
            seen = set(names)
            for document in known.values():
                if document.source == folder.source and document.name not in seen:
                    self._store.remove(document.id)
                    tally.removed.append(document.name)
        return tally.report(len(names), time.perf_counter() - started)

    def _ingest_one(self, folder: DocumentFolder, name: str, old: DocumentInfo | None, tally: _Tally) -> None:
        source = folder.source
        try:
            data = folder.read(name)
        except BotkError as error:
            tally.failed.append((name, error.message))
            return
        digest = content_hash(data, self._reader.revision)
        if old is not None and old.content_hash == digest and old.source == source:
            tally.skipped.append(name)
            tally.chunks += old.chunk_count
            return
        chunks = read_safely(self._reader, name, data, tally.failed)
        if chunks is None:
            return
        document_id = old.id if old is not None else new_id("doc")
        info = DocumentInfo(document_id, name, digest, len(chunks), self._clock(), source)
        self._store.put(info, chunks)
        (tally.added if old is None else tally.replaced).append(name)
        tally.chunks += len(chunks)


def read_safely(
    reader: DocumentReader, name: str, data: bytes, failed: list[tuple[str, str]]
) -> list[Chunk] | None:
    """The file's chunks, or None after recording why it could not be read."""
    try:
        return reader.read(name, data)
    except BotkError as error:
        failed.append((name, error.message))
    except Exception:
        # A parser bug on one odd file must not stop the rest of the batch.
        log.exception("reader failed on %s", name)
        failed.append((name, UNREADABLE))
    return None


@attrs.define
class _Tally:
    chunks: int = 0
    added: list[str] = attrs.Factory(list)
    replaced: list[str] = attrs.Factory(list)
    skipped: list[str] = attrs.Factory(list)
    removed: list[str] = attrs.Factory(list)
    failed: list[tuple[str, str]] = attrs.Factory(list)

    def report(self, files: int, seconds: float) -> IngestReport:
        return IngestReport(
            files,
            self.chunks,
            tuple(self.added),
            tuple(self.replaced),
            tuple(self.skipped),
            tuple(self.removed),
            tuple(self.failed),
            round(seconds, 3),
        )
