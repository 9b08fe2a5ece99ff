"""``botk docs``: ingest a folder with bad files, then search, list and remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_web.cli import main


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    monkeypatch.setenv("BOTK_GATEWAY", "local")
    folder = tmp_path / "documentos"
    folder.mkdir()
    (folder / "bueno.md").write_text("# Turnos\n\nEl sector Pulcha riega los martes.\n")
    (folder / "roto.docx").write_bytes(b"PK\x03\x04 roto")
    (folder / "vacio.txt").write_bytes(b"")
    return folder


def test_ingest_reports_the_bad_files_and_keeps_the_good_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["docs", "ingest", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Archivos: 3 · nuevos: 1" in out
    assert "con error: 2" in out
    assert "roto.docx: El archivo .docx está dañado" in out
    assert "vacio.txt: El archivo está vacío." in out

    assert main(["docs", "search", "¿qué día riega Pulcha?"]) == 0
    assert "bueno.md — Turnos" in capsys.readouterr().out

    assert main(["docs", "ingest", str(folder)]) == 0
    assert "sin cambios: 1" in capsys.readouterr().out


def test_list_and_remove_by_name(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["docs", "ingest", str(folder)])
    capsys.readouterr()
    assert main(["docs", "list"]) == 0
    assert "bueno.md" in capsys.readouterr().out
    assert main(["docs", "remove", "bueno.md"]) == 0
    assert main(["docs", "remove", "bueno.md"]) == 1
    main(["docs", "list"])
    assert "No hay documentos" in capsys.readouterr().out
