"""documentos_macaya/ holds Word and PDF samples that reproduce the field's structures, marked as examples."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import docx
import pypdf
import pytest

from tests.eval.loaders import load

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


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh build of the sources (tests never read what a user keeps in documentos_macaya/)."""
    return {p.name: p for p in build.build_all(build.SOURCES, tmp_path_factory.mktemp("samples"))}


def test_committed_documents_match_a_fresh_build_of_their_sources(fresh: dict[str, Path]) -> None:
    rebuilt = list(fresh.values())
    assert len(rebuilt) >= 5
    for fresh in rebuilt:
        committed = build.OUTPUT / fresh.name
        assert committed.exists(), f"run python scripts/build_documents.py ({fresh.name} is missing)"
        stale = f"{fresh.name} is stale: run python scripts/build_documents.py"
        assert _text(committed) == _text(fresh), stale


def test_every_sample_is_marked_as_an_example_in_its_name_and_its_first_lines(fresh: dict[str, Path]) -> None:
    for path in fresh.values():
        assert path.name.startswith("EJEMPLO_"), path.name
        assert any("DOCUMENTO DE EJEMPLO" in line for line in _text(path)[:6]), path.name


def test_the_lab_report_has_the_field_table_quirks(fresh: dict[str, Path]) -> None:
    report = docx.Document(str(fresh["EJEMPLO_informe_calidad_agua.docx"]))
    key_value = [[c.text for c in row.cells] for row in report.tables[0].rows]
    assert all(len(row) == 2 for row in key_value)
    assert any(row[0].startswith("Responsable de la toma") for row in key_value)
    parameter_tables = report.tables[1:]
    assert len(parameter_tables) >= 8
    leading_empty = 0
    for table in parameter_tables:
        caption, first_header, second_header, *body = [[c.text for c in row.cells] for row in table.rows]
        texts = [text for text in caption if text]
        leading_empty += caption[0] == ""
        assert len(set(texts)) == 1 and len(texts) > 3 and "Límite" in texts[0]  # one merged caption cell
        assert first_header[0] == first_header[1] == second_header[0]  # merged across and down
        assert re.search(r"\[mg/L\]", first_header[-1]) and re.search(r"20\d\d$", second_header[-1])
        assert any(a == b for a, b in itertools.pairwise(second_header[3:]))  # a duplicated column
        assert all(row[0] == row[1] and re.fullmatch(r"M\d+", row[0]) for row in body)
    assert leading_empty >= 8
    values = [c.text for t in parameter_tables for row in t.rows[3:] for c in row.cells[3:]]
    assert (
        {"-"} < set(values)
        and any(v.startswith("<") for v in values)
        and any(v.endswith("*") for v in values)
    )
    notes = [p.text for p in report.paragraphs if p.text.startswith("(*)")]
    assert len(notes) == len(parameter_tables)


def test_the_faq_has_no_heading_styles_and_answers_in_or_after_the_question(fresh: dict[str, Path]) -> None:
    faq = docx.Document(str(fresh["EJEMPLO_preguntas_frecuentes_kuskalla.docx"]))
    styles = {p.style.name for p in faq.paragraphs if p.style}
    questions = [p.text for p in faq.paragraphs if re.match(r"\d+\. ", p.text)]
    assert styles == {"Normal"}
    assert len(questions) >= 10
    assert any("?" in q and "\n" in q for q in questions) and any(q.endswith("?") for q in questions)
    assert any(p.text.startswith("Grupo B: ") for p in faq.paragraphs)


def test_the_manual_mixes_heading_styles_figures_and_per_component_colours(fresh: dict[str, Path]) -> None:
    manual = docx.Document(str(fresh["EJEMPLO_manual_red_kuskalla.docx"]))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in manual.paragraphs]
    assert ("Heading 2", "1. Introducción") in paragraphs and ("Normal", "2. Red de sensores") in paragraphs
    assert any(text.startswith("Figura 2: a)") for _, text in paragraphs)
    reds = [i for i, (_, text) in enumerate(paragraphs) if text.startswith("Rojo: ")]
    components = [
        i for i, (_, text) in enumerate(paragraphs) if text.startswith(("Gateway: ", "Caja de protección: "))
    ]
    assert len(reds) == 2 and components[0] < reds[0] < components[1] < reds[1]
    assert len(manual.tables) == 1


def test_the_pdf_has_several_numbered_pages_of_spanish_text(fresh: dict[str, Path]) -> None:
    pages = _pdf_text(fresh["EJEMPLO_uso_del_agua.pdf"])
    assert len(pages) >= 2
    assert "¿Cuándo conviene guardar agua?" in pages[0]
    assert pages[-1].rstrip().endswith(f"Página {len(pages)} de {len(pages)}")


def test_the_build_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    first = {p.name: p.read_bytes() for p in build.build_all(build.SOURCES, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build.build_all(build.SOURCES, tmp_path / "b")}
    assert first == second
