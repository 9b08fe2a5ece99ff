"""InMemoryDocumentFolder: a folder of documents held in a dict, for tests."""

from __future__ import annotations

from collections.abc import Mapping

from botk_core.errors import UnreadableDocument


class InMemoryDocumentFolder:
    """Files by name, as a DocumentFolder."""

    def __init__(self, files: Mapping[str, bytes], source: str = "memory:") -> None:
        self.files = dict(files)
        self.source = source

    def names(self) -> list[str]:
        return sorted(self.files)

    def read(self, name: str) -> bytes:
        try:
            return self.files[name]
        except KeyError:
            raise UnreadableDocument("No se pudo abrir el archivo.") from None
