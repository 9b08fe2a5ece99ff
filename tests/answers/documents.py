"""Word documents written in a test, read by the real reader into a store, and a chat over them."""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx

from botk_adapters.documents import default_reader
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import DocumentInfo
from tests.answers.thread import Chat

# A table as rows of cells; a paragraph as its text ("\n" is a line break inside it).
Rows = Sequence[Sequence[str]]


def docx_bytes(*items: str | Rows, heading: str | None = None) -> bytes:
    """A .docx with ``items`` in order: strings are paragraphs, lists of rows are tables."""
    document = docx.Document()
    if heading:
        document.add_heading(heading, 2)
    for item in items:
        if isinstance(item, str):
            paragraph = document.add_paragraph()
            for index, line in enumerate(item.split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
            continue
        table = document.add_table(rows=len(item), cols=len(item[0]))
        for r, row in enumerate(item):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def store_of(files: dict[str, bytes]) -> InMemoryDocumentStore:
    """The files read by the real reader into an in-memory store (same query plan as SQLite)."""
    store = InMemoryDocumentStore()
    reader = default_reader()
    for number, (name, data) in enumerate(files.items()):
        store.put(DocumentInfo(f"doc_{number}", name, f"h{number}"), reader.read(name, data))
    return store


def chat_over(files: dict[str, bytes]) -> Chat:
    """A new thread over the files."""
    return Chat(store_of(files))


def answers_over(files: dict[str, bytes], *turns: str) -> list[str]:
    """The answers of one new thread over the files to ``turns``, asked in order."""
    chat = chat_over(files)
    return [chat.ask(turn).content for turn in turns]
