"""Ports of the documents: the store that searches them, the folder and the reader."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from botk_core.domain import Chunk, DocumentInfo, Passage


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
    """Turns a file's bytes into chunks, so the core never parses formats itself.

    ``revision`` names what the reader makes of a file: a reader that learns to
    index something new gets a new revision, and files it indexed before no
    longer count as unchanged, so the next ingest reads them again.
    """

    revision: str

    def supports(self, name: str) -> bool:
        """Tell whether the file name has a format this reader knows."""
        ...

    def read(self, name: str, data: bytes) -> list[Chunk]:
        """The file's chunks; raise ``UnreadableDocument`` (or a subclass) if it cannot."""
        ...
