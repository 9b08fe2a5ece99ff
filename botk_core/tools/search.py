"""The ``search_documents`` tool over the DocumentStore."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botk_core.domain import ToolSpec
from botk_core.ports import DocumentStore
from botk_core.tools.registry import Tool, ToolContext, ToolResult

SEARCH_DOCUMENTS = "search_documents"

SEARCH_SPEC = ToolSpec(
    name=SEARCH_DOCUMENTS,
    description=(
        "Busca pasajes en los documentos técnicos de la organización (plan maestro, "
        "informes de calidad del agua, guías de la red de sensores). Devuelve los "
        "pasajes más relevantes con su documento y sección."
    ),
    parameters={
        "type": "object",
        "properties": {
            "query": {"type": "string", "minLength": 1, "description": "Qué buscar, en español."},
            "k": {"type": "integer", "minimum": 1, "maximum": 10, "description": "Cuántos pasajes."},
        },
        "required": ["query"],
        "additionalProperties": False,
    },
)


def search_documents_tool(store: DocumentStore, default_k: int = 5) -> Tool:
    """Build the tool that searches ``store``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        passages = store.search(arguments["query"], int(arguments.get("k", default_k)))
        results = [
            {
                "document": p.document,
                "document_id": p.document_id,
                "location": p.location,
                "text": p.text,
                "score": round(p.score, 4),
            }
            for p in passages
        ]
        return ToolResult({"results": results}, tuple(p.citation() for p in passages))

    return Tool(SEARCH_SPEC, handler)
