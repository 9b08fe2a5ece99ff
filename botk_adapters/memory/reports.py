"""InMemoryReportStore: per-thread LaTeX reports in a dict, for tests."""

from __future__ import annotations

import threading

from botk_adapters.reports.latex import escape_latex, has_section, replace_section
from botk_adapters.reports.store import DEFAULT_TEMPLATE
from botk_core.errors import InvalidInput, NotFound, NotSupported


class InMemoryReportStore:
    """Same editing rules as the filesystem store; compiling is never available."""

    def __init__(self, template: str | None = None) -> None:
        self._template = template if template is not None else DEFAULT_TEMPLATE.read_text(encoding="utf-8")
        self._reports: dict[str, str] = {}
        self._lock = threading.Lock()

    def read(self, thread_id: str) -> str:
        return self._reports.get(thread_id, "")

    def replace_section(self, thread_id: str, section: str, content: str) -> None:
        with self._lock:
            source = self._reports.get(thread_id, self._template)
            if not has_section(source, section):
                raise InvalidInput(f"la plantilla del informe no tiene la sección {section}")
            self._reports[thread_id] = replace_section(source, section, escape_latex(content))

    def delete(self, thread_id: str) -> None:
        with self._lock:
            self._reports.pop(thread_id, None)

    def compile(self, thread_id: str) -> bytes:
        if not self.read(thread_id):
            raise NotFound("Esta conversación todavía no tiene informe.")
        raise NotSupported("El almacén de informes en memoria no compila PDF.")
