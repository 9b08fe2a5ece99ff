"""Document readers on files generated here: .docx tables and headings, .pdf pages, bad files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from botk_adapters.documents import default_reader
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_core.domain import Chunk, DocumentInfo
from botk_core.errors import UnreadableDocument, UnsupportedDocumentType


def _word_file() -> bytes:
    document = docx.Document()
    document.add_heading("Informe de química del agua", level=1)
    document.add_paragraph("Muestras tomadas en los estanques de Macaya.")
    question = document.add_paragraph()
    question.add_run("4. ¿Cómo detectar una falla en la red?").bold = True
    document.add_paragraph("Revise la luz del nodo y el cable del sensor.")
    document.add_paragraph("Limpiar el panel solar", style="List Bullet")
    document.add_heading("Resultados", level=2)
    document.add_paragraph("Tabla 2. Metales por estanque y fecha.", style="Caption")
    table = document.add_table(rows=4, cols=4)
    header = ["Estanque", "Fecha", "Metales (mg/L)", "Metales (mg/L)"]
    table.cell(0, 2).merge(table.cell(0, 3))
    for column, text in enumerate(header[:3]):
        table.cell(0, column).paragraphs[0].add_run(text).bold = True
    for column, text in enumerate(["Estanque", "Fecha", "Arsénico", "Plomo"]):
        table.cell(1, column).paragraphs[0].add_run(text).bold = True
    for row, values in enumerate(
        [["Pulcha", "agosto 2022", "0,007", "0,013*"], ["Janchima", "agosto 2022", "0,011", "<0,002"]],
        start=2,
    ):
        for column, text in enumerate(values):
            table.cell(row, column).text = text
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def _pdf_file(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one text line per entry, Helvetica, WinAnsi."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for lines in pages:
        text = "".join(f"BT /F1 11 Tf 50 {780 - 16 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
        stream = text.encode("cp1252")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n" + stream.decode("latin-1") + "endstream")
        content = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _by_text(chunks: list[Chunk], needle: str) -> Chunk:
    return next(c for c in chunks if needle in c.text)


def test_docx_table_cells_are_facts_with_caption_row_and_column_and_no_duplicated_merged_cells() -> None:
    chunks = default_reader().read("informe.docx", _word_file())
    lead = [
        c
        for c in chunks
        if c.fact and c.fact.row == ("Pulcha", "agosto 2022") and c.fact.column[-1] == "Plomo"
    ]
    assert len(lead) == 1 and lead[0].fact is not None
    assert lead[0].text == (
        "Tabla 2. Metales por estanque y fecha.\n"
        "Pulcha agosto 2022 · Metales (mg/L) · Plomo: 0,013* (sobre el límite)"
    )
    assert lead[0].location == "Tabla 2 · Pulcha agosto 2022 · Plomo"
    assert (lead[0].fact.parameter, lead[0].fact.unit, lead[0].fact.number) == ("Plomo", "mg/L", 0.013)
    cells = [c for c in chunks if c.fact and c.fact.kind != "outline"]
    assert len(cells) == 4  # two rows x two metals, the merged header once


def test_docx_keeps_headings_numbered_questions_and_lists() -> None:
    chunks = default_reader().read("informe.docx", _word_file())
    answer = _by_text(chunks, "luz del nodo")
    assert answer.location == "4. ¿Cómo detectar una falla en la red?"  # the title is the document's name
    assert "- Limpiar el panel solar" in answer.text
    assert _by_text(chunks, "Muestras tomadas").location == "Informe de química del agua"


def test_docx_table_cell_is_what_a_search_finds() -> None:
    store = InMemoryDocumentStore()
    store.put(DocumentInfo("doc_1", "informe.docx", "h"), default_reader().read("informe.docx", _word_file()))
    best = store.search("plomo en Pulcha en agosto 2022")[0]
    assert best.fact is not None and best.fact.value == "0,013*"


def test_pdf_passages_keep_their_page_number_and_heading() -> None:
    data = _pdf_file(
        [
            ["Guia de uso del agua", "Texto de la primera pagina."],
            ["2. Cuando liberar agua", "Cuando el estanque supera 1,5 m de nivel."],
        ]
    )
    chunks = default_reader().read("guia.pdf", data)
    assert _by_text(chunks, "primera pagina").location == "Página 1"
    assert _by_text(chunks, "supera 1,5 m").location == "2. Cuando liberar agua (página 2)"


def test_encrypted_pdf_is_a_clear_error() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_file([["Secreto"]]))))
    writer.encrypt("clave", algorithm="RC4-128")
    raw = io.BytesIO()
    writer.write(raw)
    with pytest.raises(UnreadableDocument, match="contraseña"):
        default_reader().read("secreto.pdf", raw.getvalue())


def test_pdf_without_text_is_a_clear_error() -> None:
    with pytest.raises(UnreadableDocument, match="texto"):
        default_reader().read("escaneo.pdf", _pdf_file([[]]))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("roto.docx", b"PK\x03\x04 no es un zip completo", "dañado"),
        ("roto.docx", b"esto es texto con extension docx", "dañado"),
        ("antiguo.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "contraseña"),
        ("vacio.docx", b"", "vacío"),
        ("roto.pdf", b"%PDF-1.4 basura", "dañado"),
        ("vacio.md", b"\n  \n", "vacío"),
        ("binario.txt", b"\x00\x01\x02", "binario"),
    ],
)
def test_bad_files_raise_a_clear_per_file_error(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableDocument, match=reason):
        default_reader().read(name, data)


def test_unsupported_type_names_the_extension() -> None:
    with pytest.raises(UnsupportedDocumentType, match=r"\.xlsx"):
        default_reader().read("planilla.xlsx", b"PK")


def test_markdown_pipe_table_with_two_header_rows() -> None:
    text = (
        "## Resultados\n\nTabla 1. Metales.\n\n"
        "| Estanque | Metales | Metales |\n| Estanque | Boro | Plomo |\n"
        "|---|---|---|\n| Puquios | 1,610* | <0,002 |\n"
    )
    chunks = [
        c
        for c in default_reader().read("informe.md", text.encode())
        if not (c.fact and c.fact.kind == "outline")
    ]
    assert [c.text for c in chunks] == [
        "Tabla 1. Metales.\nPuquios · Metales · Boro: 1,610* (sobre el límite)",
        "Tabla 1. Metales.\nPuquios · Metales · Plomo: <0,002 (bajo el límite de detección)",
    ]
    assert [c.location for c in chunks] == ["Tabla 1 · Puquios · Boro", "Tabla 1 · Puquios · Plomo"]


def test_long_sections_are_split_but_keep_their_heading() -> None:
    body = " ".join(f"La frase número {i} habla del estanque Miraflores." for i in range(200))
    chunks = default_reader().read("largo.md", f"# Estanques\n\n{body}\n".encode())
    assert len(chunks) > 3
    assert all(c.location == "Estanques" and len(c.text) <= 1600 for c in chunks)


def test_a_docx_that_unpacks_to_huge_xml_is_refused() -> None:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:p>" + "a" * (41 * 1024 * 1024) + "</w:p>")
    with pytest.raises(UnreadableDocument, match="demasiado texto"):
        default_reader().read("bomba.docx", raw.getvalue())


def test_a_very_long_sentence_keeps_the_text_in_order() -> None:
    from botk_adapters.documents.chunking import _split_long

    pieces = _split_long("Primera frase corta. " + "B" * 2000 + " Cola final.")
    assert "".join(pieces).replace(" ", "").startswith("Primerafrasecorta.")
    assert pieces[-1].endswith("Cola final.")


def test_docx_bold_title_is_a_heading_and_a_half_bold_line_is_not() -> None:
    document = docx.Document()
    document.add_paragraph("Manual de la red de Pachica")
    title = document.add_paragraph()
    title.add_run("Mantención del estanque").bold = True
    title.add_run("  ")  # trailing spaces, not bold, still a bold title
    document.add_paragraph("Se lava cada seis meses con hipoclorito.")
    mixed = document.add_paragraph()
    mixed.add_run("Importante:").bold = True
    mixed.add_run(" cierre la válvula antes de vaciarlo")
    document.add_paragraph("El vaciado toma unas dos horas.")
    raw = io.BytesIO()
    document.save(raw)
    chunks = default_reader().read("manual.docx", raw.getvalue())
    washed = _by_text(chunks, "hipoclorito")
    assert washed.location.endswith("Mantención del estanque")
    emptied = _by_text(chunks, "dos horas")
    assert "Importante" not in emptied.location and emptied.location.endswith("Mantención del estanque")
