"""Reader for Word ``.docx`` files with python-docx: headings, lists, captions and tables."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence

import docx
from docx.oxml.ns import qn
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget, check_zip
from botk_adapters.documents.chunking import Block, chunk_blocks
from botk_adapters.documents.tables import render_table, table_label
from botk_core.domain import Chunk
from botk_core.errors import UnreadableDocument

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HEADING_STYLE = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s+\S")
_CAPTION_TEXT = re.compile(r"^(tabla|cuadro|table)\s*(n[°º.]?\s*)?\d+", re.IGNORECASE)
_CAPTION_STYLES = ("caption", "descripción", "epígrafe", "título de tabla")
_HEADING_MAX_CHARS = 150
_MAX_HEADER_ROWS = 3
_UNSTYLED_LEVEL = 10

StyleNames = dict[str, str]


class DocxReader:
    """Reads ``.docx``; a table row becomes one passage with its headers and caption."""

    extensions = (".docx",)

    def __init__(self, budget: FileBudget = DEFAULT_BUDGET) -> None:
        self._budget = budget

    def supports(self, name: str) -> bool:
        return name.lower().endswith(self.extensions)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        chunks = chunk_blocks(_blocks(_open(data, self._budget)))
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


def _blocks(document: docx.document.Document) -> Iterator[Block]:
    items = list(document.iter_inner_content())
    names = _style_names(document)
    used_captions: set[int] = set()
    for index, item in enumerate(items):
        if isinstance(item, Table):
            caption = _caption_near(items, index, used_captions, names)
            header_count = _header_count(item)
            for text in render_table(_grid(item, header_count), header_count, caption):
                yield Block(text, "row", table=table_label(caption))
        elif index not in used_captions:
            block = _paragraph_block(item, items[index + 1] if index + 1 < len(items) else None, names)
            if block is not None:
                yield block


def _paragraph_block(paragraph: Paragraph, following: object, names: StyleNames) -> Block | None:
    text = paragraph.text.strip()
    if not text or (_is_caption(paragraph, names) and isinstance(following, Table)):
        return None  # a table's caption travels with each of its rows
    level = _heading_level(paragraph, text, names)
    if level:
        return Block(text, "heading", level)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or _style(paragraph, names).startswith("list"):
        return Block(f"- {text}")
    return Block(text)


def _style(paragraph: Paragraph, names: StyleNames) -> str:
    # paragraph.style looks the style up with XPath on every call; a dict is 100x faster.
    return names.get(paragraph._p.style or "", "")


def _style_names(document: docx.document.Document) -> StyleNames:
    return {style.style_id: (style.name or "").lower() for style in document.styles}


def _heading_level(paragraph: Paragraph, text: str, names: StyleNames) -> int:
    style = _style(paragraph, names)
    match = _HEADING_STYLE.match(style)
    if match:
        return int(match.group(1))
    if style in ("title", "título", "titulo"):
        return 1
    numbered = _NUMBERED.match(text)
    if numbered and len(text) <= _HEADING_MAX_CHARS and (text.endswith("?") or _all_bold(paragraph)):
        # Below any styled heading: "4. ¿Cómo...?" in bold lives inside the section around it.
        return _UNSTYLED_LEVEL + numbered.group(1).count(".")
    return 0


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _is_caption(paragraph: Paragraph, names: StyleNames) -> bool:
    text = paragraph.text.strip()
    return (_style(paragraph, names) in _CAPTION_STYLES or bool(_CAPTION_TEXT.match(text))) and len(
        text
    ) < 300


def _caption_near(items: Sequence[object], index: int, used: set[int], names: StyleNames) -> str:
    """The caption just before the table, else one just after it (which is then used up)."""
    before = items[index - 1] if index else None
    if isinstance(before, Paragraph) and _is_caption(before, names):
        return before.text.strip()
    after = items[index + 1] if index + 1 < len(items) else None
    if isinstance(after, Paragraph) and _CAPTION_TEXT.match(after.text.strip()):
        used.add(index + 1)
        return after.text.strip()
    return ""


def _grid(table: Table, header_count: int) -> list[list[str]]:
    """Cell texts by grid column; a body cell merged across columns keeps its text once.

    Header cells keep their text in every column they span, so each column gets
    its full header ("Metales (mg/L) - Plomo").
    """
    grid = []
    for number, row in enumerate(table.rows):
        texts, previous = [], None
        for cell in row.cells:
            repeated = cell._tc is previous and number >= header_count
            texts.append("" if repeated else " ".join(cell.text.split()))
            previous = cell._tc
        grid.append(texts)
    return grid


def _header_count(table: Table) -> int:
    rows = list(table.rows)
    count = 0
    while count < min(_MAX_HEADER_ROWS, len(rows) - 1) and _is_header_row(rows[count]):
        count += 1
    if count == 0 and len(rows) > 1 and len(table.columns) >= 3:
        return 1  # wide tables nearly always open with their headers, bold or not
    return count


def _is_header_row(row: _Row) -> bool:
    tr_pr = row._tr.trPr
    if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
        return True
    paragraphs = [p for cell in row.cells for p in cell.paragraphs if p.text.strip()]
    return bool(paragraphs) and all(_all_bold(p) for p in paragraphs)
