"""Report edits said in words: "pon como título: Informe Macaya", "escribe en la sección propósito ..."."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botk_core.text import fold

# The report template's Spanish headings, so "pon en la sección propósito ..." works.
SPANISH_SECTIONS = {
    "titulo": "TITLE", "investigadores": "RESEARCHER", "investigador": "RESEARCHER",
    "autores": "RESEARCHER", "proposito": "PURPOSE", "descripcion detallada": "DETAILED_DESCRIPTION",
    "descripcion": "DETAILED_DESCRIPTION", "estado del arte": "STATE_OF_THE_ART",
    "concepcion": "CONCEPTION", "divulgacion previa": "PREVIOUS_DISCLOSURE", "desarrollo": "DEVELOPMENT",
    "programa o contrato": "PROGRAM_CONTRACT", "contrato": "PROGRAM_CONTRACT", "testigos": "WITNESSES",
    "informacion relevante": "RELEVANT_INFO",
}  # fmt: skip

_EDIT_AS = re.compile(
    r"^\s*(?:pon|poner|escribe|cambia|usa)\s+(?:como|de)\s+"
    r"(?P<section>[^\W\d][\w ]{0,40}?)\s*:\s*(?P<content>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_EDIT_IN = re.compile(
    r"^\s*(?:pon|poner|escribe|agrega|añade)\s+en\s+(?:la\s+)?secci[oó]n\s+(?P<section>[^\W\d][\w ]{0,40}?)"
    r"\s*(?::|\s+que\s+|\s*,\s*)\s*(?P<content>.+)$",
    re.IGNORECASE | re.DOTALL,
)


def report_edit(original: str) -> Mapping[str, Any] | None:
    for pattern in (_EDIT_IN, _EDIT_AS):
        match = pattern.match(original)
        if match and match.group("content").strip():
            section = match.group("section")
            return {
                "Section": SPANISH_SECTIONS.get(fold(section).strip(), section.strip()),
                "Content": match.group("content").strip(),
            }
    return None
