"""Sources of an answer: the citation and the "Fuente: ..." line, sample documents marked."""

from __future__ import annotations

import re

from botk_core.domain import Citation, TableFact
from botk_core.text import fold
from botk_core.tools.search import FoundPassage

SAMPLE_NOTE = "(documento de ejemplo)"
# Sample files carry the mark in their name ("EJEMPLO_informe.docx", "informe (ejemplo).docx").
_SAMPLE_MARK = re.compile(r"(?:^|[\W_])(?:ejemplo|example|sample)(?:$|[\W_])")
_CODE = re.compile(r"^[a-z]{0,3}[-_ ]?\d{1,3}[a-z]?$")


def is_sample(document: str) -> bool:
    """Whether a document's name marks it as an invented sample."""
    return bool(_SAMPLE_MARK.search(fold(document)))


def is_code(label: str) -> bool:
    """A sampling point's code ("M4", "P-12") rather than its name."""
    return bool(_CODE.match(fold(label).strip()))


def fact_location(fact: TableFact, parts: str = "row column") -> str:
    """«Tabla 9 · M4 Macaya Miraflores · Octubre 2021» (only the parts asked for)."""
    pieces = [fact.table or fact.caption]
    if "row" in parts and fact.row:
        pieces.append(" ".join(_distinct(fact.row)))
    if "column" in parts and fact.column:
        pieces.append(fact.column[-1])
    return " · ".join(p for p in pieces if p)


def source_line(found: FoundPassage, location: str | None = None) -> str:
    """«Fuente: <document> · <location>», marked when the document is a sample."""
    where = found.location if location is None else location
    parts = " · ".join(p for p in (found.document, where) if p)
    mark = f" {SAMPLE_NOTE}" if is_sample(found.document) else ""
    return f"Fuente: {parts}{mark}"


def citation(found: FoundPassage, location: str | None = None, quote: str | None = None) -> Citation:
    return Citation(
        found.document,
        found.location if location is None else location,
        (found.text if quote is None else quote)[:300],
        found.document_id,
    )


def _distinct(labels: tuple[str, ...]) -> list[str]:
    seen: list[str] = []
    for label in labels:
        if label and label not in seen:
            seen.append(label)
    return seen
