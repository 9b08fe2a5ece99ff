"""Reader for Word ``.docx`` files with python-docx: headings, lists, captions and tables."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget, check_zip
from botk_adapters.documents.chunking import Block, chunk_blocks
from botk_adapters.documents.paragraphs import Levels, Para, paragraph_blocks
from botk_adapters.documents.revision import REVISION
from botk_adapters.documents.symbols import definitions
from botk_adapters.documents.tables import CellBudget
from botk_adapters.documents.word_styles import para_of, style_names
from botk_adapters.documents.word_table_blocks import (
    NOTE,
    WordTable,
    is_table_caption,
    shared_note_lines,
    table_blocks,
)
from botk_core.domain import Chunk
from botk_core.errors import UnreadableDocument

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class DocxReader:
    """Reads ``.docx``; every data cell of a table of measurements becomes a fact."""

    extensions = (".docx",)
    revision = REVISION

    def __init__(self, budget: FileBudget = DEFAULT_BUDGET) -> None:
        self._budget = budget

    def supports(self, name: str) -> bool:
        return name.lower().endswith(self.extensions)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        chunks = chunk_blocks(_blocks(_open(data, self._budget), self._budget.cells()))
        if not chunks:
            raise UnreadableDocument("El documento no contiene texto.")
        return chunks


def _open(data: bytes, budget: FileBudget = DEFAULT_BUDGET) -> docx.document.Document:
    if not data.strip():
        raise UnreadableDocument("El archivo está vacío.")
    if data.startswith(_OLE_MAGIC):
        raise UnreadableDocument(
            "El documento está protegido con contraseña o es un .doc antiguo; guárdelo como .docx sin clave."
        )
    check_zip(data, budget)  # before python-docx unpacks anything: a zip bomb takes the worker's memory
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableDocument("El archivo .docx está dañado o no es un documento de Word.") from error
    except Exception as error:  # lxml and python-docx raise their own kinds on broken XML
        raise UnreadableDocument("El archivo .docx está dañado o no es un documento de Word.") from error


def _blocks(document: docx.document.Document, cells: CellBudget) -> Iterator[Block]:
    """Paragraph runs through the paragraph rules; each table with its caption and note."""
    items = list(document.iter_inner_content())
    names = style_names(document)
    # python-docx rebuilds a paragraph's text with XPath on every read: each is read once.
    texts = [item.text if isinstance(item, Paragraph) else "" for item in items]
    defined = definitions(texts)  # a table's "" defines nothing
    shared = shared_note_lines(items)
    used: set[int] = set()
    pending: list[Para] = []
    notes: set[str] = set()
    levels = Levels()
    ordinal = 0
    for index, item in enumerate(items):
        if isinstance(item, Table):
            yield from paragraph_blocks(pending, levels)
            pending = []
            ordinal += 1
            yield from table_blocks(
                items, index, WordTable(ordinal, defined, names, cells, shared), used, notes
            )
        elif index not in used:
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(following, Table) and is_table_caption(item, names):
                continue  # the table's caption travels with each of its cells
            para = para_of(item, names, texts[index])
            if NOTE.match(para.text) and para.text in notes:
                continue  # the same note under every table is read once
            if NOTE.match(para.text):
                notes.add(para.text)
            pending.append(para)
    yield from paragraph_blocks(pending, levels)
