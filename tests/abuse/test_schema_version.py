"""A database written by a newer BOTK is refused with a clear error, never opened as if empty."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from botk_adapters.sqlite import Database
from botk_adapters.sqlite.migrations import MIGRATIONS
from botk_core.errors import SchemaTooNew

ROOT = Path(__file__).resolve().parents[2]


def _future_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE threads_v2 (id TEXT PRIMARY KEY)")
    conn.execute("INSERT INTO threads_v2 VALUES ('thread_del_futuro')")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.commit()
    conn.close()


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "futuro.sqlite3"
    _future_database(path)
    with pytest.raises(SchemaTooNew, match="más nuevo"):
        Database(path).connection()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 5
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'threads'").fetchone() is None


def test_the_cli_says_so_in_one_line(tmp_path: Path) -> None:
    _future_database(tmp_path / "futuro.sqlite3")
    done = subprocess.run(
        [sys.executable, "-m", "botk_web.cli", "docs", "list"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "BOTK_DATABASE": "futuro.sqlite3"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "más nuevo" in done.stderr and "Traceback" not in done.stderr
