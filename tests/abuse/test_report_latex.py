"""The report escaper: only characters pdflatex prints, in lines it can read, in a bounded file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from botk_adapters.reports import FilesystemReportStore, escape_latex
from botk_adapters.reports.latex import MAX_LINE_CHARS, printable
from botk_core.errors import PayloadTooLarge

THREAD = "thread_" + "a" * 32
# Punctuation that passed the old blacklist and broke the whole report.
BROKE_BEFORE = "\u2017\u201b\u201f\u2023\u2024\u2025\u2027"
LET_THROUGH = "".join(
    c for c in map(chr, range(0x30000)) if not 0xD800 <= ord(c) < 0xE000 and printable(c) == c
)


def _pdflatex() -> str:
    engine = shutil.which("pdflatex")
    if engine is None:
        if os.environ.get("CI"):
            pytest.fail("pdflatex is missing in CI: .ci/run installs texlive-latex-base")
        pytest.skip("pdflatex is not installed here (apt-get install texlive-latex-base)")
    return engine


def test_only_whitelisted_characters_come_out_of_the_escaper() -> None:
    text = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    out = escape_latex(text)
    assert set(out) <= set(LET_THROUGH) | set("%\n")
    assert not set(BROKE_BEFORE) & set(out)
    assert max(len(line) for line in out.split("\n")) <= MAX_LINE_CHARS


def test_every_character_the_escaper_lets_through_compiles(tmp_path: Path) -> None:
    engine = _pdflatex()
    store = FilesystemReportStore(tmp_path / "reports", max_bytes=1 << 22)
    content = " ".join(LET_THROUGH) + "\n" + BROKE_BEFORE + " " + "\\" * 20_000 + " ≥ ≤ ± 😀"
    store.replace_section(THREAD, "PURPOSE", content)
    source = store.read(THREAD)
    work = tmp_path / "tex"
    work.mkdir()
    (work / "report.tex").write_text(source, encoding="utf-8")
    done = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", "report.tex"],
        cwd=work,
        capture_output=True,
        timeout=120,
    )
    log = (work / "report.log").read_text(errors="replace")
    assert done.returncode == 0, log[-2000:]
    assert "Missing character" not in log
    assert store.compile(THREAD).startswith(b"%PDF")


def test_20000_backslashes_make_short_lines_and_the_report_keeps_compiling(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path / "reports", max_bytes=1 << 20)
    store.replace_section(THREAD, "PURPOSE", "\\" * 20_000)
    source = store.read(THREAD)
    assert max(len(line) for line in source.splitlines()) <= MAX_LINE_CHARS
    assert source.count(r"\textbackslash{}") == 20_000
    if shutil.which("pdflatex") or os.environ.get("CI"):
        _pdflatex()
        assert store.compile(THREAD).startswith(b"%PDF")


def test_the_report_size_is_bounded_and_a_refused_edit_changes_nothing(tmp_path: Path) -> None:
    store = FilesystemReportStore(tmp_path / "reports", max_bytes=64 * 1024)
    store.replace_section(THREAD, "TITLE", "Informe Macaya")
    before = store.read(THREAD)
    with pytest.raises(PayloadTooLarge, match="BOTK_REPORT_MAX_BYTES"):
        store.replace_section(THREAD, "PURPOSE", "\\" * 20_000)
    assert store.read(THREAD) == before
    store.replace_section(THREAD, "PURPOSE", "Texto breve.")  # smaller edits still work
    assert re.search(r"Texto breve\.", store.read(THREAD))
