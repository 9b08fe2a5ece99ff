"""Document readers: .md, .txt, .docx and .pdf files into chunks."""

from __future__ import annotations

from botk_adapters.documents.pdf import PdfReaderAdapter
from botk_adapters.documents.reader import CompositeReader
from botk_adapters.documents.synonyms import load_synonyms
from botk_adapters.documents.text import TextReader
from botk_adapters.documents.word import DocxReader


def default_reader() -> CompositeReader:
    """The reader for every format BOTK ingests."""
    return CompositeReader([TextReader(), DocxReader(), PdfReaderAdapter()])


__all__ = [
    "CompositeReader",
    "DocxReader",
    "PdfReaderAdapter",
    "TextReader",
    "default_reader",
    "load_synonyms",
]
