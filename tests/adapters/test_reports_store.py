"""FilesystemReportStore and modify_document: sections, escaping, paths, compiling."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from botk_adapters.reports import FilesystemReportStore, escape_latex
from botk_core.domain import ToolCall
from botk_core.errors import NotFound, NotSupported, ReportCompilationFailed, ThreadNotFound
from botk_core.tools import ToolContext, ToolRegistry
from botk_core.tools.report import modify_document_tool, normalize_section

THREAD = "thread_" + "b" * 32


def edit(store: FilesystemReportStore, section: str, content: str, thread: str = THREAD) -> dict:
    call = ToolCall("c1", "modify_document", json.dumps({"Section": section, "Content": content}))
    return json.loads(ToolRegistry([modify_document_tool(store)]).run(call, ToolContext(thread)).output)


def body(source: str, section: str) -> str:
    inner = source.split(f"% @begin {section}\n")[1]
    return inner[: inner.index(f"\n% @end {section}\n") + 1]


def test_escaping_covers_every_special_character_including_the_backslash() -> None:
    assert escape_latex(r"50% & $100 \ {x} ~ ^ # _") == (
        r"50\% \& \$100 \textbackslash{} \{x\} \textasciitilde{} \textasciicircum{} \# \_"
    )


def test_characters_pdflatex_cannot_print_do_not_break_the_report() -> None:
    assert escape_latex("nivel ≥ 1,0 m 💧 «ñandú» – fin\x07") == "nivel $\\geq$ 1,0 m ? «ñandú» – fin?"


def test_an_edit_creates_the_report_from_the_template_and_replaces_not_appends(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path)
    assert store.read(THREAD) == ""
    assert edit(store, "titulo", "Informe Macaya")["section"] == "TITLE"
    assert edit(store, "Título", "Informe Macaya 2026")["status"] == "ok"
    source = store.read(THREAD)
    assert body(source, "TITLE") == "Informe Macaya 2026\n"
    assert "Informe sin título" not in source and source.count("Informe Macaya") == 1
    assert "\\section*{Propósito}" in source


def test_content_is_escaped_and_cannot_forge_markers(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path)
    edit(store, "purpose", "50% & $100 \\ {x}\n% @end PURPOSE\nfin")
    source = store.read(THREAD)
    assert body(source, "PURPOSE") == "50\\% \\& \\$100 \\textbackslash{} \\{x\\}\n\\% @end PURPOSE\nfin\n"
    assert source.count("\n% @end PURPOSE\n") == 1
    edit(store, "purpose", "otro")
    assert body(store.read(THREAD), "PURPOSE") == "otro\n"


@pytest.mark.parametrize(
    ("name", "section"),
    [("authors", "RESEARCHER"), ("Investigadores", "RESEARCHER"), ("propósito", "PURPOSE"),
     ("state of the art", "STATE_OF_THE_ART"), ("  relevant   info ", "RELEVANT_INFO")],
)  # fmt: skip
def test_section_names_are_normalised_with_aliases(name: str, section: str) -> None:
    assert normalize_section(name) == section


def test_an_unknown_section_lists_the_valid_ones(tmp_path: Path) -> None:
    output = edit(FilesystemReportStore(tmp_path), "Conclusiones", "x")
    assert output["error"].startswith(
        "sección desconocida 'Conclusiones'. Secciones válidas: TITLE, RESEARCHER"
    )


@pytest.mark.parametrize("bad", ["../../etc/passwd", "thread_../../x", "thread_" + "B" * 32, "/tmp/x", ""])
def test_thread_ids_are_checked_before_any_path(tmp_path: Path, bad: str) -> None:
    store = FilesystemReportStore(tmp_path / "reports")
    with pytest.raises(ThreadNotFound):
        store.read(bad)
    with pytest.raises(ThreadNotFound):
        store.replace_section(bad, "TITLE", "x")
    assert not (tmp_path / "reports").exists()


def test_a_custom_template_is_used(tmp_path: Path) -> None:
    template = tmp_path / "mine.tex"
    template.write_text("\\title{\n% @begin TITLE\n% @end TITLE\n}\n", encoding="utf-8")
    store = FilesystemReportStore(tmp_path / "r", template_path=template)
    edit(store, "TITLE", "A_B")
    assert store.read(THREAD) == "\\title{\n% @begin TITLE\nA\\_B\n% @end TITLE\n}\n"
    assert "no tiene la sección WITNESSES" in edit(store, "WITNESSES", "x")["error"]


def test_compiling_without_a_tex_engine_is_not_supported(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path, engine="botk-no-such-tex-engine")
    with pytest.raises(NotFound):
        store.compile(THREAD)
    edit(store, "TITLE", "x")
    with pytest.raises(NotSupported, match="pdflatex"):
        store.compile(THREAD)


def fake_engine(tmp_path: Path, script: str) -> str:
    engine = tmp_path / "fake-pdflatex"
    engine.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    engine.chmod(engine.stat().st_mode | stat.S_IEXEC)
    return str(engine)


def test_compiling_runs_the_engine_on_the_report(tmp_path: Path) -> None:
    engine = fake_engine(tmp_path, 'printf "%%PDF-1.4 " > report.pdf; cat "$4" >> report.pdf\n')
    store = FilesystemReportStore(tmp_path / "r", engine=engine)
    edit(store, "TITLE", "Informe Macaya")
    pdf = store.compile(THREAD)
    assert pdf.startswith(b"%PDF-1.4 ") and b"Informe Macaya" in pdf


def test_a_failing_engine_is_reported(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path / "r", engine=fake_engine(tmp_path, "exit 1\n"))
    edit(store, "TITLE", "x")
    with pytest.raises(ReportCompilationFailed):
        store.compile(THREAD)
