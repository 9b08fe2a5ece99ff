"""The ``search_documents`` tool over the DocumentStore, with a typed result.

The result travels to every gateway (the offline one and real models) as
JSON: each passage with its document, location and text, and for a table
cell its fact (table, parameter, unit, limit, row, column, value, kind).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from botk_core.domain import Passage, TableFact, ToolSpec
from botk_core.ports import DocumentStore
from botk_core.tools.registry import Tool, ToolContext, ToolResult

SEARCH_DOCUMENTS = "search_documents"
MAX_K = 100

SEARCH_SPEC = ToolSpec(
    name=SEARCH_DOCUMENTS,
    description=(
        "Busca pasajes en los documentos técnicos de la organización (plan maestro, "
        "informes de calidad del agua, guías de la red de sensores). Devuelve los "
        "pasajes más relevantes con su documento y sección; una celda de tabla trae "
        "además su dato (`fact`: tabla, parámetro, unidad, límite, fila, columna, valor y "
        "su tipo: value, below_detection, not_measured o text). Un `fact` de tipo outline es el "
        "índice de una tabla: su parámetro y unidad, todas sus filas (puntos de muestreo) y "
        "campañas; se encuentran buscando «índice de la tabla puntos de muestreo campañas»."
    ),
    parameters={
        "type": "object",
        "properties": {
            "query": {"type": "string", "minLength": 1, "description": "Qué buscar, en español."},
            "k": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_K,
                "description": "Cuántos pasajes (más para una fila o columna entera de una tabla).",
            },
        },
        "required": ["query"],
        "additionalProperties": False,
    },
)


@attrs.frozen
class FoundPassage:
    """One passage of a search, as the tool returns it."""

    document: str
    document_id: str
    location: str
    text: str
    score: float = 0.0
    fact: TableFact | None = None

    @classmethod
    def of(cls, passage: Passage) -> FoundPassage:
        return cls(
            passage.document,
            passage.document_id,
            passage.location,
            passage.text,
            round(passage.score, 4),
            passage.fact,
        )


@attrs.frozen
class SearchOutput:
    """What ``search_documents`` returns: the query and its passages, best first."""

    query: str
    results: tuple[FoundPassage, ...] = ()

    @classmethod
    def from_json(cls, output: Mapping[str, Any]) -> SearchOutput:
        """Read the tool's JSON output back (unknown keys are ignored)."""
        results = tuple(_passage(item) for item in output.get("results", []) if isinstance(item, Mapping))
        return cls(str(output.get("query", "")), results)


_PASSAGE_FIELDS = ("document", "document_id", "location", "text")
_FACT_FIELDS = {field.name for field in attrs.fields(TableFact)}


def _passage(item: Mapping[str, Any]) -> FoundPassage:
    texts = {name: str(item.get(name) or "") for name in _PASSAGE_FIELDS}
    fact = item.get("fact")
    return FoundPassage(
        **texts,
        score=float(item.get("score") or 0.0),
        fact=_fact(fact) if isinstance(fact, Mapping) else None,
    )


def _fact(data: Mapping[str, Any]) -> TableFact:
    known = {key: value for key, value in data.items() if key in _FACT_FIELDS}
    for labels in ("row", "column"):
        known[labels] = tuple(str(label) for label in known.get(labels) or ())
    return TableFact(**known)


def search_documents_tool(store: DocumentStore, default_k: int = 5) -> Tool:
    """Build the tool that searches ``store``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        query = arguments["query"]
        passages = store.search(query, int(arguments.get("k", default_k)))
        output = SearchOutput(query, tuple(FoundPassage.of(p) for p in passages))
        return ToolResult(output, tuple(p.citation() for p in passages))

    return Tool(SEARCH_SPEC, handler)
