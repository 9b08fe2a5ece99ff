"""Core use cases wired on in-memory fakes."""

from __future__ import annotations

import attrs

from botk_adapters.memory import InMemoryThreadRepository
from botk_adapters.memory.documents import InMemoryDocumentStore
from botk_adapters.memory.gateway import ScriptedAssistantGateway
from botk_core.domain import Chunk, DocumentInfo
from botk_core.profile import AssistantCatalog, default_profile
from botk_core.tools import ToolRegistry, search_documents_tool
from botk_core.usecases import SendMessage, StartConversation, StartConversationInput, TurnRunner
from botk_core.usecases.send_message import TurnLimits


@attrs.define
class Core:
    threads: InMemoryThreadRepository
    documents: InMemoryDocumentStore
    gateway: ScriptedAssistantGateway
    tools: ToolRegistry
    send: SendMessage
    start: StartConversation

    def new_thread(self) -> str:
        return self.start.execute(StartConversationInput()).thread.id


def build_core(tools: ToolRegistry | None = None, max_rounds: int = 3, window: int = 20) -> Core:
    threads, documents, gateway = (
        InMemoryThreadRepository(),
        InMemoryDocumentStore(),
        ScriptedAssistantGateway(),
    )
    documents.put(
        DocumentInfo("doc_1", "guia_sensores.md", "h1"),
        [Chunk("La luz roja del sensor indica batería baja. Revise el panel solar.", "3. Luces del sensor")],
    )
    tools = tools or ToolRegistry([search_documents_tool(documents)])
    catalog = AssistantCatalog([default_profile(tool_names=[s.name for s in tools.specs()])])
    runner = TurnRunner(gateway, tools, max_rounds=max_rounds)
    limits = TurnLimits(history_window=window, max_message_chars=100)
    send = SendMessage(threads, catalog, runner, limits=limits)
    return Core(threads, documents, gateway, tools, send, StartConversation(threads, catalog))
