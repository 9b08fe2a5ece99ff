"""Build the sample documents of documentos_macaya/ from their sources in docs_src/.

Each ``docs_src/documentos_macaya/NAME.md`` becomes ``documentos_macaya/NAME.docx``
(python-docx) and each ``NAME.pdf.md`` becomes ``NAME.pdf`` (a small PDF writer
below, so no extra dependency). The sources use a small markdown subset:

- ``#``/``##`` headings (Word heading styles); any other line is a ``Normal``
  paragraph, so "7. ¿Qué ...?" is a numbered question without a heading style;
- a line ending in ``\\`` continues the paragraph after a line break;
- ``- `` bullets, ``1) `` numbered items, ``**bold**``, and a caption line
  ``Tabla N. ...`` / ``Figura N: ...`` (Word's Caption style);
- pipe tables. Rows above a ``|---|`` rule are bold headers. A cell ``<``
  continues the merged cell on its left and ``^`` the one above, as Word merges
  cells: python-docx then repeats the merged text once per grid column (a
  caption row, a duplicated column) and vertically merged cells repeat the text
  above. Without markers, equal neighbouring header cells are merged.

Output is byte-for-byte reproducible: run ``python scripts/build_documents.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs_src" / "documentos_macaya"
OUTPUT = ROOT / "documentos_macaya"
CAPTION = re.compile(r"^(Tabla|Figura) \d+[.:] ")
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
LEFT, UP = "<", "^"

Block = tuple[str, object]  # (kind, payload)
Grid = list[list[str]]


def parse(text: str) -> list[Block]:
    """Split a source into blocks: heading, bullet, number, caption, table, para."""
    blocks: list[Block] = []
    lines, para = text.splitlines(), list[str]()
    for i, line in enumerate([*lines, ""]):
        if para and not para[-1].endswith("\\") and _ends_paragraph(line):
            blocks.append(("para", " ".join(para).replace("\\ ", "\n")))
            para = []
        if para:
            para.append(line.strip())
        elif line.startswith("#"):
            marks, _, title = line.partition(" ")
            blocks.append((f"h{len(marks)}", title))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        elif m := re.match(r"\d+\) ", line):
            blocks.append(("number", line[m.end() :]))
        elif line.startswith("|"):
            if i == 0 or not lines[i - 1].startswith("|"):
                blocks.append(("table", _table(lines[i:])))
        elif CAPTION.match(line):
            blocks.append(("caption", line))
        elif line.strip():
            para.append(line.strip())
    return blocks


def _ends_paragraph(line: str) -> bool:
    return not line.strip() or line.startswith(("#", "- ", "|")) or bool(re.match(r"\d+\) ", line))


def _table(lines: list[str]) -> tuple[Grid, Grid]:
    """Header rows and body rows of the pipe table starting at ``lines[0]``."""
    rows: Grid = []
    header_count = 0
    for line in lines:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= {"-", ":"} for c in cells):
            header_count = len(rows)
        else:
            rows.append(cells)
    return rows[:header_count], rows[header_count:]


def _add_runs(paragraph, text: str) -> None:
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            paragraph.add_run().add_break()
        for i, part in enumerate(re.split(r"\*\*", line)):
            if part:
                paragraph.add_run(part).bold = i % 2 == 1


Span = tuple[int, int, int, int]  # r0, c0, r1, c1


def _marked_spans(grid: Grid) -> list[Span]:
    """Rectangles of the explicit ``<`` and ``^`` markers."""
    spans = []
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text in (LEFT, UP):
                continue
            c1 = c
            while c1 + 1 < len(row) and row[c1 + 1] == LEFT:
                c1 += 1
            r1 = r
            while r1 + 1 < len(grid) and grid[r1 + 1][c] == UP:
                r1 += 1
            if (r1, c1) != (r, c):
                spans.append((r, c, r1, c1))
    return spans


def _equal_spans(header: Grid) -> list[Span]:
    """Merged rectangles (r0, c0, r1, c1): equal cells side by side, then equal cells stacked."""
    spans: list[Span] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(header):
        c = 0
        while c < len(row):
            end = c
            while end + 1 < len(row) and row[end + 1] == row[c]:
                end += 1
            if end > c:
                spans.append((r, c, r, end))
                covered.update((r, k) for k in range(c, end + 1))
            c = end + 1
    for c in range(len(header[0]) if header else 0):
        r = 0
        while r < len(header):
            end = r
            while (
                end + 1 < len(header) and header[end + 1][c] == header[r][c] and (end + 1, c) not in covered
            ):
                end += 1
            if end > r and (r, c) not in covered:
                spans.append((r, c, end, c))
            r = end + 1
    return spans


def _add_table(document: Document, header: Grid, body: Grid) -> None:
    grid = header + body
    width = len(grid[0])
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"
    cells = table._cells  # computed once: python-docx recomputes the whole grid on each cell()
    marked = any(text in (LEFT, UP) for row in grid for text in row)
    spans = _marked_spans(grid) if marked else _equal_spans(header)
    hidden = {(r, c) for r0, c0, r1, c1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    hidden -= {(r0, c0) for r0, c0, _, _ in spans}
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if (r, c) not in hidden and text:  # a merged cell gets its text once, like Word does
                _add_runs(cells[r * width + c].paragraphs[0], f"**{text}**" if r < len(header) else text)
    for r0, c0, r1, c1 in spans:
        cells[r0 * width + c0].merge(cells[r1 * width + c1])


def resolved(grid: Grid) -> Grid:
    """The grid as a reader sees it: each marker replaced by the text it continues."""
    out: Grid = []
    for r, row in enumerate(grid):
        texts: list[str] = []
        for c, text in enumerate(row):
            if text == LEFT:
                text = texts[-1] if texts else ""
            elif text == UP:
                text = out[r - 1][c] if r else ""
            texts.append(text)
        out.append(texts)
    return out


def build_docx(blocks: list[Block], title: str) -> bytes:
    """A Word file of ``blocks`` with fixed metadata and zip timestamps."""
    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, "Proyecto BOTK", "Proyecto BOTK"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    styles = {"bullet": "List Bullet", "number": "List Number", "caption": "Caption"}
    for kind, payload in blocks:
        if kind.startswith("h"):
            document.add_heading(str(payload), level=int(kind[1:]))
        elif kind == "table":
            _add_table(document, *payload)  # type: ignore[misc]
        else:
            _add_runs(document.add_paragraph(style=styles.get(kind)), str(payload))
    raw = io.BytesIO()
    document.save(raw)
    return _normalised_zip(raw.getvalue())


def _normalised_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so rebuilding gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --- A small PDF writer: Helvetica in WinAnsi (covers Spanish), A4 pages, page footers.

PAGE_W, PAGE_H, MARGIN = 595, 842, 56
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}
STYLE = {"h1": ("F2", 16), "h2": ("F2", 13), "h3": ("F2", 11), "caption": ("F3", 10)}

Line = tuple[str, int, int, str]  # (font, size, indent, text)


def _wrap(text: str, size: int, indent: int) -> list[str]:
    """Greedy word wrap; 0.55 em is a safe mean glyph width for Helvetica."""
    limit = int((PAGE_W - 2 * MARGIN - indent) / (size * 0.55))
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def _lines(blocks: list[Block]) -> list[Line | None]:
    """Lay the blocks out as text lines; ``None`` is a blank gap."""
    out: list[Line | None] = []
    number = 0
    for kind, payload in blocks:
        number = number + 1 if kind == "number" else 0
        font, size = STYLE.get(kind, ("F1", 11))
        if kind not in {"bullet", "number"} and out and out[-1] is not None:
            out.append(None)  # a gap after a list
        rows = resolved(payload[0] + payload[1]) if kind == "table" else [[str(payload)]]  # type: ignore[index]
        for row in rows:
            text = " | ".join(row).replace("**", "").replace("\n", " ")
            indent, first = {"bullet": (18, "\u2022 "), "number": (18, f"{number}) ")}.get(kind, (0, ""))
            wrapped = _wrap(first + text, size, indent)
            out += [(font, size, indent if i else 0, line) for i, line in enumerate(wrapped)]
        if kind not in {"bullet", "number"}:
            out.append(None)
    return out


def _paginate(lines: list[Line | None]) -> list[list[tuple[Line, float]]]:
    pages: list[list[tuple[Line, float]]] = [[]]
    y = float(PAGE_H - MARGIN)
    for line in lines:
        step = 8 if line is None else line[1] * 1.4
        if y - step < MARGIN + 20:
            pages.append([])
            y = float(PAGE_H - MARGIN)
        y -= step
        if line is not None:
            pages[-1].append((line, y))
    return pages


def _pdf_text(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(page: list[tuple[Line, float]], number: int, total: int) -> bytes:
    footer = (("F1", 9, 0, f"Página {number} de {total}"), MARGIN - 20)
    ops = [
        b"BT /%s %d Tf %d %.1f Td %s Tj ET" % (f.encode(), s, MARGIN + i, y, _pdf_text(t))
        for (f, s, i, t), y in [*page, footer]
    ]
    return b"\n".join(ops)


def build_pdf(blocks: list[Block], title: str) -> bytes:
    """A PDF of ``blocks``: text pages with a footer "Página N de M"."""
    pages = _paginate(_lines(blocks))
    fonts = [
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{b} /Encoding /WinAnsiEncoding >>".encode()
        for b in FONTS.values()
    ]
    first_page = 3 + len(fonts) + 1
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    font_refs = " ".join(f"/{name} {3 + i} 0 R" for i, name in enumerate(FONTS))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        *fonts,
        b"<< /Title " + _pdf_text(title) + b" /Producer (BOTK scripts/build_documents.py) >>",
    ]
    for i, page in enumerate(pages):
        stream = _content(page, i + 1, len(pages))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
            f"/Resources << /Font << {font_refs} >> >> /Contents {first_page + 2 * i + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return _serialise(objects, info=3 + len(fonts))


def _serialise(objects: list[bytes], info: int) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)


def build_all(sources: Path = SOURCES, output: Path = OUTPUT) -> list[Path]:
    """Build every source in ``sources`` into ``output``; return the files written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(sources.glob("*.md")):
        blocks = parse(source.read_text(encoding="utf-8"))
        title = next((str(p) for k, p in blocks if k == "h1"), source.stem)
        if source.name.endswith(".pdf.md"):
            target, data = output / source.name.removesuffix(".md"), build_pdf(blocks, title)
        else:
            target, data = output / (source.stem + ".docx"), build_docx(blocks, title)
        target.write_bytes(data)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    for path in build_all(args.sources, args.output):
        print(path)


if __name__ == "__main__":
    main()
