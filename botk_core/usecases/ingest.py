"""IngestDocuments: bring a folder's files into the DocumentStore, incrementally."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import BotkError, InvalidInput
from botk_core.ids import new_id
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.synonyms import SYNONYMS_FILE

log = logging.getLogger(__name__)

UNREADABLE = "No se pudo leer el archivo (formato dañado o no reconocido)."

Progress = Callable[[int, int, str], None]


@attrs.frozen
class IngestDocumentsInput:
    """The folder to ingest; ``progress(done, total, name)`` is told of each file."""

    directory: str | Path
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


def is_ignored(relative: Path) -> bool:
    """Hidden files, Office lock files, the folder's README and synonyms files are not documents."""
    if any(part.startswith((".", "~$", "__")) for part in relative.parts):
        return True
    return relative.name.upper().startswith("README") or relative.name.lower() == SYNONYMS_FILE


def _documents_in(directory: Path) -> list[Path]:
    paths = (p for p in directory.rglob("*") if p.is_file())
    return sorted(p for p in paths if not is_ignored(p.relative_to(directory)))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class IngestDocuments:
    """Add new files, replace changed ones, skip unchanged ones (unparsed), drop deleted ones."""

    def __init__(
        self, store: DocumentStore, reader: DocumentReader, clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._reader = reader
        self._clock = clock

    def execute(self, request: IngestDocumentsInput) -> IngestReport:
        started = time.perf_counter()
        directory = Path(request.directory)
        if not directory.is_dir():
            raise InvalidInput(f"La carpeta '{directory.name or directory}' no existe.")
        source = f"dir:{directory.resolve()}"
        files = sorted(
            p for p in directory.rglob("*") if p.is_file() and not is_ignored(p.relative_to(directory))
        )
        known = {d.name: d for d in self._store.list_documents()}
        tally = _Tally()
        for index, path in enumerate(files, start=1):
            name = path.relative_to(directory).as_posix()
            self._ingest_one(path, name, source, known.get(name), tally)
            if request.progress:
                request.progress(index, len(files), name)
        if request.remove_missing:
            seen = {path.relative_to(directory).as_posix() for path in files}
            for document in known.values():
                if document.source == source and document.name not in seen:
                    self._store.remove(document.id)
                    tally.removed.append(document.name)
        return tally.report(len(files), time.perf_counter() - started)

    def _ingest_one(
        self, path: Path, name: str, source: str, old: DocumentInfo | None, tally: _Tally
    ) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            tally.failed.append((name, "No se pudo abrir el archivo."))
            return
        digest = content_hash(data)
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
