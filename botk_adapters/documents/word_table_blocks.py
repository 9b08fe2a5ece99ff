"""A Word table's blocks: its caption (before or after it), its cells as facts, and its note once.

The note under a table ("(*) ...", "Nota: ...", a limit) is a passage cited
with the table it explains; the same note under several tables is a legend,
read once in its section and tied to no table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
from docx.table import Table
from docx.text.paragraph import Paragraph

from botk_adapters.documents.chunking import Block
from botk_adapters.documents.facts import TableRow, table_chunks
from botk_adapters.documents.tables import CellBudget
from botk_adapters.documents.word_styles import CAPTION_STYLES, StyleNames, style_of
from botk_adapters.documents.word_tables import raw_table
from botk_core.domain import Chunk
from botk_core.limits import find_limit

_TABLE_CAPTION = re.compile(r"^(tabla|cuadro|table)\s*(n[°º.]?\s*)?\d+", re.IGNORECASE)
NOTE = re.compile(r"^(?:\(?\*+\)?|\(-\)|\(<\)|nota\b|notas\b|obs\.|observaci[óo]n|fuente\b)", re.IGNORECASE)
_NOTE_MAX_CHARS = 600
_NOTE_MAX_PARAGRAPHS = 4
_FIGURE = re.compile(r"^(figura|fig\.|imagen|foto)", re.IGNORECASE)


def _note_after(items: Sequence[object], index: int) -> tuple[str, list[str], list[int]]:
    """The note under a table (its "(*) ...", "Nota: ..." and limit paragraphs, up to a budget), and where."""
    lines: list[str] = []
    where: list[int] = []
    for offset, item in enumerate(items[index + 1 : index + 1 + _NOTE_MAX_PARAGRAPHS], start=index + 1):
        text = item.text.strip() if isinstance(item, Paragraph) else ""
        limit = len(text) <= _NOTE_MAX_CHARS // 2 and find_limit(text) is not None
        if not text or _TABLE_CAPTION.match(text) or not (NOTE.match(text) or limit):
            break  # the next table's caption is not this one's note
        lines.append(text)
        where.append(offset)
    return "\n".join(lines)[:_NOTE_MAX_CHARS], lines, where


@attrs.frozen
class WordTable:
    """What reading one table needs besides the table: its number, the document's symbols, the cell budget."""

    ordinal: int
    definitions: dict[str, str]
    names: StyleNames
    cells: CellBudget
    # Note lines under more than one table (a legend): read once in the section, tied to no table.
    shared: frozenset[str] = frozenset()


def shared_note_lines(items: Sequence[object]) -> frozenset[str]:
    """The note lines found under more than one table of the document."""
    seen = Counter(
        line
        for index, item in enumerate(items)
        if isinstance(item, Table)
        for line in _note_after(items, index)[1]
    )
    return frozenset(line for line, count in seen.items() if count > 1)


def table_blocks(
    items: Sequence[object], index: int, table: WordTable, used: set[int], notes: set[str]
) -> Iterator[Block]:
    """The blocks of the table at ``items[index]``; the paragraphs it uses up go into ``used``."""
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


def is_table_caption(paragraph: Paragraph, names: StyleNames) -> bool:
    """Whether a paragraph is a table's caption ("Tabla 3: ...", or a caption style), not a figure's."""
    text = paragraph.text.strip()
    if not text or len(text) >= 300 or _FIGURE.match(text):
        return False
    return bool(_TABLE_CAPTION.match(text)) or style_of(paragraph, names) in CAPTION_STYLES


def _caption_near(items: Sequence[object], index: int, used: set[int], names: StyleNames) -> str:
    """The caption just before the table, else one just after it; either is used up."""
    before = items[index - 1] if index else None
    if isinstance(before, Paragraph) and is_table_caption(before, names):
        return before.text.strip()
    after = items[index + 1] if index + 1 < len(items) else None
    if isinstance(after, Paragraph) and _TABLE_CAPTION.match(after.text.strip()):
        used.add(index + 1)
        return after.text.strip()
    return ""
