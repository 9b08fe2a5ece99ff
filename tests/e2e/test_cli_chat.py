"""``botk chat``: a terminal conversation through the same use cases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def botk(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    env.update(BOTK_DATABASE=str(tmp_path / "botk.sqlite3"), BOTK_REPORTS_DIR=str(tmp_path / "reports"))
    return subprocess.run(
        [sys.executable, "-m", "botk_web.cli", *args],
        input=stdin,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_chat_answers_in_the_terminal_and_keeps_the_conversation(
    tmp_path: Path, sample_documents: Path
) -> None:
    ingest = botk(tmp_path, "docs", "ingest", str(sample_documents))
    assert ingest.returncode == 0, ingest.stderr

    done = botk(tmp_path, "chat", stdin="¿Qué es Kuskalla?\nsalir\n")

    assert done.returncode == 0, done.stderr
    assert "Conversación thread_" in done.stdout
    assert "proyecto comunitario" in done.stdout
    assert "Fuente: EJEMPLO_preguntas_frecuentes_kuskalla.docx · 1. ¿Qué es Kuskalla?" in done.stdout


def test_chat_ends_cleanly_at_end_of_input(tmp_path: Path) -> None:
    done = botk(tmp_path, "chat", stdin="")
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
