"""Reader for Markdown and plain-text files: headings, paragraphs, lists and pipe tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget, too_much_text
from botk_adapters.documents.chunking import Block, chunk_blocks
from botk_adapters.documents.facts import TableRow, table_chunks
from botk_adapters.documents.revision import REVISION
from botk_adapters.documents.tables import CellBudget, RawTable
from botk_core.domain import Chunk
from botk_core.errors import UnreadableDocument

# A rule under the header: dashes (or =) under each column, or one line across them all.
_ALIGNED_RULE = re.compile(r"^\s*[-=]{3,}(?:\s+[-=]{3,})*\s*$")
# Columns apart by a tab (pasted from a spreadsheet) or by two or more spaces.
_COLUMN_GAP = re.compile(r"\s*\t\s*|\s{2,}")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s+\S")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_CAPTION = re.compile(r"^(tabla|cuadro|table)\s*\d*", re.IGNORECASE)
_HEADING_MAX_CHARS = 120
# What never reaches the index: spaces and Markdown markup. The rest is indexed at least once.
_NOT_INDEXED = b" \t\r\n\f\v#|*-_>`=~:"


class TextReader:
    """Reads ``.md``, ``.markdown`` and ``.txt`` files (UTF-8, or Latin-1 as a fallback)."""

    extensions = (".md", ".markdown", ".txt")
    revision = REVISION

    def __init__(self, budget: FileBudget = DEFAULT_BUDGET) -> None:
        self._budget = budget

    def supports(self, name: str) -> bool:
        return name.lower().endswith(self.extensions)

    def read(self, name: str, data: bytes) -> list[Chunk]:
        _check_text_size(data, self._budget.max_text_bytes)
        text = _decode(data)
        if not text.strip():
            raise UnreadableDocument("El archivo está vacío.")
        markdown = not name.lower().endswith(".txt")
        chunks = chunk_blocks(_blocks(text, markdown, self._budget.cells()))
        if not chunks:
            raise UnreadableDocument("El archivo no contiene texto.")
        return chunks


def _check_text_size(data: bytes, limit: int | None) -> None:
    """Refuse, before parsing, a file whose characters alone are more text than may be indexed."""
    if limit is None or len(data) <= limit:
        return
    if len(data.translate(None, _NOT_INDEXED)) > limit:
        raise too_much_text(limit)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("El archivo no es texto (parece binario).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _blocks(text: str, markdown: bool, cells: CellBudget) -> Iterator[Block]:
    paragraphs = [_lines(p) for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    paragraphs = [lines for lines in paragraphs if lines]
    caption = ""
    ordinal = 0
    for index, lines in enumerate(paragraphs):
        lines = _aligned_as_pipes(lines)
        start = _table_start(lines)
        if start is not None:
            caption = " ".join(line.strip() for line in lines[:start]) or caption
            ordinal += 1
            yield from _table_rows(lines[start:], caption, ordinal, cells)
            caption = ""
            continue
        heading = _heading(lines, markdown)
        if heading:
            yield heading
            lines = lines[1:]
        body = "\n".join(line.strip() for line in lines)
        caption = body if _CAPTION.match(body) and len(body) < _HEADING_MAX_CHARS else ""
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else []
        if body and not (caption and _table_start(following) == 0):
            yield Block(body)


def _lines(paragraph: str) -> list[str]:
    return [line.rstrip() for line in paragraph.strip("\n").splitlines() if line.strip()]


def _heading(lines: list[str], markdown: bool) -> Block | None:
    first = lines[0].strip()
    if markdown:
        match = _MD_HEADING.match(first)
        return Block(match.group(2), "heading", len(match.group(1))) if match else None
    if len(lines) != 1 or len(first) > _HEADING_MAX_CHARS or first.endswith((".", ",", ";", ":")):
        return None
    numbered = _NUMBERED.match(first)
    if numbered:
        return Block(first, "heading", numbered.group(1).count(".") + 1)
    if first.endswith("?") or (first.isupper() and len(first) > 3):
        return Block(first, "heading", 1)
    return None


def _aligned_as_pipes(lines: list[str]) -> list[str]:
    """A plain-text table (a header, a rule of dashes under it, rows) as a pipe table.

    Columns are separated by a tab or two or more spaces; a row that does not split into
    as many cells as the header leaves the paragraph as it was.
    """
    rule = next((i for i, line in enumerate(lines) if i and _ALIGNED_RULE.match(line)), None)
    if rule is None or rule + 1 >= len(lines):
        return lines
    header, *rows = [_COLUMN_GAP.split(line.strip()) for line in (lines[rule - 1], *lines[rule + 1 :])]
    width = len(header)
    if width < 2 or any(len(cells) != width for cells in rows):
        return lines
    pipes = ["| " + " | ".join(cells) + " |" for cells in [header, *rows]]
    return [*lines[: rule - 1], pipes[0], "|" + "---|" * width, *pipes[1:]]


def _table_start(lines: list[str]) -> int | None:
    """Index of the first line of a pipe table in the paragraph (one with a ``|---|`` rule)."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("|"):
            rest = lines[index:]
            has_rule = any(_TABLE_RULE.match(row.strip()) for row in rest)
            return index if has_rule and all(row.lstrip().startswith("|") for row in rest) else None
    return None


def _table_rows(lines: list[str], caption: str, ordinal: int, cells: CellBudget) -> Iterator[Block]:
    """A pipe table's cells as facts (or rows as text); rows above the ``|---|`` rule are headers."""
    grid: list[list[str]] = []
    header_count = table_cells = 0
    for line in lines:
        if _TABLE_RULE.match(line.strip()):
            header_count = len(grid)
        else:
            grid.append(_cells(line))
            table_cells += len(grid[-1])
            cells.spend(len(grid[-1]), table_cells)
    bold = [i < header_count for i in range(len(grid))]
    for chunk in table_chunks(RawTable(grid, bold, caption, ordinal=ordinal)):
        if isinstance(chunk, TableRow):
            yield Block(chunk.text, "row", table=chunk.table)
        else:
            yield Block(chunk.text, "fact", chunk=chunk)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]
