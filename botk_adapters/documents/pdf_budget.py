"""A PDF reader within a file budget: its declared and actual page counts, and its pages against a deadline.

A small PDF can declare millions of pages, or pages whose content streams
inflate to many megabytes of drawing operators: both are refused before
pypdf spends the worker's memory or minutes on them.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Sequence
from typing import Any, cast

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

from botk_adapters.documents.budget import DEFAULT_BUDGET, FileBudget
from botk_core.errors import DocumentTooLarge


class BoundedPdfReader(PdfReader):
    """A ``PdfReader`` whose pages are counted and read against the budget's deadline."""

    def __init__(self, stream: Any, budget: FileBudget = DEFAULT_BUDGET, **kwargs: Any) -> None:
        self._deadline = time.monotonic() + budget.pdf_seconds
        self._budget = budget
        super().__init__(stream, **kwargs)

    def check_pages(self) -> None:
        """Refuse a PDF with more pages than allowed: its declared count, then the page tree
        walked only until the limit is passed (a lying count cannot make it parse every page)."""
        root = cast(DictionaryObject, cast(DictionaryObject, self.trailer["/Root"])["/Pages"])
        declared = root.get("/Count", 0)
        limit = self._budget.max_pdf_pages
        if (isinstance(declared, int) and declared > limit) or _pages_over(root, limit):
            raise DocumentTooLarge(f"El PDF tiene más de {limit} páginas; divídalo en partes.")

    @property
    def pages(self) -> Sequence[PageObject]:
        return _TimedPages(super().pages, self._deadline, self._budget.max_pdf_page_bytes)


def _pages_over(root: DictionaryObject, limit: int) -> bool:
    """Whether the page tree under ``root`` has more than ``limit`` leaves; stops as soon as it does."""
    leaves, seen = 0, set()
    stack = [root]
    while stack:
        node = stack.pop()
        kids = node.get("/Kids")
        if kids is None:
            leaves += 1
            if leaves > limit:
                return True
            continue
        for kid in cast(Sequence[Any], kids.get_object()):
            key = getattr(kid, "idnum", None) or id(kid)
            if key in seen:
                continue  # a cycle or a shared node: pypdf refuses it later
            seen.add(key)
            if len(seen) > 2 * limit + 1:
                return True
            child = kid.get_object()
            if isinstance(child, DictionaryObject):
                stack.append(child)
    return False


class _TimedPages(Sequence[PageObject]):
    """The reader's pages; taking one after the deadline stops the whole read."""

    def __init__(self, pages: Sequence[PageObject], deadline: float, max_page_bytes: int) -> None:
        self._pages = pages
        self._deadline = deadline
        self._max_page_bytes = max_page_bytes

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, index: Any) -> Any:
        if time.monotonic() > self._deadline:
            raise DocumentTooLarge("El PDF tarda demasiado en leerse; divídalo en partes o quite imágenes.")
        page = self._pages[index]
        # Text extraction costs about a second per megabyte of drawing operators.
        if isinstance(page, PageObject) and _content_bytes(page, self._max_page_bytes) > self._max_page_bytes:
            raise DocumentTooLarge("Una página del PDF tiene demasiado contenido para leerla.")
        return page


def _content_bytes(page: PageObject, limit: int) -> int:
    """The page's decoded content size, counted only up to ``limit + 1`` for Flate streams."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = [item.get_object() for item in contents] if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for stream in streams:
        total += _stream_bytes(stream, limit + 1 - total)
        if total > limit:
            break
    return total


def _stream_bytes(stream: Any, cap: int) -> int:
    raw = getattr(stream, "_data", None)
    filters = stream.get("/Filter") if isinstance(stream, DictionaryObject) else None
    if isinstance(filters, ArrayObject) and len(filters) == 1:
        filters = filters[0]
    if filters == "/FlateDecode" and isinstance(raw, bytes):
        try:
            # Inflated with a cap: a 160 KB stream of 66 MB of operators never takes 66 MB here.
            return len(zlib.decompressobj().decompress(raw, cap))
        except zlib.error:
            return 0  # pypdf reports the damage when it reads the page
    return len(stream.get_data()) if isinstance(stream, StreamObject) else 0
