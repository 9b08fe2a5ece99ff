"""The README's Python example runs as written (offline, on the sample documents)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_python_example_in_the_readme_answers_with_a_source(
    tmp_path: Path, sample_documents: Path
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    (tmp_path / "documentos_macaya").symlink_to(sample_documents)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", example], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Rojo: " in done.stdout
    assert "Citation(document='EJEMPLO_manual_red_kuskalla.docx'" in done.stdout
