"""Reader for ``.pdf`` files with pypdf: text per page, page numbers kept for citations."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import pypdf
from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PyPdfError

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget
from botk_adapters.documents.chunking import Block, chunk_blocks
from botk_adapters.documents.pdf_budget import BoundedPdfReader
from botk_adapters.documents.revision import REVISION
from botk_core.domain import Chunk
from botk_core.errors import DocumentTooLarge, UnreadableDocument

# pypdf logs a warning per oddity of a damaged file; the per-file error says enough.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[A-ZÁÉÍÓÚÑ¿]")
_HEADING_MAX_CHARS = 120
_PAGE_NUMBER = re.compile(r"^(p[áa]gina\s*)?\d+(\s*(de|/)\s*\d+)?$", re.IGNORECASE)
# Columns of a table row as the PDF lays them out: text, a run of spaces, more text.
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_DAMAGED = "El archivo PDF está dañado o no es un PDF."
_DECODERS = ("zlib", "lzw", "run_length", "brotli", "jbig2")


class PdfReaderAdapter:
    """Reads ``.pdf``; each passage stays within one page and says which."""

    extensions = (".pdf",)
    revision = REVISION

    def __init__(self, budget: FileBudget = DEFAULT_BUDGET) -> None:
        self._budget = budget

    def supports(self, name: str) -> bool:
        return name.lower().endswith(self.extensions)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        if not data.strip():
            raise UnreadableDocument("El archivo está vacío.")
        try:
            with _stream_limit(self._budget.max_pdf_stream_bytes):
                chunks = chunk_blocks(_blocks(_open(data, self._budget)))
        except UnreadableDocument:
            raise
        except LimitReachedError as error:
            raise DocumentTooLarge("Una parte del PDF es demasiado grande al descomprimirla.") from error
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
            raise UnreadableDocument(_DAMAGED) from error
        if not chunks:
            raise UnreadableDocument("El PDF no contiene texto extraíble (¿es una imagen escaneada?).")
        return chunks


def _stream_limit(limit: int) -> AbstractContextManager[Any]:
    """pypdf's cap on the decoded size of one stream (a 1 KB font map can inflate to 1 GB), for this thread.

    pypdf before 7 has no per-call configuration: its module limits are lowered once instead.
    """
    apply = getattr(pypdf, "apply_configuration", None)
    overwrites = {f"{decoder}_maximum_output_length": limit for decoder in _DECODERS}
    if apply is not None:
        return apply(**overwrites)  # type: ignore[no-any-return]
    for decoder in _DECODERS:
        setattr(pypdf.filters, f"{decoder.upper()}_MAX_OUTPUT_LENGTH", limit)
    return nullcontext()


def _open(data: bytes, budget: FileBudget = DEFAULT_BUDGET) -> PdfReader:
    try:
        reader = BoundedPdfReader(io.BytesIO(data), budget)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadableDocument(_DAMAGED) from error
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as error:  # missing crypto backends raise their own kinds
            raise UnreadableDocument("El PDF está protegido con contraseña.") from error
        if not opened:
            raise UnreadableDocument("El PDF está protegido con contraseña.")
    reader.check_pages()  # page count and parse time bounded before any text is extracted
    return reader


def _blocks(reader: PdfReader) -> Iterator[Block]:
    for number, page in enumerate(reader.pages, start=1):
        paragraph: list[str] = []
        for raw in (page.extract_text() or "").splitlines():
            line = " ".join(raw.split())
            if _PAGE_NUMBER.match(line):
                continue
            heading = _heading(line)
            if not line or heading:
                if paragraph:
                    yield Block(_joined(paragraph), page=number)
                    paragraph = []
                if heading:
                    yield heading
            elif paragraph and paragraph[-1].endswith("-"):
                paragraph[-1] = paragraph[-1][:-1] + line  # a word hyphenated across lines
            elif _COLUMN_GAP.search(raw.strip()):
                paragraph.append(f"\n{line}\n")  # a table row keeps its own line: one item, one value
            else:
                paragraph.append(line)
        if paragraph:
            yield Block(_joined(paragraph), page=number)


def _joined(paragraph: list[str]) -> str:
    """The paragraph's lines as one text, a table row on a line of its own."""
    return re.sub(r" ?\n+ ?", "\n", " ".join(paragraph)).strip()


def _heading(line: str) -> Block | None:
    match = _NUMBERED_HEADING.match(line)
    if match is None or len(line) > _HEADING_MAX_CHARS or line.endswith((".", ",", ";")):
        return None
    return Block(line, "heading", match.group(1).count(".") + 1)
