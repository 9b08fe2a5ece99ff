"""SendMessage wired on an OpenAI gateway, a real tool registry and in-memory threads."""

from __future__ import annotations

from typing import Any

from botk_adapters.memory import InMemoryDocumentStore, InMemoryThreadRepository
from botk_core.domain import Chunk, DocumentInfo, Message, ToolSpec
from botk_core.ports import AssistantGateway
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import Tool, ToolRegistry, ToolResult, search_documents_tool
from botk_core.usecases import (
    SendMessage,
    SendMessageInput,
    StartConversation,
    StartConversationInput,
    TurnRunner,
)
from botk_core.usecases.send_message import TurnLimits

LEVEL_SPEC = ToolSpec(
    "get_promedio",
    "Promedios de una estación.",
    {"type": "object", "properties": {"estacion": {"type": "string"}}, "required": ["estacion"]},
)


def _level(arguments: Any, context: Any) -> ToolResult:
    return ToolResult({"estacion": arguments["estacion"], "promedio": {"nivel": 1.52}})


def one_document(name: str, text: str, location: str) -> InMemoryDocumentStore:
    documents = InMemoryDocumentStore()
    documents.put(DocumentInfo("d1", name, "h"), [Chunk(text, location)])
    return documents


def search_and_level_tools(documents: InMemoryDocumentStore) -> ToolRegistry:
    return ToolRegistry([search_documents_tool(documents), Tool(LEVEL_SPEC, _level)])


class ChatHarness:
    """One thread of SendMessage on ``gateway`` with ``tools``."""

    def __init__(
        self,
        gateway: AssistantGateway,
        tools: ToolRegistry,
        *,
        vector_store_id: str | None = None,
        history_window: int = 20,
    ) -> None:
        self.gateway = gateway
        profile = default_profile(tool_names=[s.name for s in tools.specs()], vector_store_id=vector_store_id)
        catalog = AssistantCatalog([profile])
        self.threads = InMemoryThreadRepository()
        runner = TurnRunner(gateway, tools)
        limits = TurnLimits(history_window=history_window)
        self.send = SendMessage(self.threads, catalog, runner, limits=limits)
        self.thread_id = StartConversation(self.threads, catalog).execute(StartConversationInput()).thread.id

    def ask(self, question: str) -> Message:
        return self.send.execute(SendMessageInput(self.thread_id, question))

    def statuses(self) -> list[tuple[str, str]]:
        return [(m.role, m.status) for m in self.threads.list_messages(self.thread_id, limit=20).messages]
