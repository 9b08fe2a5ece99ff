"""Budgets for untrusted document files: zip bombs and page-count or parse-time bombs.

A ``.docx`` is a zip: before python-docx decompresses anything, the declared
sizes of *every* entry, their number and compression ratios are checked, and
then every entry is stream-read with a running cap (so a header that lies
about its size is caught too), counting the XML tags python-docx would build.
A PDF is read within the same budget by ``pdf_budget``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator, Sequence

import attrs

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
