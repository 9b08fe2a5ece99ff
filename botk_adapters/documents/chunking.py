"""Chunking: readers emit blocks; passages keep their heading trail, page and table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import attrs

from botk_core.domain import Chunk

TARGET_CHARS = 900
MAX_CHARS = 1600
_TRAIL_DEPTH = 3
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")

# heading: starts a section; text: joins the passage of its section; row: a table row
# as text; unit: a passage of its own (a list under its lead-in, a figure caption);
# fact: a table cell, already a chunk with its own location.
BlockKind = Literal["heading", "text", "row", "unit", "fact"]


@attrs.frozen
class Block:
    """One structural piece of a document, in reading order."""

    text: str
    kind: BlockKind = "text"
    level: int = 1
    page: int | None = None
    table: str = ""
    chunk: Chunk | None = None


def chunk_blocks(blocks: Iterable[Block]) -> list[Chunk]:
    """Group blocks into passages that never cross a heading, a page or a table row."""
    blocks = list(blocks)
    chunker = _Chunker(_title(blocks))
    for block in blocks:
        chunker.add(block)
    chunker.flush()
    return chunker.chunks


def _title(blocks: list[Block]) -> str:
    """The document's title: its first heading when no other heading is at its level or above.

    A citation names the document already; the title in every location would
    only repeat it (and make every passage match the title's words).
    """
    headings = [b for b in blocks if b.kind == "heading"]
    if len(headings) < 2 or any(h.level <= headings[0].level for h in headings[1:]):
        return ""
    return headings[0].text.strip()


class _Chunker:
    def __init__(self, title: str = "") -> None:
        self._title = title
        self.chunks: list[Chunk] = []
        self._trail: list[tuple[int, str]] = []
        self._buffer: list[str] = []
        self._page: int | None = None

    def add(self, block: Block) -> None:
        text = block.text.strip()
        if not text:
            return
        if block.kind == "heading":
            self.flush()
            self._trail = [t for t in self._trail if t[0] < block.level] + [(block.level, text)]
        elif block.kind == "fact" and block.chunk is not None:
            self.flush()
            self.chunks.append(self._with_section(block.chunk))
        elif block.kind in ("row", "unit"):
            self.flush()
            location = self._location(block.page, block.table)
            self.chunks += [Chunk(piece, location) for piece in _split_long(text)]
        else:
            if block.page != self._page or self._size() + len(text) > TARGET_CHARS:
                self.flush()
            self._page = block.page
            for piece in _split_long(text):
                if self._buffer and self._size() + len(piece) > MAX_CHARS:
                    self.flush()
                self._buffer.append(piece)

    def _with_section(self, chunk: Chunk) -> Chunk:
        """A cell of a table without a caption says which section the table is in."""
        if chunk.fact is None or chunk.fact.caption or not self._trail:
            return chunk
        return attrs.evolve(chunk, text=f"{self._trail[-1][1]}\n{chunk.text}")

    def flush(self) -> None:
        if self._buffer:
            self.chunks.append(Chunk("\n".join(self._buffer), self._location(self._page)))
        self._buffer = []

    def _size(self) -> int:
        return sum(len(p) + 1 for p in self._buffer)

    def _location(self, page: int | None, table: str = "") -> str:
        # A table row names only its nearest heading: the table label already narrows it.
        depth = 1 if table else _TRAIL_DEPTH
        trail = [text for _, text in self._trail]
        if len(trail) > 1 and trail[0] == self._title:
            trail = trail[1:]
        parts = trail[-depth:]
        if table:
            parts.append(table)
        location = " › ".join(parts)
        if page is not None:
            location = f"{location} (página {page})" if location else f"Página {page}"
        return location


def _split_long(text: str) -> list[str]:
    """Cut a paragraph longer than MAX_CHARS at sentence ends (or hard, as a last resort)."""
    if len(text) <= MAX_CHARS:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(sentence) > MAX_CHARS:
            pieces.append(current)  # keep the text's order before a hard cut
            current = ""
        while len(sentence) > MAX_CHARS:
            pieces.append(sentence[:MAX_CHARS])
            sentence = sentence[MAX_CHARS:]
        if current and len(current) + len(sentence) + 1 > TARGET_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    return [*pieces, current] if current else pieces
