"""Document readers (.md, .txt, .docx, .pdf) and the text analysis the stores share."""

from __future__ import annotations

from botk_adapters.documents.reader import CompositeReader
from botk_adapters.documents.text import TextReader


def default_reader() -> CompositeReader:
    """The reader for every format BOTK ingests."""
    return CompositeReader([TextReader()])


__all__ = ["CompositeReader", "TextReader", "default_reader"]
