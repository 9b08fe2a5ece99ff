"""Tools the assistant can call, and the registry that runs them."""

from botk_core.tools.registry import Tool, ToolContext, ToolRegistry, ToolResult
from botk_core.tools.search import SEARCH_DOCUMENTS, search_documents_tool

__all__ = [
    "SEARCH_DOCUMENTS",
    "Tool",
    "ToolContext",
    "ToolRegistry",
    "ToolResult",
    "search_documents_tool",
]
