"""Use case AddDocuments: uploads checked against the rules, read, then stored, all or nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext

import attrs

from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import BotkError, UnreadableDocument
from botk_core.ids import new_id
from botk_core.ports import DocumentReader, DocumentStore
from botk_core.usecases.ingest import UNREADABLE, content_hash
from botk_core.usecases.parse_slots import ParseSlots
from botk_core.usecases.upload_rules import UPLOAD_SOURCE, UploadPolicy, check_reading, plan_uploads

DEFAULT_POLICY = UploadPolicy()


@attrs.frozen
class AddDocumentInput:
    """One file's name and bytes, e.g. an HTTP upload."""

    name: str
    data: bytes = attrs.field(repr=False)
    source: str = UPLOAD_SOURCE


@attrs.frozen
class ReadDocument:
    """An upload that passed the rules: its chunks, or None when the same file is already stored."""

    upload: AddDocumentInput
    digest: str
    chunks: tuple[Chunk, ...] | None


class AddDocuments:
    """Read every file first, then store them all; one bad file stores nothing.

    Raises ``UnreadableDocument`` (or ``UnsupportedDocumentType``) naming the
    file, and before reading anything the refusals of ``upload_rules``: a name
    taken by a different document, or that reads like the name of a document
    or of one of the ``shared_files`` (409), or the upload budget (413). With
    ``slots``, files are read only while holding one (else ``ServerBusy``). ``read``
    and ``store`` are the two halves, for a caller (a chat turn) that must
    refuse bad files before it stores anything else.
    """

    def __init__(
        self,
        store: DocumentStore,
        reader: DocumentReader,
        clock: Callable[[], float] = time.time,
        shared_files: Callable[[], Sequence[str]] = tuple,
        slots: ParseSlots | None = None,
    ) -> None:
        self._store = store
        self._reader = reader
        self._clock = clock
        self._shared_files = shared_files
        self._slots = slots

    def execute(
        self, files: Sequence[AddDocumentInput], policy: UploadPolicy = DEFAULT_POLICY
    ) -> list[DocumentInfo]:
        """Check, read and store; the slot is held until the files are stored (their chunks with it)."""
        hashes, wanted = self._plan(files, policy)
        with self._hold(wanted):
            return self.store(self._read_all(files, hashes, wanted, policy))

    def read(
        self, files: Sequence[AddDocumentInput], policy: UploadPolicy = DEFAULT_POLICY
    ) -> list[ReadDocument]:
        """Check the rules and read every new file, storing nothing."""
        hashes, wanted = self._plan(files, policy)
        with self._hold(wanted):
            return self._read_all(files, hashes, wanted, policy)

    def _plan(self, files: Sequence[AddDocumentInput], policy: UploadPolicy) -> tuple[list[str], list[bool]]:
        known = {d.name: d for d in self._store.list_documents()}
        hashes = [content_hash(upload.data, self._reader.revision) for upload in files]
        return hashes, plan_uploads(files, hashes, known, policy, self._shared_files())

    def _hold(self, wanted: Sequence[bool]) -> AbstractContextManager[None]:
        """A parse slot when there is something to read; the same files again need none."""
        return self._slots.hold() if self._slots is not None and any(wanted) else nullcontext()

    def _read_all(
        self,
        files: Sequence[AddDocumentInput],
        hashes: Sequence[str],
        wanted: Sequence[bool],
        policy: UploadPolicy,
    ) -> list[ReadDocument]:
        started, text_bytes, read = time.monotonic(), 0, []
        for upload, digest, new in zip(files, hashes, wanted, strict=True):
            chunks = tuple(self._read(upload)) if new else None
            text_bytes += sum(len(chunk.text.encode("utf-8")) for chunk in chunks or ())
            check_reading(upload.name, text_bytes, time.monotonic() - started, policy)
            read.append(ReadDocument(upload, digest, chunks))
        return read

    def store(self, documents: Sequence[ReadDocument]) -> list[DocumentInfo]:
        """Store what ``read`` read; a file already stored as it is stays as it was."""
        known = {d.name: d for d in self._store.list_documents()}
        return [self._put(document, known.get(document.upload.name)) for document in documents]

    def _put(self, document: ReadDocument, previous: DocumentInfo | None) -> DocumentInfo:
        if document.chunks is None and previous is not None:
            return previous
        upload, chunks = document.upload, document.chunks or ()
        info = DocumentInfo(
            previous.id if previous else new_id("doc"),
            upload.name,
            document.digest,
            len(chunks),
            self._clock(),
            upload.source,
            len(upload.data),
        )
        self._store.put(info, chunks)
        return info

    def _read(self, upload: AddDocumentInput) -> list[Chunk]:
        try:
            return self._reader.read(upload.name, upload.data)
        except BotkError as error:
            error.message = f"{upload.name}: {error.message}"
            raise
        except Exception as error:
            # Parsers raise all sorts of things on odd files; the client gets one clear error.
            raise UnreadableDocument(f"{upload.name}: {UNREADABLE}") from error
