"""``modify_document``: edit one section of the conversation's LaTeX report."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botk_core.domain import ToolSpec
from botk_core.errors import InvalidInput
from botk_core.ports import ReportStore
from botk_core.tools.registry import Tool, ToolContext, ToolResult

MODIFY_DOCUMENT = "modify_document"
SECTIONS = (
    "TITLE",
    "RESEARCHER",
    "PURPOSE",
    "DETAILED_DESCRIPTION",
    "STATE_OF_THE_ART",
    "CONCEPTION",
    "PREVIOUS_DISCLOSURE",
    "DEVELOPMENT",
    "PROGRAM_CONTRACT",
    "WITNESSES",
    "RELEVANT_INFO",
)
ALIASES = {
    "AUTHORS": "RESEARCHER",
    "AUTHOR": "RESEARCHER",
    "RESEARCHERS": "RESEARCHER",
    "INVESTIGADORES": "RESEARCHER",
    "TITULO": "TITLE",
    "TÍTULO": "TITLE",
    "PROPÓSITO": "PURPOSE",
}
MAX_CONTENT_CHARS = 20_000

MODIFY_SPEC = ToolSpec(
    name=MODIFY_DOCUMENT,
    description=(
        "Reemplaza el contenido de una sección del informe LaTeX de esta conversación. "
        "Secciones: " + ", ".join(SECTIONS) + ". El texto se escribe tal cual (sin LaTeX)."
    ),
    parameters={
        "type": "object",
        "properties": {
            "Section": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Sección."},
            "Content": {"type": "string", "maxLength": MAX_CONTENT_CHARS, "description": "Nuevo contenido."},
        },
        "required": ["Section", "Content"],
        "additionalProperties": False,
    },
)


def normalize_section(name: str) -> str:
    """The canonical section for ``name``: upper-cased, spaces to ``_``, aliases applied.

    Raises ``InvalidInput`` naming the valid sections when there is none.
    """
    key = re.sub(r"\s+", "_", name.strip().upper())
    key = ALIASES.get(key, key)
    if key not in SECTIONS:
        raise InvalidInput(f"sección desconocida '{name}'. Secciones válidas: {', '.join(SECTIONS)}")
    return key


def modify_document_tool(reports: ReportStore) -> Tool:
    """Build ``modify_document`` over ``reports``."""

    def handler(arguments: Mapping[str, Any], context: ToolContext) -> ToolResult:
        section = normalize_section(arguments["Section"])
        reports.replace_section(context.thread_id, section, arguments["Content"])
        return ToolResult({"status": "ok", "section": section, "message": f"Sección {section} actualizada."})

    return Tool(MODIFY_SPEC, handler)
