"""FilesystemReportStore: one LaTeX report per thread in a directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from botk_adapters.reports.latex import escape_latex, has_section, replace_section
from botk_core.errors import InvalidInput, NotFound, NotSupported, ReportCompilationFailed, ThreadNotFound
from botk_core.ids import is_valid_id

DEFAULT_TEMPLATE = Path(__file__).with_name("template.tex")
COMPILE_TIMEOUT_S = 60


class FilesystemReportStore:
    """``<directory>/<thread_id>.tex``, created from the template on first edit.

    The thread id is checked against the id shape before it is used in a
    path, so no request can name a file outside ``directory``.
    """

    def __init__(
        self, directory: str | Path, template_path: str | Path | None = None, engine: str | None = "pdflatex"
    ) -> None:
        self._dir = Path(directory)
        self._template = Path(template_path) if template_path else DEFAULT_TEMPLATE
        self._engine = engine
        self._lock = threading.Lock()

    def read(self, thread_id: str) -> str:
        path = self._path(thread_id)
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    def replace_section(self, thread_id: str, section: str, content: str) -> None:
        path = self._path(thread_id)
        with self._lock:
            source = path.read_text(encoding="utf-8") if path.is_file() else self._template_text()
            if not has_section(source, section):
                raise InvalidInput(f"la plantilla del informe no tiene la sección {section}")
            _write_atomically(path, replace_section(source, section, escape_latex(content)))

    def delete(self, thread_id: str) -> None:
        with self._lock:
            self._path(thread_id).unlink(missing_ok=True)

    def compile(self, thread_id: str) -> bytes:
        source = self.read(thread_id)
        if not source:
            raise NotFound("Esta conversación todavía no tiene informe.")
        engine = shutil.which(self._engine) if self._engine else None
        if engine is None:
            raise NotSupported(
                "No hay un motor TeX (pdflatex) instalado en el servidor; no puedo generar el PDF."
            )
        with tempfile.TemporaryDirectory(prefix="botk-report-") as work:
            Path(work, "report.tex").write_text(source, encoding="utf-8")
            command = [engine, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "report.tex"]
            try:
                done = subprocess.run(command, cwd=work, capture_output=True, timeout=COMPILE_TIMEOUT_S)
            except subprocess.TimeoutExpired as error:
                raise ReportCompilationFailed("La compilación del informe tardó demasiado.") from error
            pdf = Path(work, "report.pdf")
            if done.returncode != 0 or not pdf.is_file():
                raise ReportCompilationFailed("El informe no se pudo compilar a PDF.")
            return pdf.read_bytes()

    def _path(self, thread_id: str) -> Path:
        if not is_valid_id(thread_id, "thread"):
            raise ThreadNotFound(thread_id)
        return self._dir / f"{thread_id}.tex"

    def _template_text(self) -> str:
        try:
            return self._template.read_text(encoding="utf-8")
        except OSError as error:
            raise NotFound("No encontré la plantilla LaTeX del informe (LATEX_TEMPLATE_PATH).") from error


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".tex")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)
