"""documentos_macaya/ holds real Word and PDF files, up to date with their sources in docs_src/."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf

from tests.eval.loaders import ROOT, load

build = load("scripts/build_documents.py")


def _docx_text(path: Path) -> list[str]:
    document = docx.Document(str(path))
    lines = [f"{p.style.name if p.style else ''}: {p.text}" for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return lines


def _pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def _text(path: Path) -> list[str]:
    return _pdf_text(path) if path.suffix == ".pdf" else _docx_text(path)


def test_committed_documents_match_a_fresh_build_of_their_sources(tmp_path: Path) -> None:
    rebuilt = build.build_all(build.SOURCES, tmp_path)
    assert len(rebuilt) >= 5
    for fresh in rebuilt:
        committed = build.OUTPUT / fresh.name
        assert committed.exists(), f"run python scripts/build_documents.py ({fresh.name} is missing)"
        stale = f"{fresh.name} is stale: run python scripts/build_documents.py"
        assert _text(committed) == _text(fresh), stale


def test_the_word_files_have_headings_lists_and_tables_with_merged_headers_and_captions() -> None:
    informe = docx.Document(str(build.OUTPUT / "informe_calidad_agua.docx"))
    styles = {p.style.name for p in informe.paragraphs if p.style}
    header = [cell.text for cell in informe.tables[0].rows[0].cells]
    body = [[cell.text for cell in row.cells] for row in informe.tables[0].rows[2:]]
    assert {"Heading 1", "Heading 2", "List Bullet", "Caption"} <= styles
    # A merged header cell is one cell that python-docx repeats once per column it spans.
    assert header.count("Metales (mg/L)") == 3
    assert informe.tables[0].rows[0].cells[2]._tc is informe.tables[0].rows[0].cells[4]._tc
    assert ["Pulcha", "agosto 2022", "0,007", "1,120", "0,013*", "88,900", "205,300", "7,5"] in body
    assert any("<0,002" in row for row in body)


def test_the_pdf_has_several_numbered_pages_of_spanish_text() -> None:
    pages = _pdf_text(ROOT / "documentos_macaya" / "uso_del_agua.pdf")
    assert len(pages) >= 2
    assert "¿Cuándo conviene guardar agua?" in pages[0]
    assert pages[-1].rstrip().endswith(f"Página {len(pages)} de {len(pages)}")


def test_the_build_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in build.build_all(build.SOURCES, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build.build_all(build.SOURCES, tmp_path / "b")}
    assert first == second
