"""Reader for Word ``.docx`` files with python-docx: headings, lists, captions and tables."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget, check_zip
from botk_adapters.documents.chunking import Block, chunk_blocks
from botk_adapters.documents.facts import TableRow, table_chunks
from botk_adapters.documents.paragraphs import Levels, Para, paragraph_blocks
from botk_adapters.documents.symbols import definitions
from botk_adapters.documents.tables import CellBudget
from botk_adapters.documents.word_tables import raw_table
from botk_core.domain import Chunk
from botk_core.errors import UnreadableDocument
from botk_core.limits import find_limit

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HEADING_STYLE = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)
_TABLE_CAPTION = re.compile(r"^(tabla|cuadro|table)\s*(n[°º.]?\s*)?\d+", re.IGNORECASE)
_CAPTION_STYLES = ("caption", "descripción", "epígrafe", "título de tabla")
_NOTE = re.compile(r"^(?:\(?\*+\)?|\(-\)|\(<\)|nota\b|notas\b|obs\.|observaci[óo]n|fuente\b)", re.IGNORECASE)
_NOTE_MAX_CHARS = 600
_NOTE_MAX_PARAGRAPHS = 4
_FIGURE = re.compile(r"^(figura|fig\.|imagen|foto)", re.IGNORECASE)

StyleNames = dict[str, str]


class DocxReader:
    """Reads ``.docx``; every data cell of a table of measurements becomes a fact."""

    extensions = (".docx",)

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
    names = _style_names(document)
    defined = definitions(item.text for item in items if isinstance(item, Paragraph))
    shared = _shared_note_lines(items)
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
            yield from _table_blocks(
                items, index, _Table(ordinal, defined, names, cells, shared), used, notes
            )
        elif index not in used:
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(following, Table) and _is_table_caption(item, names):
                continue  # the table's caption travels with each of its cells
            para = _para(item, names)
            if _NOTE.match(para.text) and para.text in notes:
                continue  # the same note under every table is read once
            if _NOTE.match(para.text):
                notes.add(para.text)
            pending.append(para)
    yield from paragraph_blocks(pending, levels)


def _note_after(items: Sequence[object], index: int) -> tuple[str, list[str], list[int]]:
    """The note under a table (its "(*) ...", "Nota: ..." and limit paragraphs, up to a budget), and where."""
    lines: list[str] = []
    where: list[int] = []
    for offset, item in enumerate(items[index + 1 : index + 1 + _NOTE_MAX_PARAGRAPHS], start=index + 1):
        text = item.text.strip() if isinstance(item, Paragraph) else ""
        limit = len(text) <= _NOTE_MAX_CHARS // 2 and find_limit(text) is not None
        if not text or _TABLE_CAPTION.match(text) or not (_NOTE.match(text) or limit):
            break  # the next table's caption is not this one's note
        lines.append(text)
        where.append(offset)
    return "\n".join(lines)[:_NOTE_MAX_CHARS], lines, where


@attrs.frozen
class _Table:
    """What reading one table needs besides the table: its number, the document's symbols, the cell budget."""

    ordinal: int
    definitions: dict[str, str]
    names: StyleNames
    cells: CellBudget
    # Note lines under more than one table (a legend): read once in the section, tied to no table.
    shared: frozenset[str] = frozenset()


def _shared_note_lines(items: Sequence[object]) -> frozenset[str]:
    seen = Counter(
        line
        for index, item in enumerate(items)
        if isinstance(item, Table)
        for line in _note_after(items, index)[1]
    )
    return frozenset(line for line, count in seen.items() if count > 1)


def _table_blocks(
    items: Sequence[object], index: int, table: _Table, used: set[int], notes: set[str]
) -> Iterator[Block]:
    found = items[index]
    assert isinstance(found, Table)
    caption = _caption_near(items, index, used, table.names)
    note, lines, where = _note_after(items, index)
    chunks = table_chunks(raw_table(found, caption, note, table.ordinal, table.cells, table.definitions))
    name = ""
    for chunk in chunks:
        if isinstance(chunk, TableRow):
            name = chunk.table
            yield Block(chunk.text, "row", table=chunk.table)
        else:
            name = chunk.fact.table if chunk.fact else name
            yield Block(chunk.text, "fact", chunk=chunk)
    own = [(line, at) for line, at in zip(lines, where, strict=True) if line not in table.shared]
    if own and name:
        # The note's own lines are a passage cited with the table they explain (once).
        used.update(at for _, at in own)
        heading = caption or next((c.fact.caption for c in chunks if isinstance(c, Chunk) and c.fact), "")
        body = "\n".join(line for line, _ in own)
        text = f"{heading}\n{body}" if heading else body
        if text not in notes:
            notes.update([text, *(line for line, _ in own)])
            yield Block(text, "unit", table=f"{name} (nota)")


def _para(paragraph: Paragraph, names: StyleNames) -> Para:
    style = _style(paragraph, names)
    match = _HEADING_STYLE.match(style)
    level = int(match.group(1)) if match else (1 if style in ("title", "título", "titulo") else 0)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return Para(
        paragraph.text,
        heading=level,
        listed=numbered or style.startswith("list"),
        bold=_all_bold(paragraph),
        caption=style in _CAPTION_STYLES,
    )


def _style(paragraph: Paragraph, names: StyleNames) -> str:
    # paragraph.style looks the style up with XPath on every call; a dict is 100x faster.
    return names.get(paragraph._p.style or "", "")


def _style_names(document: docx.document.Document) -> StyleNames:
    return {style.style_id: (style.name or "").lower() for style in document.styles}


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _is_table_caption(paragraph: Paragraph, names: StyleNames) -> bool:
    text = paragraph.text.strip()
    if not text or len(text) >= 300 or _FIGURE.match(text):
        return False
    return bool(_TABLE_CAPTION.match(text)) or _style(paragraph, names) in _CAPTION_STYLES


def _caption_near(items: Sequence[object], index: int, used: set[int], names: StyleNames) -> str:
    """The caption just before the table, else one just after it; either is used up."""
    before = items[index - 1] if index else None
    if isinstance(before, Paragraph) and _is_table_caption(before, names):
        return before.text.strip()
    after = items[index + 1] if index + 1 < len(items) else None
    if isinstance(after, Paragraph) and _TABLE_CAPTION.match(after.text.strip()):
        used.add(index + 1)
        return after.text.strip()
    return ""
