"""Document readers: .md, .txt, .docx and .pdf files into chunks."""

from __future__ import annotations

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget
from botk_adapters.documents.pdf import PdfReaderAdapter
from botk_adapters.documents.reader import CompositeReader
from botk_adapters.documents.synonyms import load_synonyms
from botk_adapters.documents.text import TextReader
from botk_adapters.documents.word import DocxReader


def default_reader(budget: FileBudget = DEFAULT_BUDGET) -> CompositeReader:
    """The reader for every format BOTK ingests, with ``budget`` for zip, PDF and text files."""
    return CompositeReader([TextReader(budget), DocxReader(budget), PdfReaderAdapter(budget)])


__all__ = [
    "CompositeReader",
    "DocxReader",
    "FileBudget",
    "PdfReaderAdapter",
    "TextReader",
    "default_reader",
    "load_synonyms",
]
