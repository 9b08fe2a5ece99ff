"""A damaged database file stops every entry point with one line naming it, and is left as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from botk_adapters.sqlite import Database
from botk_core.errors import DatabaseUnreadable

ROOT = Path(__file__).resolve().parents[2]
GARBAGE = bytes(range(256)) * 64


def _damaged(tmp_path: Path) -> Path:
    path = tmp_path / "danada.sqlite3"
    path.write_bytes(GARBAGE)
    return path


def _run(tmp_path: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "BOTK_DATABASE": "danada.sqlite3",
        "PORT": "5999",
    }
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_a_file_of_garbage_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _damaged(tmp_path)
    with pytest.raises(DatabaseUnreadable, match=r"danada\.sqlite3 está dañada"):
        Database(path).connection()
    assert path.read_bytes() == GARBAGE


@pytest.mark.parametrize(
    "command",
    [
        (sys.executable, "-m", "botk_web.cli", "docs", "list"),
        (sys.executable, "-m", "botk_web.cli", "serve"),
        (str(Path(sys.executable).with_name("gunicorn")), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")),
    ],
    ids=["cli", "serve", "gunicorn"],
)
def test_every_entry_point_stops_with_one_line_naming_the_file(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    _damaged(tmp_path)
    done = _run(tmp_path, *command)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "Error: La base de datos danada.sqlite3 está dañada o no es una base SQLite: restáurala de un "
        "respaldo, muévela a otro lugar o indica otra con BOTK_DATABASE."
    ]
