"""Budgets for untrusted document files: zip bombs and page-count or parse-time bombs.

A ``.docx`` is a zip: before python-docx decompresses anything, the declared
sizes of *every* entry, their number and compression ratios are checked, and
then every entry is stream-read with a running cap (so a header that lies
about its size is caught too), counting the XML tags python-docx would build.
A PDF's declared and actual page counts are checked, and its pages are read
against a deadline.
"""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import Any, cast

import attrs
from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

from botk_adapters.documents.tables import CellBudget
from botk_adapters.documents.word_text import PART as BODY_PART
from botk_adapters.documents.word_text import BodyText
from botk_core.errors import DocumentTooLarge, UnreadableDocument

MB = 1024 * 1024
_CHUNK = 256 * 1024
# Small entries compress very well (styles, empty parts): the ratio only matters past this size.
_RATIO_FLOOR = MB
_XML_SUFFIXES = (".xml", ".rels")


@attrs.frozen
class FileBudget:
    """Limits for one file; the defaults are the settings' documented defaults."""

    max_unzipped_bytes: int = 48 * MB
    max_ratio: int = 100
    max_entries: int = 2000
    max_xml_tags: int = 300_000
    max_table_cells: int = 10_000
    max_document_cells: int = 20_000
    # The text one upload may add to the index; None for the shared folder's own files.
    max_text_bytes: int | None = None

    max_pdf_pages: int = 1000
    max_pdf_page_bytes: int = 1 * MB
    max_pdf_stream_bytes: int = 16 * MB
    pdf_seconds: float = 5.0

    def cells(self) -> CellBudget:
        """A fresh count of table cells for one document."""
        return CellBudget(self.max_table_cells, self.max_document_cells)


DEFAULT_BUDGET = FileBudget()
TOO_BIG = "El documento tiene demasiado texto o datos al descomprimirlo ({what}); divídalo en partes."


def too_much_text(limit: int) -> DocumentTooLarge:
    """The refusal of a file with more text than one upload may add to the index."""
    return DocumentTooLarge(
        f"El archivo trae más de {limit / MB:.1f} MB de texto, el límite de una solicitud "
        "(BOTK_MAX_UPLOAD_TEXT_BYTES); súbalo en partes."
    )


def check_zip(data: bytes, budget: FileBudget = DEFAULT_BUDGET) -> None:
    """Raise ``DocumentTooLarge`` when the archive is over budget; a non-zip passes (the reader says why)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        infos = archive.infolist()
        _check_declared(infos, budget)
        _check_actual(archive, infos, budget)


def _check_declared(infos: Sequence[zipfile.ZipInfo], budget: FileBudget) -> None:
    if len(infos) > budget.max_entries:
        raise DocumentTooLarge(TOO_BIG.format(what=f"más de {budget.max_entries} partes"))
    if sum(info.file_size for info in infos) > budget.max_unzipped_bytes:
        raise _over_bytes(budget)
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > budget.max_ratio * max(info.compress_size, 1):
            raise DocumentTooLarge(TOO_BIG.format(what=f"una parte crece más de {budget.max_ratio} veces"))


def _check_actual(archive: zipfile.ZipFile, infos: Sequence[zipfile.ZipInfo], budget: FileBudget) -> None:
    total = tags = 0
    body = BodyText()
    try:
        for info in infos:
            for chunk in _chunks(archive, info):
                if info.filename == BODY_PART:
                    _count_text(body, chunk, budget.max_text_bytes)
                total += len(chunk)
                if total > budget.max_unzipped_bytes:
                    raise DocumentTooLarge(
                        TOO_BIG.format(what=f"más de {budget.max_unzipped_bytes // MB} MB")
                    )
                if info.filename.endswith(_XML_SUFFIXES):
                    tags += chunk.count(b"<")
            if tags > budget.max_xml_tags:
                raise DocumentTooLarge(TOO_BIG.format(what=f"más de {budget.max_xml_tags} elementos XML"))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as error:
        raise UnreadableDocument("El archivo comprimido está dañado o cifrado.") from error


def _count_text(body: BodyText, chunk: bytes, limit: int | None) -> None:
    if limit is not None and body.feed(chunk) > limit:
        raise too_much_text(limit)


def _over_bytes(budget: FileBudget) -> DocumentTooLarge:
    return DocumentTooLarge(TOO_BIG.format(what=f"más de {budget.max_unzipped_bytes / MB:.0f} MB"))


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as entry:
        while chunk := entry.read(_CHUNK):
            yield chunk


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
