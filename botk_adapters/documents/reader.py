"""CompositeReader: picks the reader for a file by its extension."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from botk_adapters.documents.revision import REVISION
from botk_core.domain import Chunk
from botk_core.errors import UnsupportedDocumentType
from botk_core.ports import DocumentReader


class CompositeReader:
    """A DocumentReader that delegates to the first reader supporting the file."""

    revision = REVISION

    def __init__(self, readers: Sequence[DocumentReader]) -> None:
        self._readers = tuple(readers)

    def supports(self, name: str) -> bool:
        return any(reader.supports(name) for reader in self._readers)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        for reader in self._readers:
            if reader.supports(name):
                return reader.read(name, data)
        kind = PurePath(name).suffix or "sin extensión"
        raise UnsupportedDocumentType(f"Tipo de archivo no soportado ({kind}).")
