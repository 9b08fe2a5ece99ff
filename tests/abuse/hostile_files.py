"""Hostile files built in the test run: zip bombs, lying zip headers, page-count and text bombs."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def zip_bomb(entry: str = "word/media/image1.png", megabytes: int = 300) -> bytes:
    """A small .docx-like zip with one entry that inflates to ``megabytes`` of zeros."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        info = zipfile.ZipInfo(entry)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as out:
            block = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                out.write(block)
    return raw.getvalue()


def lying_zip(real_megabytes: int = 64, declared: int = 1000) -> bytes:
    """A zip whose central directory says an entry is ``declared`` bytes; it inflates to far more."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        archive.writestr("word/_rels/document.xml.rels", b"<" * (real_megabytes * 1024 * 1024))
    data = bytearray(raw.getvalue())
    # Patch the uncompressed size of the second entry in its local header and the central directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature, data.find(signature) + 1)
        struct.pack_into("<I", data, start + offset, declared)
    return bytes(data)


def many_pages_pdf(pages: int = 80_000, declared: int | None = None) -> bytes:
    """A valid PDF of ``pages`` blank pages (optionally with a lying /Count)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, written below
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    kids = []
    for number in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 3 0 R >>")
        kids.append(b"%d 0 R" % (number + 4))
    count = pages if declared is None else declared
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, b" ".join(kids))
    return _pdf(objects)


def heavy_page_pdf(operators: int = 3_000_000) -> bytes:
    """One page whose compressed content stream holds millions of text operators."""
    content = zlib.compress(b"BT /F1 1 Tf (a) Tj ET\n" * operators, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def dense_docx(megabytes: float = 1.5) -> bytes:
    """A valid .docx of many tiny paragraphs: large for its size, but within the budget."""
    import docx

    document = docx.Document()
    document.add_paragraph("Informe")
    plain = io.BytesIO()
    document.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    count = int(megabytes * 1024 * 1024 // 60)
    body = b"".join(
        b"<w:p><w:r><w:t>lectura %d del sensor %d</w:t></w:r></w:p>" % (n * 7919, n) for n in range(count)
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                at = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:at] + body + data[at:]
            archive.writestr(info, data)
    return out.getvalue()


def text_file(megabytes: float) -> bytes:
    """Plain text of varied words, ``megabytes`` long."""
    words = b"agua estanque sensor nivel bomba pozo temperatura humedad lectura informe luz".split()
    line = b" ".join(word + b"%d" % n for n, word in enumerate(words * 2)) + b".\n"
    return line * int(megabytes * 1024 * 1024 // len(line))


def gridspan_docx(span: int | str, cells: int, rows: int, *, vmerge: bool = False, tables: int = 1) -> bytes:
    """A .docx of ``tables`` tables of ``rows`` x ``cells`` cells that each claim ``span`` grid columns."""
    import docx

    document = docx.Document()
    document.add_paragraph("Tabla 2. Combinadas")
    plain = io.BytesIO()
    document.save(plain)
    merge = b'<w:vMerge w:val="restart"/>' if vmerge else b""
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="%s"/>%s</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>' % (
        str(span).encode(),
        merge,
    )
    table = b"<w:tbl>" + (b"<w:tr>" + cell * cells + b"</w:tr>") * rows + b"</w:tbl>"
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                at = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:at] + table * tables + data[at:]
                info.compress_type = zipfile.ZIP_STORED  # stored: no compression ratio gives it away
            archive.writestr(info, data)
    return out.getvalue()


def font_map_bomb_pdf(megabytes: int = 4) -> bytes:
    """One page of text whose font's /ToUnicode map is a small stream that inflates to ``megabytes``."""
    cmap = zlib.compressobj(9)
    parts = [cmap.compress(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")]
    parts += [cmap.compress(b"%" + b" " * (1024 * 1024 - 2) + b"\n") for _ in range(megabytes)]
    parts.append(cmap.compress(b"1 beginbfchar <41> <0041> endbfchar\nendcmap end end\n") + cmap.flush())
    packed = b"".join(parts)
    text = b"BT /F1 12 Tf 72 720 Td (AAAA) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    return _pdf(objects)
